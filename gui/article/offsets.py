"""Code points ↔ UTF-16: the one place where Python offsets become Qt positions.

Spans in ``models/`` count Python code points; ``QTextDocument`` counts UTF-16 code
units. The two differ after every character outside the Basic Multilingual Plane
(emoji, rare CJK), so an emoji early in an article would shift every later highlight by
one position per emoji. Every gui/ module that hands an offset to Qt, or reads one back,
goes through an :class:`OffsetMap`; nothing else converts.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (what Qt counts)."""
    return len(text) + sum(1 for _ in _ASTRAL.finditer(text))


class OffsetMap:
    """Converts offsets into one text, in O(log k) for k astral characters.

    Built in one pass over the text; for a text with no astral character (nearly all
    news) both conversions are the identity.
    """

    __slots__ = ("_astral", "_astral_qt", "_py_len")

    def __init__(self, text: str) -> None:
        # Code-point indices of astral characters, and where each starts in UTF-16.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_qt = [cp + n for n, cp in enumerate(self._astral)]
        self._py_len = len(text)

    @property
    def identity(self) -> bool:
        """True when code points and UTF-16 units coincide for this text."""
        return not self._astral

    @property
    def qt_length(self) -> int:
        """The text's length in UTF-16 code units."""
        return self._py_len + len(self._astral)

    def to_qt(self, offset: int) -> int:
        """A code-point offset as a UTF-16 position."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def to_py(self, position: int) -> int:
        """A UTF-16 position as a code-point offset.

        A position inside a surrogate pair rounds down to the start of its character.
        """
        if not self._astral:
            return position
        # Astral characters that start before ``position`` each used one extra unit;
        # one starting exactly one unit before is the pair being split.
        before = bisect_left(self._astral_qt, position)
        return position - before

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        """A code-point span ``[start, end)`` as a UTF-16 span."""
        return self.to_qt(start), self.to_qt(end)
