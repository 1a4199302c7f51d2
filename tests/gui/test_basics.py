"""The basics every annotation tool has: find in the article, a line when no document
matches, the quote filter, text zoom, remembered folders, the last document, About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QFileDialog

from gui.article.find_bar import HIT_COLOR, fold
from gui.dialogs.about import AboutDialog

Mod = Qt.KeyboardModifier


def test_ctrl_f_finds_every_form_and_f3_steps(qtbot, user, window, text) -> None:
    user.key(Qt.Key.Key_F, Mod.ControlModifier)
    bar = window.find_bar
    hit = QBrush(QColor(HIT_COLOR))
    assert bar.isVisible() and QApplication.focusWidget() is bar.edit
    bar.edit.setText("ПУТИН")  # any case
    hits = [i for i in range(len(text)) if text.startswith("Путин", i)]
    assert bar.hits == hits and bar.count.text() == f"{len(hits)} hits"
    marked = [s for s in window.view.extraSelections() if s.format.background() == hit]
    assert len(marked) == len(hits)  # every hit marked
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert window.view.selection_span() == (hits[0], hits[0] + 5)
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    assert window.view.selection_span() == (hits[1], hits[1] + 5)
    assert bar.count.text() == f"2 of {len(hits)}"
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3, Mod.ShiftModifier)
    assert window.view.selection_span() == (hits[0], hits[0] + 5)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and QApplication.focusWidget() is window.view
    assert not [s for s in window.view.extraSelections() if s.format.background() == hit]


def test_find_treats_yo_as_ye() -> None:
    assert fold("Ещё ЁЛКА") == "еще елка"


def test_a_search_that_finds_nothing_says_so(qtbot, window) -> None:
    box, line = window.document_list.search_box, window.document_list.no_match
    box.setText("Владивосток")
    qtbot.waitUntil(lambda: window.document_list.model.total == 0, timeout=3000)
    assert line.isVisible() and line.text() == "No documents match «Владивосток»."
    box.clear()
    qtbot.waitUntil(lambda: window.document_list.model.total == 2, timeout=3000)
    assert not line.isVisible()


def test_the_label_filter_has_quote(window) -> None:
    labels = window.document_list.label_box
    labels.setCurrentIndex(labels.findData("QUOTE"))
    model = window.document_list.model
    assert model.total == 1  # the first document has a quote, the second none
    assert model.summary(0).quotes == 1


def test_text_zoom_is_remembered(qtbot, user, store, make_window, window) -> None:  # type: ignore[no-untyped-def]
    size = window.view.font().pointSizeF()
    user.key(Qt.Key.Key_Equal, Mod.ControlModifier)
    user.key(Qt.Key.Key_Equal, Mod.ControlModifier)
    assert window.view.font().pointSizeF() == size + 2
    user.key(Qt.Key.Key_Minus, Mod.ControlModifier)
    assert window.view.font().pointSizeF() == size + 1
    later = make_window(store)
    assert later.view.font().pointSizeF() == size + 1


def test_file_dialogs_start_where_the_last_choice_was(window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "articles"
    folder.mkdir()
    asked: list[str] = []

    def pick(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        asked.append(start)
        return [str(folder / "a.txt")], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", pick)
    monkeypatch.setattr(window, "import_files", lambda files: True)  # no import needed
    window.menu_actions.import_files.trigger()
    window.menu_actions.import_files.trigger()
    assert asked[0] == str(Path.home()) and asked[1] == str(folder)


def test_the_window_reopens_on_the_last_document(make_window, store) -> None:  # type: ignore[no-untyped-def]
    first = make_window(store, remember_layout=True)
    second_id = first.document_list.model.summary(1).id
    first.open_document(second_id)
    first.close()
    again = make_window(store, remember_layout=True)
    again.open_last()
    assert again.current.id == second_id


def test_help_about_names_the_version_and_the_database(window, db: Path) -> None:
    window.menu_actions.about.trigger()
    about = window.findChild(AboutDialog)
    assert about.isVisible()
    assert "Version: " in about.text.text() and str(db) in about.text.text()
    assert "tester" in about.text.text()


def test_the_first_start_asks_for_the_name_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QInputDialog

    from gui.dialogs.annotator import remembered_annotator, resolve_annotator

    asked: list[str] = []

    def type_name() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        asked.append(dialog.labelText())
        dialog.setTextValue("Анна")
        dialog.accept()

    QTimer.singleShot(0, type_name)
    assert resolve_annotator(None, ask=True) == "Анна"
    assert asked and asked[0].startswith("Your name for the edit log")
    assert remembered_annotator() == "Анна"
    assert resolve_annotator(None, ask=True) == "Анна"  # not asked again
    assert len(asked) == 1
