"""The editing workflow in the window: keyboard map, review view, state styles, panels,
an emoji before the edit, and the annotator's name."""

from __future__ import annotations

from pathlib import Path

from edit_helpers import (  # noqa: F401 (fixtures)
    TEXT,
    click,
    db_fixture,
    drag,
    entities_for,
    key,
    make_db,
    reopened,
    window_fixture,
)
from gui_helpers import char_format
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCharFormat

from gui.article.span_styles import STATE_PROPERTY
from gui.dialogs.annotator import remembered_annotator, resolve_annotator
from gui.dialogs.keymap_dialog import KeymapDialog
from gui.main_window import MainWindow
from gui.panels.review_view import ReviewView
from models.io.ingest import document_from_text
from models.store.store import Store

Mod = Qt.KeyboardModifier


def test_f1_and_question_mark_open_the_keyboard_map(qtbot, window) -> None:
    key(qtbot, window, Qt.Key.Key_F1)
    dialog = window.findChild(KeymapDialog)
    assert dialog is not None and dialog.isVisible()
    keys = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert {"P", "Shift+Right", "Ctrl+Z", "Ctrl+Return", "Tab"} <= keys
    dialog.close()
    qtbot.keyClicks(window.view, "?")
    assert any(d.isVisible() for d in window.findChildren(KeymapDialog))


def test_review_view_lists_what_changed(qtbot, window) -> None:
    click(qtbot, window, TEXT.index("Бишкеке") + 1)
    key(qtbot, window, Qt.Key.Key_O)
    key(qtbot, window, Qt.Key.Key_R, Mod.ControlModifier)
    review = window.findChild(ReviewView)
    assert review.isVisible()
    rows = [review.list.item(r).text() for r in range(review.list.count())]
    assert rows == ["~ changed: LOC «Бишкеке» → ORG «Бишкеке»"]
    click(qtbot, window, TEXT.index("Жапаровым"))
    key(qtbot, window, Qt.Key.Key_Delete)  # the open review view follows edits
    assert review.list.count() == 2
    review.list.setCurrentRow(0)
    assert review.model_view.textCursor().selectedText() == "Садыром Жапаровым"


def test_span_states_are_drawn_distinctly(qtbot, window) -> None:
    click(qtbot, window, TEXT.index("Бишкеке") + 1)
    key(qtbot, window, Qt.Key.Key_Return)  # confirmed
    i = TEXT.index("Президент")
    drag(qtbot, window, i, i + 9)
    key(qtbot, window, Qt.Key.Key_P)  # added
    view = window.view
    styles = {}
    for word in ("РФ", "Бишкеке", "Президент"):
        fmt = char_format(view, TEXT.index(word) + 1)
        styles[word] = (fmt.property(STATE_PROPERTY), fmt.underlineStyle(), fmt.fontWeight())
    dash, single = (
        QTextCharFormat.UnderlineStyle.DashUnderline,
        QTextCharFormat.UnderlineStyle.SingleUnderline,
    )
    assert styles["РФ"][:2] == ("suggested", dash)
    assert styles["Бишкеке"][:2] == ("confirmed", single)
    assert styles["Президент"] == ("added", single, QFont.Weight.Bold)


def test_panels_follow_edits(qtbot, window) -> None:
    i = TEXT.index("Президент")
    drag(qtbot, window, i, i + 9)
    key(qtbot, window, Qt.Key.Key_P)
    model = window.entity_panel.model
    qtbot.waitUntil(lambda: bool(model.findItems("Президент", Qt.MatchFlag.MatchRecursive)))


def test_emoji_before_the_selection_keeps_code_point_offsets(qtbot, tmp_path: Path) -> None:
    text = "🇷🇺😀 Сегодня Путин прилетел в Бишкек."
    path = tmp_path / "emoji.db"
    make_db(
        path, [document_from_text(text).with_annotations(entities_for(text, {"Бишкек": "LOC"}), [])]
    )
    store = Store(path)
    w = MainWindow(store, annotator="t", remember_layout=False)
    qtbot.addWidget(w)
    w.show()
    w.open_first()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.view.setFocus()
    i = text.index("Путин")
    drag(qtbot, w, i, i + 5)
    key(qtbot, w, Qt.Key.Key_P)
    ent = next(e for e in reopened(path).entities if e.label == "PER")
    assert (ent.start, ent.end, ent.text) == (i, i + 5, "Путин")
    w.close()
    store.close()


def test_annotator_is_logged_and_remembered(qtbot, window, db: Path) -> None:
    click(qtbot, window, TEXT.index("Бишкеке") + 1)
    key(qtbot, window, Qt.Key.Key_Delete)
    log = Store(db)
    assert log.events()[-1]["annotator"] == "tester"
    log.close()
    assert resolve_annotator("Анна") == "Анна"
    assert remembered_annotator() == "Анна"
    assert resolve_annotator(None) == "Анна"  # remembered, never asked in tests
