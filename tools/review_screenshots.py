"""Render the README's review-workflow screenshots offscreen, by driving real keys.

docs/edit_entity.png: suggestions confirmed with Enter (solid lines), a photo credit
deleted, a span relabelled O then L again (double line: changed by a person), the span
selected (a frame), the status line describing it; docs/quote_speaker.png: a quote
whose speaker was unlinked (U) and picked again from the ranked candidates (1),
described in the status line;
docs/review.png: the review dock after those edits; docs/review_1024.png: the same at
1024x700; docs/annotator_prompt.png: the first-start question for the annotator's name.
The sample is imported with natasha into a throw-away database.

Run: python tools/review_screenshots.py [--out docs]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from gui.app import application
from gui.dialogs.annotator import name_dialog
from gui.main_window import MainWindow
from gui.panels.document_list import REFRESH_DELAY_MS
from models import AnnotationService, Store
from models.io.importers import import_files
from models.labels import sample_path


def _key(
    window: MainWindow, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.keyClick(window.view, key, mods)
    application().processEvents()


def _click(window: MainWindow, offset: int) -> None:
    view = window.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.layers.offsets.to_qt(offset))
    view.setTextCursor(cursor)
    view.centerCursor()
    application().processEvents()
    rect = view.cursorRect(cursor)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 3, rect.center().y())
    )
    application().processEvents()


def _save(widget, path: Path) -> None:  # type: ignore[no-untyped-def]
    QTest.qWait(REFRESH_DELAY_MS + 200)  # the document list's counts follow after a pause
    if not widget.grab().save(str(path)):
        raise SystemExit(f"cannot write {path}")
    print(f"wrote {path}")


def main() -> int:
    """Import the sample, make the edits, save three PNGs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs"))
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "shots.db")
        import_files(store, [sample_path()])
        window = MainWindow(
            AnnotationService(store, "Анна"), remember_layout=False, size=(1400, 900)
        )
        window.show()
        window.activateWindow()
        window.open_first()
        window.view.setFocus()
        app.processEvents()
        text = window.current.document.text
        _key(window, Qt.Key.Key_Tab)
        for _ in range(6):
            _key(window, Qt.Key.Key_Return)  # confirm, and on to the next suggestion
        _click(window, text.index("Наумов"))
        _key(window, Qt.Key.Key_Delete)  # a photo credit, not a person in the story
        _click(window, text.index("Кыргызстана"))
        _key(window, Qt.Key.Key_O)  # a slip of the finger: ORG…
        _key(window, Qt.Key.Key_L)  # …and back to LOC: a person's edit now (double line)
        _save(window, out / "edit_entity.png")
        _click(window, text.index("миграционная амнистия"))
        _key(window, Qt.Key.Key_U)
        _key(window, Qt.Key.Key_1)
        _click(window, text.index("миграционная амнистия"))
        _save(window, out / "quote_speaker.png")
        _key(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        review = window.editing.review
        review.list.setCurrentRow(0)
        _save(window, out / "review.png")
        window.resize(1024, 700)
        _save(window, out / "review_1024.png")
        window.close()
        store.close()
    prompt = name_dialog()
    prompt.setTextValue("Анна")
    prompt.show()
    _save(prompt, out / "annotator_prompt.png")
    prompt.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
