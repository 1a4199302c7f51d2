"""The GUI thread never blocks during a batch import in the window, and Cancel keeps work.

A timer on the event loop fires every 10 ms while the window imports real articles
(natasha pre-annotation and quote rules in the worker); the longest gap between two
firings is how long a user would have waited for a repaint or a click. The issue's
target is 100 ms (benchmarks/bench_gui.py reports it for 1,000 articles); here the bound
is 250 ms so a loaded CI machine does not make the test flaky, still far below what a
blocking import (seconds) would show.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

from benchmarks.generate import write_articles
from gui.main_window import MainWindow
from models import Store

PROBE_MS = 10
MAX_GAP_MS = 250
ARTICLES = 60

pytestmark = pytest.mark.slow


class EventLoopProbe:
    """Records the gaps between firings of a fast timer on the GUI thread."""

    def __init__(self) -> None:
        self.gaps: list[int] = []
        self.clock = QElapsedTimer()
        self.timer = QTimer(interval=PROBE_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.clock.start()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        self.gaps.append(self.clock.restart())


@pytest.fixture
def batch_store(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = Store(tmp_path / "batch.db")
    yield store
    store.close()


@pytest.fixture
def window(make_window, batch_store: Store):  # type: ignore[no-untyped-def]
    w = make_window(batch_store)
    w.resize(1200, 800)
    yield w
    w.close()


def test_a_batch_import_never_stalls_the_event_loop(
    qtbot, window: MainWindow, batch_store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "articles"
    write_articles(folder, ARTICLES)
    probe = EventLoopProbe()
    bar = window.import_status.bar
    values: list[tuple[int, int]] = []
    window.runner.progress.connect(lambda *_: values.append((bar.value(), bar.maximum())))
    probe.start()
    with qtbot.waitSignal(window.import_finished, timeout=300_000) as finished:
        assert window.import_files([folder])
        assert window.import_status.isVisible()
    probe.stop()
    report = finished.args[0]
    assert len(report.added) == ARTICLES and not report.errors
    assert batch_store.count_documents() == ARTICLES
    assert window.document_list.model.rowCount() == ARTICLES
    assert (ARTICLES, ARTICLES) in values  # the bar knew the total and reached it
    assert len(probe.gaps) > 50  # the probe really ran all along
    assert max(probe.gaps) < MAX_GAP_MS, sorted(probe.gaps)[-5:]


def test_cancel_mid_batch_keeps_what_was_done(
    qtbot, window: MainWindow, batch_store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "articles"
    write_articles(folder, 40, seed=1)
    probe = EventLoopProbe()

    def cancel_at_five(done: int, _total: int, _text: str) -> None:
        if done >= 5:
            window.import_status.cancel_button.click()

    window.runner.progress.connect(cancel_at_five)
    probe.start()
    with qtbot.waitSignal(window.import_finished, timeout=300_000) as finished:
        window.import_files([folder])
    probe.stop()
    window.runner.progress.disconnect(cancel_at_five)
    added = finished.args[0].added
    assert 5 <= len(added) < 40  # the import process stops at the next article
    assert batch_store.document_ids() == added  # whole documents, nothing else
    assert window.document_list.model.rowCount() == len(added)
    assert max(probe.gaps) < MAX_GAP_MS
    # The same import again adds exactly the rest.
    with qtbot.waitSignal(window.import_finished, timeout=300_000) as again:
        window.import_files([folder])
    assert len(again.args[0].added) == 40 - len(added)
    assert sorted(again.args[0].already) == sorted(added)
    assert batch_store.count_documents() == 40


def test_cancel_in_memory_keeps_exactly_what_was_done(
    qtbot, make_window, hold_import, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    hold_import(3)  # an in-memory store imports in a thread
    folder = tmp_path / "articles"
    write_articles(folder, 10, seed=2)
    store = Store.in_memory()
    w = make_window(store)
    w.runner.progress.connect(
        lambda done, _t, _x: done >= 3 and w.import_status.cancel_button.click()
    )
    with qtbot.waitSignal(w.import_finished, timeout=300_000) as finished:
        w.import_files([folder])
    assert len(finished.args[0].added) == 3
    assert store.document_ids() == finished.args[0].added
