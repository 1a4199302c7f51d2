"""Where a quoted span sits: its sentence, paragraph, and the author's words around it.

Attribution and the speech/name decision both need the same facts about a quoted span:
is it followed by a dash and the author's words (``«П», — а``), split by them
(``«П, — а. — П»``), introduced by a clause before it, or a sentence of its own. The
text is "flattened" first (quote contents masked) so full stops inside quotes never
end the surrounding sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from models.quotes.insertions import split_insertions
from models.quotes.lexicon import ABBREVIATIONS, YEAR_ABBREVIATIONS
from models.quotes.marks import MarkSpan
from models.quotes.morph import is_speech_cue, tokenize
from models.quotes.names import looks_like_name, sentence_like
from models.spans import Noise

_DASH_AFTER = re.compile(r"[ \t]*(?P<comma>,)?[ \t]*(?:—|–|-{1,2})[ \t]+")
# A quote that ends its line, with the author's words opening the next one (or the one
# after a blank line) with a dash: «П»,⏎— пишет глава минобра.
_DASH_NEXT_LINE = re.compile(
    r"[ \t]*[,.]?[ \t]*\n(?:[ \t]*\n)?[ \t]*(?:—|–|-{1,2})[ \t]+(?=[а-яё])"
)
# A sentence end; also with the space missing after a word ("— заявила она.Как сообщалось").
_BOUNDARY = re.compile(r"[.!?…]+[\"»”“)]?[ \t]+|\n+|(?<=[а-яё]{2})[.!?…]+(?=[А-ЯЁ«\"])")
_STANDALONE_END = re.compile(r"[.!?…]*[ \t]*(?:$|\n|[«\"„“—–\-]|[A-ZА-ЯЁ0-9])")
_INITIAL = re.compile(r"(?:^|\s)[А-ЯЁA-Z]$")
_COLON_AFTER = re.compile(r"[ \t]*:[ \t]*\S")
# "«П» — глава региона о паводке": a dash headline whose statement is "X о Y" to the line's end
_DASH_ABOUT = re.compile(
    r"[ \t]+[—–-][ \t]+[^\n:«»\"]{2,60}?[ \t](?:о|об|обо|про)[ \t][^\n]*$", re.M
)
_PARA_START = re.compile(r"(?m)^[ \t]*\S")
_NOT_NEWLINE = re.compile(r"[^\n]")


@dataclass
class Layout:
    """The text with quote contents masked (``flat``), sentence and paragraph starts."""

    text: str
    flat: str
    sentences: list[int]
    paragraphs: list[int]

    def sentence_start(self, pos: int) -> int:
        return self.sentences[bisect.bisect_right(self.sentences, pos) - 1]

    def sentence_end(self, pos: int) -> int:
        """End of the sentence containing ``pos``, trailing spaces excluded."""
        i = bisect.bisect_right(self.sentences, pos)
        end = self.sentences[i] if i < len(self.sentences) else len(self.text)
        while end > 0 and self.text[end - 1].isspace():  # no copy: texts can be books
            end -= 1
        return end

    def paragraph(self, pos: int) -> int:
        """Index of the paragraph (non-blank line) containing ``pos``."""
        return bisect.bisect_right(self.paragraphs, pos)


@dataclass
class Candidate:
    """A quoted span and the author's words around it (ranges into the text)."""

    span: MarkSpan
    segments: list[tuple[int, int]]
    authors: list[tuple[int, int]]
    after: tuple[int, int] | None
    before: tuple[int, int]
    rest: tuple[int, int] | None
    standalone: bool
    headline: bool = False  # "«П»: глава района о паводке" opening its sentence


def _blank(text: str, ranges: Sequence[tuple[int, int]], fill: str) -> str:
    """``text`` with each range's characters replaced by ``fill`` (newlines kept)."""
    out, pos = [], 0
    for start, end in sorted(ranges):
        start, end = max(start, pos), min(end, len(text))
        if start >= end:
            continue
        out.append(text[pos:start])
        out.append(_NOT_NEWLINE.sub(fill, text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def mask_noise(text: str, noise: Sequence[Noise]) -> str:
    """``text`` with noise ranges blanked (newlines kept, so offsets do not move)."""
    return _blank(text, [(n.start, n.end) for n in noise], " ") if noise else text


def _abbreviation_before(flat: str, pos: int) -> bool:
    """Whether the full stop at ``pos`` closes an abbreviation ("г. Ижевска", "гл. врач").

    "г." after a number is a year ("в 2024 г. Мы…") and may end a sentence.
    """
    chunk = flat[max(0, pos - 24) : pos]
    parts = chunk.split()
    if not parts or chunk[-1].isspace() or parts[-1] not in ABBREVIATIONS:
        return False
    prev = parts[-2] if len(parts) > 1 else ""
    return not (parts[-1] in YEAR_ABBREVIATIONS and prev[-1:].isdigit())


def _open_line(flat: str, pos: int) -> bool:
    """Whether the line ending at ``pos`` stops mid-sentence: no final punctuation."""
    line = flat[flat.rfind("\n", 0, pos) + 1 : pos].rstrip()
    return bool(line) and line[-1] not in '.!?…:;»"”“)'


def soft_break_end(layout: Layout, end: int) -> int | None:
    """The end of the next line's sentence when ``end`` is a line break inside a clause
    (the line stops with no final punctuation and the next one goes on): "— заявил в
    интервью⏎«Фразе» советник…"; else None."""
    flat = layout.flat
    if not flat.startswith("\n", end) or flat[end + 1 : end + 2].isspace():
        return None
    if not _open_line(flat, end) or end + 1 >= len(flat):
        return None
    return layout.sentence_end(end + 1)


def make_layout(text: str, spans: Sequence[MarkSpan]) -> Layout:
    """Sentence boundaries outside quotes; an initial ("В. Путин") or an abbreviation
    ("г. Ижевска") ends no sentence."""
    flat = _blank(text, [(s.start, s.end) for s in spans], "x")
    sentences = [0]
    for m in _BOUNDARY.finditer(flat):
        if m.group()[0] != "\n" and _INITIAL.search(flat, max(0, m.start() - 2), m.start()):
            continue
        if m.group()[:1] == "." and m.group()[1:2] != "." and _abbreviation_before(flat, m.start()):
            continue
        nxt = flat[m.end() : m.end() + 1]
        if m.group() == "\n" and nxt.islower() and _open_line(flat, m.start()):
            continue  # a sentence wrapped over lines ("…привел слова⏎замминистра Иванова:")
        if m.group()[0] == "\n" or not nxt.islower():
            sentences.append(m.end())
    paragraphs = [m.start() for m in _PARA_START.finditer(text)]
    return Layout(text, flat, sentences, paragraphs)


def _cue_near(text: str, pos: int) -> bool:
    """A speech verb among the first three words after a bare dash ("» — сказал он")."""
    toks = [t for t in tokenize(text, pos, min(len(text), pos + 60)) if t.is_word][:3]
    return any(is_speech_cue(t.text) for t in toks)


def _quote_like(text: str, span: MarkSpan) -> bool:
    """A span that reads as words said, not a title ("«Белые ночи»⏎— говорит куратор")."""
    return not looks_like_name(text, span) and sentence_like(text[span.start : span.end])


def _after(layout: Layout, span: MarkSpan) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The author's words after a closed quote (``«П», — а``), else the rest of its
    sentence: ``(after, rest)``, at most one of them set."""
    text, flat = layout.text, layout.flat
    if span.close is None:
        return None, None
    m = _DASH_AFTER.match(flat, span.outer_end)
    if m is not None and (
        m.group("comma") or text[span.end - 1] in "!?…" or _cue_near(text, m.end())
    ):
        return (m.end(), max(m.end(), layout.sentence_end(m.end()))), None
    m = _DASH_NEXT_LINE.match(flat, span.outer_end)
    if m is not None and _cue_near(text, m.end()) and _quote_like(text, span):
        return (m.end(), max(m.end(), layout.sentence_end(m.end()))), None
    sent_end = layout.sentence_end(span.outer_end)
    return None, ((span.outer_end, sent_end) if span.outer_end < sent_end else None)


def make_candidate(layout: Layout, span: MarkSpan) -> Candidate:
    """Split a span by the author's words and find the clauses before and after it."""
    text = layout.text
    segments, authors, pos = [], [], span.start
    for seg_end, a, b, nxt in split_insertions(text, span):
        segments.append((pos, seg_end))
        authors.append((a, b))
        pos = nxt
    segments.append((pos, span.end))
    after, rest = _after(layout, span)
    start = layout.sentence_start(span.open)
    lead = layout.flat[start : span.open].strip(" \t—–-")
    tail_ok = _STANDALONE_END.match(layout.flat, span.outer_end) is not None
    standalone = not lead and (span.close is None or tail_ok)
    headline = not lead and (
        _COLON_AFTER.match(layout.flat, span.outer_end) is not None
        or _DASH_ABOUT.match(layout.flat, span.outer_end) is not None
    )
    return Candidate(span, segments, authors, after, (start, span.open), rest, standalone, headline)
