"""Paragraph numbers for offsets, as the side panels show them ("¶ 3").

A paragraph is a run of non-blank lines, as in the news format and in ``models/``; the
header line of a news article is paragraph 1. Pure Python; one bisection per lookup.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


class Paragraphs:
    """The paragraph starts of one text."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        self._starts = [m.start() for m in _PARAGRAPH.finditer(text)] or [0]

    def number(self, offset: int) -> int:
        """1-based number of the paragraph holding ``offset`` (0 before the first)."""
        return bisect_right(self._starts, offset)

    def __len__(self) -> int:
        return len(self._starts)
