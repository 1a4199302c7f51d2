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


def test_200_edits_reopen_identical_and_undo_all(
    tmp_path: Path,
    short_text,
    short_names,
    simple_forms,
    add_doc,
    quote_of,
    short_quote,
    snapshot,
    edit_session,
    random_steps,
    sample_text,
) -> None:
    path = tmp_path / "session.db"
    store = Store(path)
    text = sample_text
    ids = [
        add_doc(store, text, SAMPLE_NAMES, [quote_of(text, "упорядоченной", "Путин")]).id,
        add_doc(store, short_text, short_names, [short_quote]).id,
    ]
    svc = AnnotationService(store, "tester", forms=simple_forms)
    start = snapshot(store)
    driver = edit_session(svc, ids)
    done = {"edit": 0, "undo": 0, "redo": 0, "none": 0}
    for step in random_steps(random.Random(4), 200):
        done[driver.exact_step(step)] += 1
    assert done["edit"] > 80 and done["undo"] > 20 and done["redo"] >= 3, done
    final = snapshot(store)
    store.close()
    reopened = Store(path)
    assert snapshot(reopened) == final
    svc = AnnotationService(reopened, "tester", forms=simple_forms)
    while driver.undo:
        svc.revert(driver.undo.pop())
    assert snapshot(reopened) == start
