"""Selecting a quote marks its speaker, and selecting a speaker marks its quotes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.article.linked_spans import linked_ranges


def _marked(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.cursor.selectedText() for s in window.view.extraSelections()]


def _link_speaker(user, text: str) -> None:  # type: ignore[no-untyped-def]
    user.click(text.index("важный"))
    user.key(Qt.Key.Key_S)
    user.click(text.index("Крупнова"))


def test_selecting_a_quote_marks_its_speaker(user, window, text) -> None:
    _link_speaker(user, text)
    user.click(text.index("Бишкеке"))  # something else first
    assert _marked(window) == []
    user.click(text.index("важный"))
    assert _marked(window) == ["Юрия Крупнова"]


def test_selecting_the_speaker_marks_its_quotes(user, window, text) -> None:
    _link_speaker(user, text)
    user.click(text.index("Крупнова"))
    assert _marked(window) == ["это важный шаг"]


def test_quote_panel_click_makes_the_quote_current(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = window.quote_panel
    index = panel.model.index(0, 0)
    panel.table.scrollTo(index)
    rect = panel.table.visualRect(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    current = window.editing.controller.current_span()
    assert current is not None and current.text == "это важный шаг"
    assert window.view.textCursor().selectedText() == "это важный шаг"


def test_linked_ranges_without_links_is_empty() -> None:
    assert linked_ranges(None, None) == []
