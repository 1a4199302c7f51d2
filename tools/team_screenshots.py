"""Render the team screenshots offscreen: a simulated team of three, by real keys.

A corpus of the bundled sample and twelve real-news passages (tests/data) is imported
with natasha, assigned to anna, boris and vera (half the documents shared by two), and
each annotator reviews their share through the service with seeded, plausible edits
(confirm, delete, move an edge, relabel, unlink a speaker) on a simulated clock, so the
timelines span a working day. The files are merged into team.db, and the adjudicator
settles some documents in the window by keys (Ctrl+Shift+J, then 1-3, R, Tab) and
marks them done. Writes docs/team_agreement.png, docs/team_adjudication.png and
docs/team_dashboard.png.

Run: python tools/team_screenshots.py [--out docs]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

import models.store.log
import models.store.store
import models.store.team
from gui.app import application
from gui.main_window import MainWindow
from models import AnnotationService, Store
from models.io.importers import import_files
from models.labels import sample_path
from models.team.assign import plan, write_shares
from models.team.merge import merge_files

TEAM = ["anna", "boris", "vera"]
PASSAGES = 12
START = datetime(2025, 12, 1, 9, 0, tzinfo=timezone.utc)


class Clock:
    """The time every write is stamped with; each step moves it on."""

    def __init__(self) -> None:
        self.t = START

    def __call__(self) -> str:
        return self.t.isoformat(timespec="milliseconds")

    def step(self, rng: random.Random, low: int = 20, high: int = 90) -> None:
        self.t += timedelta(seconds=rng.randint(low, high))


def _install(clock: Clock) -> None:
    for module in (models.store.log, models.store.store, models.store.team):
        module.now = clock  # type: ignore[attr-defined]


def _corpus(tmp: Path) -> Path:
    texts = tmp / "texts"
    texts.mkdir()
    passages = json.loads((ROOT / "tests/data/quotes_news_dev.json").read_text("utf-8"))
    for p in passages[:PASSAGES]:
        (texts / f"{p['id']}.txt").write_text(p["text"], encoding="utf-8")
    store = Store(tmp / "corpus.db")
    import_files(store, [sample_path(), texts])
    store.close()
    return tmp / "corpus.db"


def _review(service: AnnotationService, doc_id: str, rng: random.Random, clock: Clock) -> None:
    """One annotator's pass over one document: most suggestions kept, some not."""
    service.confirm_all(doc_id)
    clock.step(rng, 60, 200)
    for e in service.document(doc_id).entities:
        roll = rng.random()
        if roll < 0.07:
            service.delete_entity(e.id)  # type: ignore[arg-type]
        elif roll < 0.11:
            service.move_entity(e.id, "end", rng.choice([-1, 1]))  # type: ignore[arg-type]
        elif roll < 0.14 and e.label != "PER":
            service.relabel(e.id, "ORG" if e.label == "LOC" else "LOC")  # type: ignore[arg-type]
        else:
            continue
        clock.step(rng)
    for q in service.document(doc_id).quotes:
        if rng.random() < 0.2 and q.speaker is not None:
            service.unlink_speaker(q.id)  # type: ignore[arg-type]
            clock.step(rng)
    service.set_status(doc_id, "done" if rng.random() < 0.9 else "in_progress")


def _team(tmp: Path, clock: Clock) -> Path:
    source = Store(_corpus(tmp))
    shares = plan(source.document_ids(), TEAM, 0.5, 2, 1)
    paths = write_shares(source, shares, tmp / "shares", {"overlap": 0.5, "seed": 1})
    source.close()
    for n, (name, path) in enumerate(zip(TEAM, paths)):
        clock.t = START + timedelta(minutes=40 * n)  # they start at different times
        rng = random.Random(n)
        store = Store(path)
        service = AnnotationService(store, name)
        for doc_id in store.document_ids():
            _review(service, doc_id, rng, clock)
            clock.step(rng, 120, 600)
        store.close()
    clock.t = START + timedelta(hours=7)
    team = Store(tmp / "team.db")
    merge_files(team, paths)
    team.close()
    return tmp / "team.db"


def _key(widget, key: Qt.Key, mods=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClick(widget, key, mods)
    application().processEvents()


def _wait(flag, ms: int = 60_000) -> None:  # type: ignore[no-untyped-def]
    waited = 0
    while not flag() and waited < ms:
        QTest.qWait(20)
        waited += 20


def _settle(window: MainWindow, doc_id: str, clock: Clock, rng: random.Random) -> None:
    """Adjudicate one document by keys (majority side, else R) and mark it done."""
    window.open_document(doc_id)
    window.view.setFocus()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    _key(window.view, Qt.Key.Key_J, ctrl_shift)
    view = window.team.adjudication
    while view.adjudication is not None and view.adjudication.remaining():
        clock.step(rng, 10, 40)
        d = view.current
        holders = {a for c in d.candidates for a in c.holders} if d else set()
        first = view.adjudication.annotators.index(sorted(holders)[0]) + 1 if holders else 0
        _key(view.table, Qt.Key(Qt.Key.Key_0 + first) if first else Qt.Key.Key_R)
    clock.step(rng, 30, 90)
    _key(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    clock.step(rng, 1800, 3600)  # the next one after a while


def _save(widget, path: Path) -> None:  # type: ignore[no-untyped-def]
    QTest.qWait(400)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"cannot write {path}")
    print(f"wrote {path}")


def main() -> int:
    """Build the team, adjudicate a few documents, save three PNGs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    clock = Clock()
    _install(clock)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(_team(Path(tmp), clock))
        window = MainWindow(AnnotationService(store, "lead"), remember_layout=False)
        window.resize(1400, 1000)
        window.show()
        window.activateWindow()
        window.open_first()
        app.processEvents()
        panel = window.team.agreement
        window.team.actions["agreement"].trigger()
        _wait(lambda: panel.report is not None)
        rng = random.Random(7)
        worst = [d.doc_id for d in panel.report.documents]
        for doc_id in worst[2:5]:
            _settle(window, doc_id, clock, rng)
        window.team.actions["agreement"].trigger()
        window.resizeDocks([window.team.agreement_dock], [400], Qt.Orientation.Vertical)
        _save(window, out / "team_agreement.png")
        window.open_document(worst[0])
        window.view.setFocus()
        _key(
            window.view,
            Qt.Key.Key_J,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        view = window.team.adjudication
        window.resizeDocks([window.team.adjudication_dock], [480], Qt.Orientation.Vertical)
        _key(view.table, Qt.Key.Key_1)  # one decision made, on to the next
        _save(window, out / "team_adjudication.png")
        board = window.team.dashboard
        window.team.actions["dashboard"].trigger()
        _wait(lambda: board.data is not None)
        _save(board, out / "team_dashboard.png")
        board.close()
        window.close()
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
