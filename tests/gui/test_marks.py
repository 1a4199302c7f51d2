"""What the article shows: a selected span keeps its colour inside a frame, quoted words
are italic and untinted, the news header line is dimmed (its text kept whole)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor

from gui.article.highlighter import KIND_PROPERTY, NOISE_COLOR
from gui.article.marks import FRAME_COLOR
from models import Store
from models.io.ingest import document_from_text


def pixel_row(view, offset: int):  # type: ignore[no-untyped-def]
    """The viewport image and the caret rect at a code-point offset."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.layers.offsets.to_qt(offset))
    view.viewport().repaint()
    return view.viewport().grab().toImage(), view.cursorRect(cursor)


def test_a_selected_span_keeps_its_colour_in_a_frame(user, window, text) -> None:
    view = window.view
    putin = text.index("Владимир Путин")
    image, rect = pixel_row(view, putin)
    before = image.pixelColor(rect.left() + 4, rect.top() + 1)  # tint above the letters
    user.click(putin + 3)
    assert view.textCursor().selectedText() == "Владимир Путин"
    image, rect = pixel_row(view, putin)
    after = image.pixelColor(rect.left() + 4, rect.top() + 1)
    assert after == before  # not Qt's solid blue: the label's tint stays
    frame = QColor(FRAME_COLOR)
    edge = [image.pixelColor(x, rect.center().y()) for x in range(rect.left() - 3, rect.left())]
    assert any(abs(c.red() - frame.red()) + abs(c.green() - frame.green()) < 120 for c in edge)


def test_quoted_words_are_italic_with_no_tint_of_their_own(user, window, painted, text) -> None:
    fmt = painted.format(window.view, text.index("важный"))
    assert fmt.property(KIND_PROPERTY) == "quote" and fmt.fontItalic()
    assert fmt.background().style() == Qt.BrushStyle.NoBrush


def test_the_news_header_line_is_dimmed_and_kept_whole(
    qtbot, make_window, focused, painted, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    text = (
        "date 2025-11-26 Трудовые мигранты из Киргизии Фото: Немышев Вячеслав © URA.RU\n\n"
        "Президент определился с условиями."
    )
    path = tmp_path / "news.db"
    store = Store(path)
    store.add_document(document_from_text(text))
    w = focused(make_window(store, "t"))
    grey = QColor(NOISE_COLOR)
    for word in ("date", "2025-11-26", "Трудовые", "Вячеслав"):
        assert painted.format(w.view, text.index(word)).foreground().color() == grey, word
    assert painted.format(w.view, text.index("Президент")).foreground().style() == (
        Qt.BrushStyle.NoBrush
    )
    assert w.view.toPlainText() == text and w.current.document.text == text
    w.close()
    store.close()
