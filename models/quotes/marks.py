"""Quotation-mark spans: pairing «», „“, “”, "" with nesting, across paragraphs.

News text nests quotes two ways („…“ inside «…», or «…«…»…») and runs a quote over
several paragraphs, where a continuation paragraph may open with « again or not at
all. This module only pairs the marks; whether a span is speech is decided elsewhere.
A straight " has no direction, so its role is guessed from the characters around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.quotes.lexicon import ABBREVIATIONS

OPENERS = {"«": "»", "„": "“", "“": "”", "‹": "›", '"': '"'}
CLOSERS = {"»": "«", "“": "„", "”": "“", "›": "‹"}
MAX_PARAGRAPHS = 8
_OPEN_BEFORE = set(" \t\n([{«„“:—–-/")
_DASH = r"(?:—|–|-{1,2})"
_SPACES = re.compile(r"\s*")
_INTERESTING = re.compile(r'[«»„“”‹›"\n]')
# Full stops inside the author's words that end no sentence: initials ("В. В. Путин") and
# abbreviations before a name ("глава администрации г. Ижевска").
_INNER_STOP = re.compile(r"(?<![\w.])(?:[А-ЯЁA-Z]|(?P<abbr>[а-яё\-]{1,5}))\.(?=\s*[\w«\"])")
# Author's words inside a quote: «П, — сказал X. — П» and «П, — сказал X, — п».
_INSERTION = re.compile(
    rf"(?P<pre>[,!?…])[ \t]*{_DASH}[ \t]+(?P<author>[^\n]{{2,160}}?)"
    rf"(?P<post>[.,:])[ \t]*{_DASH}[ \t]+(?=\S)"
)


@dataclass(frozen=True, slots=True)
class MarkSpan:
    """A top-level quoted span: ``open`` is the mark, ``close`` the closing mark or None.

    ``start``/``end`` delimit the words between the marks (``end`` is the paragraph end
    when the quote is never closed); ``paragraphs`` counts the paragraphs it runs over.
    """

    open: int
    close: int | None
    start: int
    end: int
    paragraphs: int = 1

    @property
    def outer_end(self) -> int:
        return self.close + 1 if self.close is not None else self.end


def _straight_role(text: str, i: int, inside: bool) -> str | None:
    """'open', 'close' or None for a straight double quote at ``i``."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    can_open = before in _OPEN_BEFORE and not after.isspace()
    can_close = not before.isspace()
    if inside and can_close:
        return "close"
    if can_open:
        return "open"
    return "close" if can_close else None


def _line_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j


def _next_line_start(text: str, i: int) -> int | None:
    """Start of the next non-blank line after position ``i`` (a newline), or None."""
    j = _SPACES.match(text, i).end()  # type: ignore[union-attr]
    return j if j < len(text) else None


def _closes_in_line(text: str, start: int, opener: str) -> bool:
    """Whether the line starting at ``start`` closes more ``opener`` quotes than it opens."""
    closer = OPENERS[opener]
    depth = 0
    for ch in text[start : _line_end(text, start)]:
        if ch == opener and opener != closer:
            depth += 1
        elif ch == closer:
            depth -= 1
            if depth < 0:
                return True
    return False


def _closing_line_ahead(text: str, start: int, opener: str, budget: int) -> int | None:
    """How many paragraphs on the quote closes, if the paragraphs up to there are clean.

    A quote left open continues over paragraphs without any quotation marks until one
    closes it; a paragraph that opens a quote of its own stops the search.
    """
    pos: int | None = start
    for n in range(1, budget + 1):
        if pos is None:
            return None
        if _closes_in_line(text, pos, opener):
            return n
        line = text[pos : _line_end(text, pos)]
        if any(ch in OPENERS or ch in CLOSERS for ch in line):
            return None
        pos = _next_line_start(text, _line_end(text, pos))
    return None


class _Scanner:
    """One pass over the text, keeping a stack of open marks."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[MarkSpan] = []
        self.stack: list[str] = []
        self.top_open = -1
        self.paras = 1
        self.inner_close: int | None = None

    def run(self) -> list[MarkSpan]:
        text, i = self.text, 0
        while True:
            m = _INTERESTING.search(text, i)
            if m is None:
                break
            i, ch = m.start(), m.group()
            if ch == "\n":
                i = self._paragraph_break(i)
                continue
            if ch == '"':
                self._straight(i)
            elif ch in CLOSERS and self._closes(ch):
                self._close(i, CLOSERS[ch])
            elif ch in OPENERS:
                self._open(i, ch)
            i += 1
        if self.stack:
            self._finish_unclosed(len(text))
        return self.spans

    def _closes(self, ch: str) -> bool:
        if ch == "“" and (not self.stack or self.stack[-1] != "„"):
            return False  # an English-style opening “
        return CLOSERS[ch] in self.stack or (ch == "”" and "„" in self.stack)

    def _open(self, i: int, ch: str) -> None:
        if not self.stack:
            self.top_open, self.paras, self.inner_close = i, 1, None
        self.stack.append(ch)

    def _close(self, i: int, opener: str) -> None:
        while self.stack:
            top = self.stack.pop()
            if top == opener or (opener == "“" and top == "„"):
                break
        if not self.stack:
            self.spans.append(MarkSpan(self.top_open, i, self.top_open + 1, i, self.paras))
        elif len(self.stack) == 1:
            self.inner_close = i

    def _straight(self, i: int) -> None:
        role = _straight_role(self.text, i, bool(self.stack) and self.stack[-1] == '"')
        if role == "close" and '"' in self.stack:
            self._close(i, '"')
        elif role == "open":
            self._open(i, '"')

    def _paragraph_break(self, i: int) -> int:
        """Continue an open quote into the next paragraph, or end it here."""
        if not self.stack:
            return i + 1
        nxt = _next_line_start(self.text, i)
        opener = self.stack[0]
        if nxt is not None and self.paras < MAX_PARAGRAPHS and opener != '"':
            if self.text[nxt] == opener:
                self.paras += 1
                self.stack = self.stack[:1]
                return nxt + 1  # a continuation paragraph reopens with «
            ahead = _closing_line_ahead(self.text, nxt, opener, MAX_PARAGRAPHS - self.paras)
            if ahead is not None:
                self.paras += 1
                self.stack = self.stack[:1]
                return nxt
        self._finish_unclosed(i)
        return i + 1

    def _finish_unclosed(self, end: int) -> None:
        """An open quote at a paragraph end that does not continue."""
        if self.inner_close is not None and self.paras == 1:
            # «A «B» C — the outer mark was collapsed into the inner one: end there.
            close = self.inner_close
            self.spans.append(MarkSpan(self.top_open, close, self.top_open + 1, close, 1))
        else:
            self.spans.append(MarkSpan(self.top_open, None, self.top_open + 1, end, self.paras))
        self.stack = []


def find_mark_spans(text: str) -> list[MarkSpan]:
    """Top-level quoted spans in text order (nested quotes stay inside their parent)."""
    return _Scanner(text).run()


def split_insertions(text: str, span: MarkSpan) -> list[tuple[int, int, int, int]]:
    """Author's words inside a quote: ``(seg_end, author_start, author_end, next_start)``.

    ``«Мы готовы, — сказал он. — Но не сейчас»`` has one insertion: the first part ends
    at the comma, the author's words run from «сказал» to «он», the second part starts
    at «Но». Insertions must begin with a lower-case word, at the quote's own level.
    """
    found = []
    for m in _INSERTION.finditer(text, span.start, span.end):
        author = m.group("author")
        if not author[:1].islower() or _depth(text, span.start, m.start()) != 0:
            continue
        if any(ch in _without_inner_stops(author) for ch in ".!?") or _depth(
            text, m.start("author"), m.end("author")
        ):
            continue
        found.append(
            (m.start("pre") + (m.group("pre") != ","), m.start("author"), m.end("author"), m.end())
        )
    return found


def _without_inner_stops(author: str) -> str:
    """The author's words with the full stops of initials and abbreviations removed."""
    return _INNER_STOP.sub(
        lambda m: (
            m.group()[:-1]
            if m.group("abbr") is None or m.group("abbr") in ABBREVIATIONS
            else m.group()
        ),
        author,
    )


def _depth(text: str, start: int, end: int) -> int:
    """Net nesting of quotation marks in ``text[start:end]`` (0 when balanced)."""
    depth = 0
    for ch in text[start:end]:
        if ch in "«„":
            depth += 1
        elif ch in "»“":
            depth -= 1
    return depth
