"""A scripted session of 200 mixed edits, undos and redos on a database file.

After every undo the state equals the state before that edit; at the end, reopening
the file from disk gives the identical state, and undoing everything gives the start.
"""

from __future__ import annotations

import random
from pathlib import Path

from models.service.annotation import AnnotationService
from models.store.store import Store

SAMPLE_NAMES = {
    "Владимир Путин": "PER",
    "Путин": "PER",
    "Садыром Жапаровым": "PER",
    "Киргизии": "LOC",
    "России": "LOC",
    "ЕАЭС": "ORG",
    "URA.RU": "ORG",
}


def _steps(rng: random.Random, n: int) -> list[tuple[int, int, int, int]]:
    out = []
    for _ in range(n):
        roll = rng.random()
        kind = 100 if roll < 0.25 else 200 if roll < 0.35 else rng.randrange(14)
        out.append((kind, rng.randrange(10_000), rng.randrange(10_000), rng.randrange(8)))
    return out


def test_200_edits_reopen_identical_and_undo_all(
    tmp_path: Path,
    short_text,
    short_names,
    simple_forms,
    add_doc,
    quote_of,
    snapshot,
    edit_session,
    sample_text,
) -> None:
    path = tmp_path / "session.db"
    store = Store(path)
    text = sample_text
    ids = [
        add_doc(store, text, SAMPLE_NAMES, [quote_of(text, "упорядоченной", "Путин")]).id,
        add_doc(
            store,
            short_text,
            short_names,
            [quote_of(short_text, "это важный шаг", "Юрия Крупнова")],
        ).id,
    ]
    svc = AnnotationService(store, "tester", forms=simple_forms)
    start = snapshot(store)
    driver, befores = edit_session(svc, ids), []
    done = {"edit": 0, "undo": 0, "redo": 0, "none": 0}
    for step in _steps(random.Random(4), 200):
        before = snapshot(store)
        what = driver.step(step)
        done[what] += 1
        if what in ("edit", "redo"):
            befores.append(before)
        elif what == "undo":
            assert snapshot(store) == befores.pop()
    assert done["edit"] > 80 and done["undo"] > 20 and done["redo"] >= 3, done
    final = snapshot(store)
    store.close()
    reopened = Store(path)
    assert snapshot(reopened) == final
    svc = AnnotationService(reopened, "tester", forms=simple_forms)
    while driver.undo:
        svc.revert(driver.undo.pop())
    assert snapshot(reopened) == start
