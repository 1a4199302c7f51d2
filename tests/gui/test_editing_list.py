"""The document list filters by label and finds other case forms of a search word."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from edit_helpers import NAMES, SECOND, TEXT, entities_for, make_db
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from gui.main_window import MainWindow
from models.io.ingest import document_from_text
from models.nlp.occurrences import pymorphy_forms
from models.store.store import Store


def _index(text: str) -> str:
    return " ".join(set().union(*map(pymorphy_forms, text.replace(".", " ").split())))


@pytest.fixture
def w(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    path = tmp_path / "list.db"
    make_db(path, [])
    store = Store(path)
    for text, names in ((TEXT, NAMES), (SECOND, {"Путин": "PER"})):
        store.add_document(
            document_from_text(text).with_annotations(entities_for(text, names), []),
            search_lemmas=_index(text),
        )
    w = MainWindow(store, annotator="t", remember_layout=False)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()
    store.close()


def test_label_filter_keeps_documents_with_that_label(w: MainWindow) -> None:
    lst = w.document_list
    lst.label_box.setCurrentIndex(lst.label_box.findData("LOC"))
    assert lst.model.rowCount() == 1 and lst.model.summary(0).entities == len(NAMES)
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
    qtbot.keyClick(lst.search_box, Qt.Key.Key_Return)
    assert lst.model.rowCount() == 1
    assert lst.model.summary(0).title.startswith("Президент")
