"""Driving the editing controller as a user does: mouse drags, clicks and keys.

Documents are built without natasha (the "model" spans are placed by hand) and stored
in a database file, so each test can reopen the file and check what was committed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from gui.main_window import MainWindow
from models.io.ingest import document_from_text
from models.spans import Document, Entity, Quote, Speaker
from models.store.store import Store

TEXT = (
    "Президент РФ Владимир Путин встретился с Садыром Жапаровым в Бишкеке.\n\n"
    "«Мы договорились», — сказал Путин журналистам. По словам эксперта Юрия Крупнова, "
    "«это важный шаг». Путину понравилось, Путина хвалили."
)
NAMES = {
    "РФ": "LOC",
    "Владимир Путин": "PER",
    "Садыром Жапаровым": "PER",
    "Бишкеке": "LOC",
    "Юрия Крупнова": "PER",
}
SECOND = "Второй текст. Путин прилетел в Бишкек, а Путина встретили."


def entities_for(text: str, names: dict[str, str]) -> list[Entity]:
    """A suggested entity at the first occurrence of each name."""
    return [
        Entity(text.index(n), text.index(n) + len(n), label, n, n) for n, label in names.items()
    ]


def quote_for(text: str, words: str, speaker: str | None = None) -> Quote:
    """A suggested quote of ``words`` (linked to ``speaker``'s entity on insert)."""
    i = text.index(words)
    sp = None
    if speaker:
        j = text.index(speaker)
        sp = Speaker(j, j + len(speaker), speaker, speaker)
    return Quote(i, i + len(words), words, sp)


def make_db(path: Path, docs: list[Document] | None = None) -> list[str]:
    """A database file holding the documents (default: TEXT and SECOND)."""
    if docs is None:
        docs = [
            document_from_text(TEXT).with_annotations(
                entities_for(TEXT, NAMES), [quote_for(TEXT, "это важный шаг")]
            ),
            document_from_text(SECOND).with_annotations(entities_for(SECOND, {"Путин": "PER"}), []),
        ]
    store = Store(path)
    for doc in docs:
        store.add_document(doc)
    ids = store.document_ids()
    store.close()
    return ids


def reopened(path: Path) -> Document:
    """The first document as a fresh connection reads it from the file."""
    store = Store(path)
    try:
        return store.document(store.document_ids()[0])
    finally:
        store.close()


def status_of(path: Path, doc_id: str) -> str:
    """A document's status as a fresh connection reads it from the file."""
    store = Store(path)
    try:
        return store.document_status(doc_id)
    finally:
        store.close()


def point(window: MainWindow, offset: int) -> QPoint:
    """The viewport point just right of the caret position at a code-point offset."""
    view = window.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.layers.offsets.to_qt(offset))
    rect = view.cursorRect(cursor)
    return QPoint(rect.left() + 1, rect.center().y())


def drag(qtbot, window: MainWindow, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    """Select ``[start, end)`` with the mouse."""
    vp = window.view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=point(window, start))
    qtbot.mouseMove(vp, point(window, (start + end) // 2))
    qtbot.mouseMove(vp, point(window, end))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=point(window, end))


def click(qtbot, window: MainWindow, offset: int) -> None:  # type: ignore[no-untyped-def]
    """Click inside the character at ``offset``."""
    view = window.view
    p = point(window, offset)
    nxt = point(window, offset + 1)
    if nxt.y() == p.y() and nxt.x() > p.x():
        p = QPoint((p.x() + nxt.x()) // 2, p.y())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=p)


def key(
    qtbot,
    window: MainWindow,
    key: Qt.Key,  # type: ignore[no-untyped-def]
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Press a key in the article."""
    qtbot.keyClick(window.view, key, modifiers)


def labels_in(doc: Document) -> list[tuple[str, str, str]]:
    """``(text, label, state)`` of every entity."""
    return [(e.text, e.label, e.state) for e in doc.entities]


@pytest.fixture(name="db")
def db_fixture(tmp_path: Path) -> Path:
    """A database file with TEXT (entities and a quote) and SECOND."""
    path = tmp_path / "edit.db"
    make_db(path)
    return path


@pytest.fixture(name="window")
def window_fixture(qtbot, db: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The main window on ``db``, first document open, the article focused."""
    store = Store(db)
    w = MainWindow(store, annotator="tester", remember_layout=False)
    qtbot.addWidget(w)
    w.show()
    w.open_first()
    w.activateWindow()  # shortcuts need an active window
    qtbot.waitUntil(w.isActiveWindow)
    w.view.setFocus()
    yield w
    w.close()
    store.close()
