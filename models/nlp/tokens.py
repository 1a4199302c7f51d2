"""Token boundaries (razdel) for snapping selections and moving span edges by a word.

Tokenizing a 1 MB article takes a second, so every function here tokenizes only a window
around the offsets it is asked about, widened to whitespace: razdel never puts whitespace
inside a token, so a window cut at whitespace yields the same tokens as the whole text.
That keeps an edit on a huge article as fast as on a short one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from razdel import tokenize

_SPACE = re.compile(r"\s")
_MARGIN = 64
# Edge tokens a sloppy selection drags in that a name never starts or ends with.
_EDGE_PUNCT = frozenset(".,;:!?—–-…")
_OPENING, _CLOSING = "«„“\"'(", "»“”\"')"


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark: ``text == document[start:end]``.

    razdel makes them for snapping, edge moves and exports; the quote rules make them
    with a cheaper regular expression over the few words around a quotation mark.
    """

    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        """The text folded for comparison: lower case, ё as е."""
        return self.text.lower().replace("ё", "е")

    @property
    def is_word(self) -> bool:
        """Whether the token starts with a letter or digit (not punctuation)."""
        return self.text[0].isalnum()


def _left_edge(text: str, pos: int, margin: int) -> int:
    """A whitespace offset at least ``margin`` characters left of ``pos`` (or 0)."""
    while True:
        lo = max(0, pos - margin)
        if lo == 0:
            return 0
        found = _SPACE.search(text, lo, pos)
        if found:
            return found.start()
        margin *= 4


def _right_edge(text: str, pos: int, margin: int) -> int:
    """A whitespace offset at least ``margin`` characters right of ``pos`` (or the end)."""
    while True:
        hi = min(len(text), pos + margin)
        if hi == len(text):
            return hi
        found = _SPACE.search(text, hi, hi + margin)
        if found:
            return found.start()
        margin *= 4


def tokens_between(text: str, start: int, end: int, margin: int = _MARGIN) -> list[Token]:
    """The tokens of ``text`` near ``[start, end)``, with at least ``margin`` chars around."""
    lo = _left_edge(text, max(0, start), margin)
    hi = _right_edge(text, min(len(text), end), margin)
    return [Token(lo + t.start, lo + t.stop, t.text) for t in tokenize(text[lo:hi])]


def snap(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Widen ``[start, end)`` to whole tokens; None when it holds no token.

    Stray punctuation at the edges (a comma, a dash) is dropped, while quotation marks
    and brackets stay when their partner is inside (``ООО «Ромашка»``).
    """
    start, end = max(0, start), min(len(text), end)
    touched = [t for t in tokens_between(text, start, end) if t.start < end and t.end > start]
    while len(touched) > 1 and _stray(touched[0], touched, first=True):
        touched.pop(0)
    while len(touched) > 1 and _stray(touched[-1], touched, first=False):
        touched.pop()
    if not touched:
        return None
    return touched[0].start, touched[-1].end


def _stray(tok: Token, touched: list[Token], first: bool) -> bool:
    if tok.text in _EDGE_PUNCT:
        return True
    inner = "".join(t.text for t in touched)
    if first and tok.text in _OPENING:
        return not any(c in inner[1:] for c in _CLOSING)
    if not first and tok.text in _CLOSING:
        return not any(c in inner[:-1] for c in _OPENING)
    return False


def step_end(text: str, start: int, end: int, steps: int) -> int:
    """The end moved by ``steps`` tokens (negative: shrink), never before ``start``'s token."""
    for _ in range(abs(steps)):
        toks = _tokens_for_step(text, start, end)
        if steps > 0:
            later = [t.end for t in toks if t.end > end]
            end = min(later) if later else end
        else:
            earlier = [t.end for t in toks if start < t.end < end]
            end = max(earlier) if earlier else end
    return end


def step_start(text: str, start: int, end: int, steps: int) -> int:
    """The start moved by ``steps`` tokens (negative: grow left), never past ``end``'s token."""
    for _ in range(abs(steps)):
        toks = _tokens_for_step(text, start, end)
        if steps < 0:
            earlier = [t.start for t in toks if t.start < start]
            start = max(earlier) if earlier else start
        else:
            later = [t.start for t in toks if start < t.start < end]
            start = min(later) if later else start
    return start


def step_edge(text: str, start: int, end: int, edge: str, steps: int) -> tuple[int, int]:
    """The span with its ``start`` or ``end`` edge moved by ``steps`` tokens."""
    if edge == "start":
        return step_start(text, start, end, steps), end
    if edge == "end":
        return start, step_end(text, start, end, steps)
    raise ValueError(f"edge must be 'start' or 'end', not {edge!r}")


def _tokens_for_step(text: str, start: int, end: int) -> list[Token]:
    """Tokens around a span, widened until one lies beyond each edge (or the text ends)."""
    margin = _MARGIN
    while True:
        toks = tokens_between(text, start, end, margin)
        lo_ok = start == 0 or any(t.start < start for t in toks)
        hi_ok = end == len(text) or any(t.end > end for t in toks)
        if (lo_ok and hi_ok) or margin > len(text):
            return toks
        margin *= 8


def is_word(token_text: str) -> bool:
    """Whether a token has a letter or digit (not punctuation)."""
    return any(c.isalnum() for c in token_text)
