"""DocumentView: literal text, highlights at the right UTF-16 positions, selection API."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextCursor

from gui.article.document_view import DocumentView
from gui.article.highlighter import KIND_PROPERTY, LABEL_PROPERTY, NOISE_COLOR
from gui.article.span_styles import COLOR_PROPERTY, MARK_PROPERTY
from models import Document, Entity, Noise, Quote, Speaker, load_labels

LABELS = load_labels()
PER = QColor(LABELS.get("PER").color)
LOC = QColor(LABELS.get("LOC").color)


def entity(text: str, needle: str, label: str, id_: int, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Entity(start, start + len(needle), label, needle, needle, id_)


@pytest.fixture
def view(qtbot) -> DocumentView:  # type: ignore[no-untyped-def]
    w = DocumentView(LABELS)
    w.resize(700, 400)
    qtbot.addWidget(w)
    w.show()
    return w


def test_html_like_article_shows_literally(view: DocumentView, painted) -> None:
    text = "<b>Путин</b> & <script>alert(1)</script> &amp; <i>"
    ent = entity(text, "Путин", "PER", 1)
    view.set_document(Document("h", text, entities=(ent,)))
    assert view.toPlainText() == text
    assert painted.label(view, ent.start) == "PER"
    assert painted.label(view, 0) is None  # the "<" of <b> is text, not markup


def test_entity_carries_its_label_colour_and_line(view: DocumentView, painted) -> None:
    text = "Президент РФ Владимир Путин встретился с Садыром Жапаровым в Бишкеке."
    per = entity(text, "Владимир Путин", "PER", 1)
    loc = entity(text, "Бишкеке", "LOC", 2)
    view.set_document(Document("d", text, entities=(per, loc)))
    fmt = painted.format(view, per.start)
    assert QColor(fmt.property(COLOR_PROPERTY)) == PER
    # Dashed, solid or double is the review state's business (gui/article/span_styles.py).
    assert fmt.property(MARK_PROPERTY) == "dashed"
    assert fmt.background().color().rgb() == PER.rgb()  # the tint: same hue, translucent
    assert 0 < fmt.background().color().alphaF() < 1
    assert painted.line_share(view, per.start, per.end, PER) > 0.4  # drawn under the words
    assert painted.label(view, per.start - 1) is None
    assert painted.label(view, per.end) is None
    assert painted.line_share(view, loc.start, loc.end, LOC) > 0.4


def test_emoji_before_entity_does_not_shift_highlight(view: DocumentView, painted) -> None:
    text = "🔥😀 Срочно 👍🏽: Владимир Путин прибыл в Бишкек"
    per = entity(text, "Владимир Путин", "PER", 1)
    view.set_document(Document("e", text, entities=(per,)))
    assert painted.label(view, per.start) == "PER"
    assert painted.label(view, per.end - 1) == "PER"
    assert painted.label(view, per.start - 1) is None  # the space before "Владимир"
    assert painted.label(view, per.end) is None  # the space after "Путин"
    view.select_span(per.start, per.end)
    assert view.textCursor().selectedText() == "Владимир Путин"
    assert view.selection_span() == (per.start, per.end)


def test_noise_is_dimmed_and_entities_in_it_keep_their_tint(view: DocumentView, painted) -> None:
    text = "Текст статьи.\n\nФото: Роман Наумов © URA.RU\n\nЕщё текст."
    start = text.index("Фото")
    end = text.index("\n\nЕщё")
    per = entity(text, "Роман Наумов", "PER", 1)
    view.set_document(Document("n", text, entities=(per,), noise=(Noise(start, end, "caption"),)))
    assert painted.format(view, start).foreground().color() == QColor(NOISE_COLOR)
    inside = painted.format(view, per.start)
    assert inside.foreground().color() == QColor(NOISE_COLOR)
    assert QColor(inside.property(COLOR_PROPERTY)) == PER
    assert painted.format(view, text.index("Ещё")).foreground().style() == Qt.BrushStyle.NoBrush


def test_quote_is_italic_and_speaker_is_bold(view: DocumentView, painted) -> None:
    text = "«Мы будем вырабатывать порядок», — сказал Владимир Путин."
    per = entity(text, "Владимир Путин", "PER", 1)
    q = Quote(
        1,
        text.index("»"),
        text[1 : text.index("»")],
        Speaker(per.start, per.end, per.text, per.text, 1),
        id=7,
    )
    view.set_document(Document("q", text, entities=(per,), quotes=(q,)))
    inside = painted.format(view, 5)
    assert inside.property(KIND_PROPERTY) == "quote"
    assert inside.fontItalic()
    # No tint over the quoted words: the entities in a quote keep their own colour.
    assert inside.background().style() == Qt.BrushStyle.NoBrush
    assert painted.format(view, 0).property(KIND_PROPERTY) is None  # the « is outside
    speaker = painted.format(view, per.start)
    assert speaker.fontWeight() == QFont.Weight.Bold
    assert speaker.property(LABEL_PROPERTY) == "PER"
    assert view.span_at(5) == ("quote", 7)
    assert view.span_at(per.start) == ("entity", 1)


def test_change_spans_reformats_only_the_touched_paragraphs(view: DocumentView, painted) -> None:
    paragraph = "Владимир Путин прибыл в Бишкек.\n\n"
    text = paragraph * 50
    ents = tuple(entity(text, "Владимир Путин", "PER", i + 1, nth=i) for i in range(50))
    view.set_document(Document("r", text, entities=ents))
    view.ensure_formatted(0, len(text))  # as if the reviewer had scrolled through it all
    highlighter = view._highlighter
    before = highlighter.blocks_formatted
    relabelled = replace(ents[30], label="LOC")
    view.change_spans([ents[30], ents[10]], [relabelled])
    assert painted.label(view, ents[30].start) == "LOC"
    assert QColor(painted.format(view, ents[30].start).property(COLOR_PROPERTY)) == LOC
    assert painted.label(view, ents[10].start) is None
    assert painted.label(view, ents[11].start) == "PER"
    assert highlighter.blocks_formatted - before <= 4  # two paragraphs, not a hundred blocks
    assert [h.item for h in view.layers.entities] == [
        relabelled if e is ents[30] else e for e in ents if e is not ents[10]
    ]


def test_select_span_scrolls_to_a_far_span(view: DocumentView) -> None:
    text = "строка\n" * 2000 + "Путин"
    view.set_document(Document("s", text))
    view.select_span(len(text) - 5, len(text))
    assert view.textCursor().selectedText() == "Путин"
    assert view.verticalScrollBar().value() > 0
    assert view.cursorRect().intersects(view.viewport().rect())


def test_no_selection_is_none_and_keyboard_can_select(view: DocumentView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.set_document(Document("k", "Путин и Жапаров"))
    assert view.selection_span() is None
    view.setFocus()
    view.moveCursor(QTextCursor.MoveOperation.Start)
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_span() == (0, 5)


def test_click_on_entity_emits_span_clicked(view: DocumentView, qtbot) -> None:  # type: ignore[no-untyped-def]
    text = "😀 Президент Владимир Путин прибыл."
    per = entity(text, "Владимир Путин", "PER", 42)
    view.set_document(Document("c", text, entities=(per,)))
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.layers.offsets.to_qt(per.start + 3))
    point = view.cursorRect(cursor).center()
    with qtbot.waitSignal(view.span_clicked, timeout=1000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["entity", 42]


def test_set_document_none_clears(view: DocumentView) -> None:
    view.set_document(Document("x", "Путин", entities=(Entity(0, 5, "PER", "Путин", id=1),)))
    view.set_document(None)
    assert view.toPlainText() == ""
    assert len(view.layers.entities) == 0
    assert view.span_at(0) is None


def test_only_blocks_on_screen_are_formatted(view: DocumentView, painted) -> None:
    paragraph = "Владимир Путин прибыл в Бишкек.\n\n"
    text = paragraph * 3000
    ents = tuple(
        Entity(i * len(paragraph), i * len(paragraph) + 14, "PER", "Владимир Путин", id=i + 1)
        for i in range(3000)
    )
    view.set_document(Document("big", text, entities=ents))
    highlighter = view._highlighter
    assert highlighter.blocks_formatted < 200  # of 6,000 blocks
    assert painted.label(view, ents[0].start) == "PER"
    assert painted.label(view, ents[2500].start) is None  # far below: not formatted yet
    view.select_span(ents[2500].start, ents[2500].end)  # scrolls there
    assert painted.label(view, ents[2500].start) == "PER"
    # An edit to a block never shown costs nothing now; it is right when it scrolls in.
    before = highlighter.blocks_formatted
    view.change_spans([ents[1000]], [replace(ents[1000], label="LOC")])
    assert highlighter.blocks_formatted == before
    view.verticalScrollBar().setValue(0)
    view.select_span(ents[1000].start, ents[1000].end)
    assert painted.label(view, ents[1000].start) == "LOC"
