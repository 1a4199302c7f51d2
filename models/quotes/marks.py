"""Quotation-mark spans: pairing «», „“, “”, "" with nesting, across paragraphs.

News text nests quotes two ways („…“ inside «…», or «…«…»…») and runs a quote over
several paragraphs, where a continuation paragraph may open with « again or not at
all. This module only pairs the marks; whether a span is speech is decided elsewhere.
A straight " has no direction, so its role is guessed from the characters around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"«": "»", "„": "“", "“": "”", "‹": "›", '"': '"'}
CLOSERS = {"»": "«", "“": "„", "”": "“", "›": "‹"}
MAX_PARAGRAPHS = 8
_OPEN_BEFORE = set(" \t\n([{«„“:—–-/")
DASH = r"(?:—|–|-{1,2})"
_NEXT_CHAR = re.compile(r"[ \t]*(.?)", re.DOTALL)
_CLOSE_BEFORE = frozenset(",.;:!?…—–-)\n") | {""}
# What may follow a collapsed closing mark that ends the outer quote: «A «B». C
_OUTER_END = re.compile(rf"[.!?…]|,?[ \t]*{DASH}[ \t]|[ \t]*$", re.MULTILINE)
# "«A», — сказал X. — B»": the second half of a split quote lost its opening mark (it
# may open the next line).
# no marks but the pairs of a short «name» or "name"
_PLAIN = r'(?:[^«»„“”"\n]|«[^«»\n]{1,40}»|"[^«»„“”"\n]{1,40}")'
_REOPEN = re.compile(
    rf"[,!?…]?[ \t]*{DASH}[ \t]+[а-яё]{_PLAIN}{{1,160}}?[.,:][ \t]*\n?[ \t]*"
    rf"(?P<dash>{DASH})[ \t]+(?=\S){_PLAIN}+$"
)
# A name that opens a quote's sentence goes on in lower case: "Локомотив" был сильнее…,
# "Спартак" - это семья…
_NAME_GOES_ON = re.compile(rf"[ \t]+(?:{DASH}[ \t]+)?[а-яё]")
_NAME_CHARS = 40
_SPACES = re.compile(r"\s*")
_INTERESTING = re.compile(r'[«»„“”‹›"\n]')


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
    """'open', 'close' or None for a straight double quote at ``i``.

    Spaces inside the marks (``" Мы не согласны ", — заявил он``) are allowed: a mark
    followed by a space and a word opens, one after a space closes when punctuation or
    the line end follows.
    """
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    nxt = _NEXT_CHAR.match(text, i + 1).group(1)  # type: ignore[union-attr]
    spaced_open = not inside and after in " \t" and nxt.isalnum()
    # glued to the sentence before, the space lost: "…сообщила она."Мы готовы…"
    glued_open = not inside and before in ".!?…" and after.isupper()
    can_open = glued_open or (before in _OPEN_BEFORE and (not after.isspace() or spaced_open))
    can_close = not before.isspace() or (inside and nxt in _CLOSE_BEFORE)
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
    """Whether the line starting at ``start`` closes more ``opener`` quotes than it opens
    (for a straight quote: whether its first straight mark closes)."""
    if opener == '"':
        i = text.find('"', start, _line_end(text, start))
        return i >= 0 and _straight_role(text, i, True) == "close"
    closer = OPENERS[opener]
    end = _line_end(text, start)
    depth = 0
    for i in range(start, end):
        ch = text[i]
        if ch == closer or (ch == opener and _turned(text, i)):
            depth -= 1
            if depth < 0:
                return True
        elif ch == opener:
            depth += 1
    # «…⏎…сезон длинный", - заявил X: a lone straight mark in closing position, on a line
    # with no marks of the opener's kind, is the writer's mixed close
    i = text.find('"', start, end)
    lone = i >= 0 and text.count('"', start, end) == 1 and depth == 0
    return lone and opener not in text[start:end] and _closing(text, i)


def _turned(text: str, i: int) -> bool:
    """An opening mark that cannot open ("…но так и получилось… «- сказал он"): followed
    by a space, a dash or punctuation, it is a closing mark typed the wrong way round."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return text[i] == "«" and (after.isspace() or after in ",.;:!?—–-")


def _balanced(line: str) -> bool:
    """Whether a line's quotation marks close all they open (``с «Зенитом» и``): a line
    with only such pairs continues a quote as a line without marks does."""
    stack: list[str] = []
    for ch in line:
        if ch == "“" and stack and stack[-1] == "„":
            stack.pop()
        elif ch in OPENERS and ch != '"':
            stack.append(ch)
        elif ch in CLOSERS and (not stack or OPENERS[stack.pop()] != ch):
            return False
    return not stack and line.count('"') % 2 == 0


def _closing_line_ahead(text: str, start: int, opener: str, budget: int) -> int | None:
    """How many paragraphs on the quote closes, if the paragraphs up to there are clean.

    A quote left open continues over paragraphs without any quotation marks (or with
    only pairs of them, around names) until one closes it; a paragraph that opens a
    quote of its own stops the search.
    """
    pos: int | None = start
    for n in range(1, budget + 1):
        if pos is None:
            return None
        if _closes_in_line(text, pos, opener):
            return n
        if not _balanced(text[pos : _line_end(text, pos)]):
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
        self.inner_closes: list[int] = []

    def run(self) -> list[MarkSpan]:
        text, i = self.text, 0
        while True:
            m = _INTERESTING.search(text, i)
            if m is None:
                if not self.stack:
                    break
                i = self._finish_unclosed(len(text))
                continue
            i, ch = m.start(), m.group()
            if ch == "\n":
                i = self._paragraph_break(i)
                continue
            if ch == '"':
                self._straight(i)
            elif ch in "“”»" and self.stack and self.stack[-1] == '"' and _closing(text, i):
                self._close(i, '"')  # "…Иванова“,- сообщает ведомство: mixed marks
            elif ch in CLOSERS and self._closes(ch):
                self._close(i, CLOSERS[ch])
            elif ch == "«" and self.stack and _turned(text, i):
                self._close(i, self.stack[0])
            elif ch in OPENERS:
                self._open(i, ch)
            elif ch == "»" and not self.stack:
                self._stray(i)
            i += 1
        return self.spans

    def _closes(self, ch: str) -> bool:
        if ch == "“" and (not self.stack or self.stack[-1] != "„"):
            return False  # an English-style opening “
        return CLOSERS[ch] in self.stack or (ch == "”" and "„" in self.stack)

    def _open(self, i: int, ch: str) -> None:
        if not self.stack:
            self.top_open, self.paras, self.inner_closes = i, 1, []
        self.stack.append(ch)

    def _stray(self, i: int) -> None:
        """A closing mark at ``i`` that closes nothing: the writer left out an opening
        mark, either of a split quote's second half or of a quote that opens with a name."""
        if not self._reopened(i):
            self._shared_open(i)

    def _reopened(self, i: int) -> bool:
        """A stray » (or ") after "«A», — сказал X. — B": B is a quote of its own. The
        author's words and B may hold a «name» ("— сказал тренер «Факела» X. — B»"), a
        span of its own that B then takes in."""
        for last in reversed(self.spans[-3:]):
            if last.close is None:
                return False
            m = _REOPEN.match(self.text, last.close + 1, i)
            if m is not None:
                dash = m.start("dash")
                self._replace_from(dash, MarkSpan(dash, i, dash + 1, i))
                return True
        return False

    def _shared_open(self, i: int) -> None:
        """`"Локомотив" был сильнее", - говорит X`: the quote opens with a name, and one
        mark opens both. The name opens its sentence, its line goes on after it in lower
        case, and only pairs of the same marks stand between it and ``i``."""
        text, line = self.text, self.text.rfind("\n", 0, i) + 1
        opener = CLOSERS.get(text[i], '"')
        inner = [s for s in self.spans if s.open >= line]
        if not inner or any(text[s.open] != opener or s.close is None for s in inner):
            return
        first = inner[0]
        lead = text[line : first.open].rstrip()
        if (lead and lead[-1] not in ":.!?…") or first.end - first.start > _NAME_CHARS:
            return
        if _NAME_GOES_ON.match(text, first.outer_end) is None:
            return
        self._replace_from(first.open, MarkSpan(first.open, i, first.start, i))

    def _replace_from(self, start: int, span: MarkSpan) -> None:
        """Add ``span`` in place of the spans it takes in (those opening from ``start``)."""
        while self.spans and self.spans[-1].open >= start:
            self.spans.pop()
        self.spans.append(span)

    def _close(self, i: int, opener: str) -> None:
        while self.stack:
            top = self.stack.pop()
            if top == opener or (opener == "“" and top == "„"):
                break
        if not self.stack:
            self.spans.append(MarkSpan(self.top_open, i, self.top_open + 1, i, self.paras))
        elif len(self.stack) == 1:
            self.inner_closes.append(i)

    def _straight(self, i: int) -> None:
        role = _straight_role(self.text, i, bool(self.stack) and self.stack[-1] == '"')
        if role == "close" and '"' in self.stack:
            self._close(i, '"')
        elif role == "close" and self.stack and self._mixed_close(i):
            self._close(i, self.stack[-1])  # «…переговоров", - призвал министр
        elif role == "open":
            self._open(i, '"')
        elif role == "close" and not self.stack and _closing(self.text, i):
            self._stray(i)

    def _mixed_close(self, i: int) -> bool:
        """A straight mark in closing position closes an open « (or „) that nothing later
        on its line would close: the writer mixed the marks."""
        closer = OPENERS[self.stack[-1]]
        return _closing(self.text, i) and closer not in self.text[i + 1 : _line_end(self.text, i)]

    def _paragraph_break(self, i: int) -> int:
        """Continue an open quote into the next paragraph, or end it here."""
        if not self.stack:
            return i + 1
        nxt = _next_line_start(self.text, i)
        opener = self.stack[0]
        if nxt is not None and self.paras < MAX_PARAGRAPHS:
            if self.text[nxt] == opener and opener != '"':
                self.paras += 1
                self.stack = self.stack[:1]
                return nxt + 1  # a continuation paragraph reopens with «
            ahead = _closing_line_ahead(self.text, nxt, opener, MAX_PARAGRAPHS - self.paras)
            if ahead is not None:
                self.paras += 1
                self.stack = self.stack[:1]
                return nxt
        return self._finish_unclosed(i)

    def _finish_unclosed(self, end: int) -> int:
        """An open quote at a paragraph end that does not continue; where to scan on.

        «A «B». C «D» — the outer mark was collapsed into an inner one: the quote ends at
        the first inner close that a sentence end or a dash follows (else the last), and
        the rest of the paragraph is scanned again.
        """
        self.stack = []
        if self.inner_closes and self.paras == 1:
            ends = [c for c in self.inner_closes if _OUTER_END.match(self.text, c + 1)]
            close = (ends or self.inner_closes)[0 if ends else -1]
            self.spans.append(MarkSpan(self.top_open, close, self.top_open + 1, close, 1))
            return close + 1
        self.spans.append(MarkSpan(self.top_open, None, self.top_open + 1, end, self.paras))
        return end + 1


def _closing(text: str, i: int) -> bool:
    """A mark in closing position: after a word, before a space, punctuation or the end."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return i > 0 and not text[i - 1].isspace() and not after.isalnum()


def find_mark_spans(text: str) -> list[MarkSpan]:
    """Top-level quoted spans in text order (nested quotes stay inside their parent)."""
    return _Scanner(text).run()
