"""Edit latency in the window: key press → repainted article and committed row.

For add (select words, press P), relabel (press O on it) and delete (press Delete), on
the bundled sample (natasha's spans) and on a generated 1 MB article with 10,000 entity
spans and 500 quotes (benchmarks/generate.py), in an offscreen main window on a database
file. Each timing starts before the key event is sent and ends after the article's
viewport has repainted synchronously; the edit is committed inside that interval (the
service writes before it returns), and a second connection checks the row afterwards.
The aim: the big article edits as fast as the small one (within 2x).

Run: python benchmarks/bench_edit.py [--edits 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from benchmarks.generate import big_article
from gui.app import application
from gui.main_window import MainWindow
from models import AnnotationService, Store
from models.io.importers import import_files
from models.labels import sample_path

OPS = ("add", "relabel", "delete")


def _db(folder: Path, big: bool) -> Path:
    path = folder / ("big.db" if big else "sample.db")
    store = Store(path)
    if big:
        store.add_document(big_article())
    else:
        import_files(store, [sample_path()])
    store.close()
    return path


def _words(text: str, n: int) -> list[tuple[int, int]]:
    """``n`` lower-case words spread over the text, not inside any span (checked later)."""
    import re

    found = [(m.start(), m.end()) for m in re.finditer(r"\b[а-я]{6,}\b", text)]
    step = max(1, len(found) // (n + 1))
    return found[step::step][:n]


def _press(window: MainWindow, key: Qt.Key) -> float:
    """Seconds from sending the key to a finished repaint of the article."""
    view = window.view
    start = time.perf_counter()
    QTest.keyClick(view, key)
    view.viewport().repaint()
    return time.perf_counter() - start


def _select(window: MainWindow, start: int, end: int) -> None:
    view = window.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.layers.offsets.to_qt(start))
    cursor.setPosition(view.layers.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.centerCursor()
    view.format_visible()
    view.viewport().repaint()


def _stored_labels(path: Path, start: int) -> list[str]:
    check = Store(path)
    try:
        doc_id = check.document_ids()[0]
        return [
            e.label
            for e in check.spans.entities_overlapping(doc_id, start, start + 1)
            if e.start == start
        ]
    finally:
        check.close()


def run(path: Path, edits: int) -> dict[str, list[float]]:
    """Time ``edits`` rounds of add / relabel / delete on the document in ``path``."""
    app = application()
    store = Store(path)
    window = MainWindow(AnnotationService(store, "bench"), remember_layout=False)
    window.resize(1400, 900)
    window.show()
    window.activateWindow()
    window.open_first()
    window.view.setFocus()
    app.processEvents()
    times: dict[str, list[float]] = {op: [] for op in OPS}
    text = window.current.document.text
    for start, end in _words(text, edits):
        if window.view.span_at(start) is not None:
            continue
        _select(window, start, end)
        times["add"].append(_press(window, Qt.Key.Key_P))
        assert _stored_labels(path, start) == ["PER"], "add not committed"
        times["relabel"].append(_press(window, Qt.Key.Key_O))
        assert _stored_labels(path, start) == ["ORG"], "relabel not committed"
        times["delete"].append(_press(window, Qt.Key.Key_Delete))
        assert _stored_labels(path, start) == [], "delete not committed"
        app.processEvents()  # let the document list's deferred refresh run between rounds
    window.close()
    store.close()
    return times


def main() -> int:
    """Run both documents and print medians, 90th percentiles and the big/small ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small = run(_db(Path(tmp), big=False), args.edits)
        big = run(_db(Path(tmp), big=True), args.edits)
    print(
        f"{'edit':<8} {'sample median':>14} {'1 MB median':>12} {'ratio':>6} "
        f"{'sample p90':>11} {'1 MB p90':>9}   (ms, {len(big['add'])} edits each)"
    )
    worst = 0.0
    for op in OPS:
        s, b = statistics.median(small[op]), statistics.median(big[op])
        s90 = statistics.quantiles(small[op], n=10)[-1]
        b90 = statistics.quantiles(big[op], n=10)[-1]
        worst = max(worst, b / s)
        print(
            f"{op:<8} {s * 1000:>14.2f} {b * 1000:>12.2f} {b / s:>6.2f} "
            f"{s90 * 1000:>11.2f} {b90 * 1000:>9.2f}"
        )
    print(f"worst big/small ratio of medians: {worst:.2f} (aim: within 2x)")
    print("(the side panels update in place within each edit's time above)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
