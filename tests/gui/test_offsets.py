"""Code point ↔ UTF-16 conversion, the span index and paragraph numbers (no widgets)."""

from __future__ import annotations

import pytest

from gui.article.offsets import OffsetMap, utf16_len
from gui.article.paragraphs import Paragraphs
from gui.article.span_index import SpanIndex


def test_bmp_text_is_identity() -> None:
    m = OffsetMap("Президент РФ Владимир Путин")
    assert m.identity
    assert [m.to_qt(i) for i in range(5)] == [0, 1, 2, 3, 4]
    assert m.to_py(7) == 7


def test_emoji_shifts_later_positions_by_one_unit_each() -> None:
    text = "😀 Путин 👍🏽 Жапаров"
    m = OffsetMap(text)
    start = text.index("Путин")
    assert m.to_qt(start) == start + 1
    later = text.index("Жапаров")
    assert m.to_qt(later) == later + 3  # 😀, 👍 and the skin-tone modifier are astral
    assert m.qt_length == utf16_len(text) == len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("text", ["", "abc", "😀", "a😀b😀😀c", "𝔸𝔹ℂ текст 🇷🇺"])
def test_round_trip_for_every_code_point_offset(text: str) -> None:
    m = OffsetMap(text)
    for i in range(len(text) + 1):
        assert m.to_py(m.to_qt(i)) == i
        # Qt's units for the prefix are what Python's UTF-16 encoder counts.
        assert m.to_qt(i) == utf16_len(text[:i])


def test_position_inside_a_surrogate_pair_rounds_down() -> None:
    m = OffsetMap("a😀b")
    assert m.to_py(2) == 1  # between the two halves of 😀
    assert m.to_py(3) == 2


def test_span_index_finds_overlaps_including_a_long_early_span() -> None:
    index = SpanIndex([(0, 100, "quote"), (10, 15, "a"), (50, 60, "b"), (200, 210, "c")])
    assert [s.item for s in index.overlapping(55, 58)] == ["quote", "b"]
    assert [s.item for s in index.overlapping(100, 200)] == []
    assert [s.item for s in index.overlapping(150, 205)] == ["c"]
    assert [s.item for s in index.at(14)] == ["quote", "a"]
    assert [s.item for s in index.at(15)] == ["quote"]


def test_span_index_orders_outer_before_inner() -> None:
    index = SpanIndex([(5, 8, "inner"), (0, 20, "outer")])
    assert [s.item for s in index.at(6)] == ["outer", "inner"]


def test_paragraph_numbers() -> None:
    text = "Заголовок\n\nПервый абзац,\nвторая строка.\n\nВторой."
    p = Paragraphs(text)
    assert p.number(0) == 1
    assert p.number(text.index("вторая")) == 2
    assert p.number(text.index("Второй")) == 3
