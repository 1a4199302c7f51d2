"""The editing workflow in the window: keyboard map, review view, state styles, panels,
an emoji before the edit, and the annotator's name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from gui.article.span_styles import STATE_PROPERTY
from gui.dialogs.annotator import remembered_annotator, resolve_annotator
from gui.dialogs.keymap_dialog import KeymapDialog
from gui.panels.review_view import ReviewView
from models import Store

Mod = Qt.KeyboardModifier


def test_f1_and_question_mark_open_the_keyboard_map(qtbot, user, window) -> None:
    user.key(Qt.Key.Key_F1)
    dialog = window.findChild(KeymapDialog)
    assert dialog is not None and dialog.isVisible()
    keys = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    # Letter keys in both layouts: the same physical key works in ЙЦУКЕН.
    assert {"P · З", "Shift+Right", "Ctrl+Z · Ctrl+Я", "Ctrl+Return", "Tab"} <= keys
    dialog.close()
    qtbot.keyClicks(window.view, "?")
    assert any(d.isVisible() for d in window.findChildren(KeymapDialog))


def test_review_view_lists_what_changed(user, window, text) -> None:
    user.click(text.index("Бишкеке") + 1)
    user.key(Qt.Key.Key_O)
    user.key(Qt.Key.Key_R, Mod.ControlModifier)
    review = window.findChild(ReviewView)
    assert review.isVisible()
    rows = [review.list.item(r).text() for r in range(review.list.count())]
    assert rows == ["~ changed: LOC «Бишкеке» → ORG «Бишкеке»"]
    user.click(text.index("Жапаровым"))
    user.key(Qt.Key.Key_Delete)  # the open review view follows edits
    assert review.list.count() == 2
    review.list.setCurrentRow(0)
    assert review.model_view.textCursor().selectedText() == "Садыром Жапаровым"
    assert review.gold_view.span_at(text.index("Жапаровым")) is None  # gone from the gold


def test_span_states_are_drawn_distinctly(user, window, painted, text) -> None:
    user.click(text.index("Бишкеке") + 1)
    user.key(Qt.Key.Key_Return)  # confirmed
    i = text.index("Президент")
    user.drag(i, i + 9)
    user.key(Qt.Key.Key_P)  # added
    user.key(Qt.Key.Key_Escape)  # nothing selected: no frame over the lines
    view, colors = window.view, {lb.name: QColor(lb.color) for lb in window.labels.entities}
    marks = {}
    for word, label in (("РФ", "LOC"), ("Бишкеке", "LOC"), ("Президент", "PER")):
        start = text.index(word)
        fmt = painted.format(view, start + 1)
        rows = painted.rows(view, start, start + len(word), colors[label])
        marks[word] = (
            fmt.property(STATE_PROPERTY),
            painted.line_runs(view, start, start + len(word), colors[label]),
            round(max(rows), 1),
            fmt.fontWeight() == QFont.Weight.Bold,
        )
    assert marks["РФ"][:2] == ("suggested", 0) and 0.4 <= marks["РФ"][2] <= 0.85  # dashed
    assert marks["Бишкеке"][:2] == ("confirmed", 1)  # one solid line
    assert marks["Президент"][:2] == ("added", 2)  # a double line
    assert not any(m[3] for m in marks.values())  # bold is the speaker's mark alone


def test_panels_follow_edits_at_once(user, window, text) -> None:
    i = text.index("Президент")
    user.drag(i, i + 9)
    user.key(Qt.Key.Key_P)
    model = window.entity_panel.model
    assert model.findItems("Президент", Qt.MatchFlag.MatchRecursive)  # no timer to wait for


def test_emoji_before_the_selection_keeps_code_point_offsets(
    qtbot, user, corpus, make_window, focused, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    text = "🇷🇺😀 Сегодня Путин прилетел в Бишкек."
    path = tmp_path / "emoji.db"
    corpus.write(path, [corpus.suggested(text, {"Бишкек": "LOC"})])
    store = Store(path)
    w = focused(make_window(store, "t"))
    i = text.index("Путин")
    user.at(w).drag(i, i + 5)
    user.at(w).key(Qt.Key.Key_P)
    w.close()
    store.close()
    reopened = Store(path)
    ent = next(e for e in reopened.document(w.current.id).entities if e.label == "PER")
    reopened.close()
    assert (ent.start, ent.end, ent.text) == (i, i + 5, "Путин")


def test_annotator_is_logged_and_remembered(user, stored, text) -> None:
    user.click(text.index("Бишкеке") + 1)
    user.key(Qt.Key.Key_Delete)
    assert stored.events()[-1]["annotator"] == "tester"
    assert resolve_annotator("Анна") == "Анна"
    assert remembered_annotator() == "Анна"
    assert resolve_annotator(None) == "Анна"  # remembered, never asked in tests
