"""The document list filters by label and finds other case forms of a search word."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from gui.main_window import MainWindow
from models import Store


@pytest.fixture
def w(corpus, make_window, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "list.db"
    corpus.write(path, lemmas=True)
    store = Store(path)
    yield make_window(store, "t")
    store.close()


def test_label_filter_keeps_documents_with_that_label(w: MainWindow) -> None:
    lst = w.document_list
    lst.label_box.setCurrentIndex(lst.label_box.findData("LOC"))
    assert lst.model.rowCount() == 1 and lst.model.summary(0).entities == 5
    lst.label_box.setCurrentIndex(lst.label_box.findData("PER"))
    assert lst.model.rowCount() == 2


def test_search_finds_another_case_form(qtbot, w: MainWindow) -> None:
    lst = w.document_list
    lst.search_box.setFocus()
    for char in "Жапарову":  # QTest's keyClicks only knows ASCII: send the key events
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                lst.search_box,
                QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char),
            )
    lst.search_box.setFocus()  # the user is in the box (Enter elsewhere confirms)
    qtbot.keyClick(lst.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lst.model.rowCount() == 1)  # read off the GUI thread
    assert lst.model.summary(0).title.startswith("Президент")


def test_counts_in_the_list_follow_an_edit(qtbot, w: MainWindow) -> None:
    w.open_first()
    model = w.document_list.model
    assert model.index(0, 3).data() == 5
    doc = w.current.document
    w.service.delete_entity(doc.entities[0].id)
    qtbot.waitUntil(lambda: model.index(0, 3).data() == 4, timeout=2000)
    assert model.index(0, 2).data() == "new"
