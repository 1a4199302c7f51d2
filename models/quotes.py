"""Direct quotes and their speakers in Russian news, by rules over quotation marks.

Why rules: there is no Russian news corpus annotated with quotes to train on, and the
layouts of direct speech are few and fixed by punctuation (``«П», — а.``, ``А: «П».``,
``«П, — а. — П».``). The marks are paired first (quote_marks), a span becomes a quote
when punctuation or a speech verb anchors it and it does not read as a name
(quote_names), and the source comes from the attribution clause next to it
(quote_speakers), else from the previous quote (a follow-on) or an "Об этом сказал X"
sentence after it. Offsets are code points into the original text; noise ranges
(captions, ads, repeated paragraphs) are blanked so nothing in them is found.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from models.quote_marks import MarkSpan, find_mark_spans, split_insertions
from models.quote_morph import is_finite_verb, is_speech_cue, tokenize
from models.quote_names import looks_like_name, merge_quoted_org_names, words
from models.quote_resolve import persons
from models.quote_speakers import SpeakerContext, speaker_in
from models.spans import Entity, Noise, Quote, Speaker

__all__ = ["find_quotes", "merge_quoted_org_names"]

_DASH_AFTER = re.compile(r"[ \t]*(?P<comma>,)?[ \t]*(?:—|–|-{1,2})[ \t]+")
_BOUNDARY = re.compile(r"[.!?…]+[\"»”“)]?[ \t]+|\n+")
_STANDALONE_END = re.compile(r"[.!?…]*[ \t]*(?:$|\n|[«\"„“—–\-]|[A-ZА-ЯЁ])")
_BY_WORDS = re.compile(r"(?i)\bпо\s+(?:(?P<pron>его|ее|её|их)\s+)?(?:словам|мнению|оценке)\b")
_ABOUT_THIS = re.compile(r"(?i)^\s*(?:об этом|так|такое (?:мнение|заявление)|эти слова)\b")
_INITIAL = re.compile(r"(?:^|\s)[А-ЯЁA-Z]$")
_PARA_START = re.compile(r"(?m)^[ \t]*\S")
FOLLOW_ON_PARAGRAPHS = 1


@dataclass
class _Doc:
    """The text with noise blanked, quote contents masked, and sentence boundaries."""

    text: str
    flat: str
    sentences: list[int]
    paragraphs: list[int]

    def sentence_start(self, pos: int) -> int:
        return self.sentences[bisect.bisect_right(self.sentences, pos) - 1]

    def sentence_end(self, pos: int) -> int:
        i = bisect.bisect_right(self.sentences, pos)
        end = self.sentences[i] if i < len(self.sentences) else len(self.text)
        return len(self.text[:end].rstrip())

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraphs, pos)


def _mask(text: str, noise: Sequence[Noise]) -> str:
    if not noise:
        return text
    chars = list(text)
    for n in noise:
        for i in range(max(0, n.start), min(len(chars), n.end)):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _make_doc(text: str, spans: Sequence[MarkSpan]) -> _Doc:
    chars = list(text)
    for s in spans:
        for i in range(s.start, s.end):
            if chars[i] != "\n":
                chars[i] = "x"
    flat = "".join(chars)
    sentences = [0]
    for m in _BOUNDARY.finditer(flat):
        if m.group()[0] != "\n" and _INITIAL.search(flat, 0, m.start()):
            continue  # "В. Путин": an initial, not the end of a sentence
        nxt = flat[m.end():m.end() + 1]
        if m.group()[0] == "\n" or not nxt.islower():
            sentences.append(m.end())
    paragraphs = [m.start() for m in _PARA_START.finditer(text)]
    return _Doc(text, flat, sentences, paragraphs)


@dataclass
class _Candidate:
    span: MarkSpan
    segments: list[tuple[int, int]]
    authors: list[tuple[int, int]]
    after: tuple[int, int] | None
    before: tuple[int, int]
    rest: tuple[int, int] | None
    standalone: bool


def _candidate(doc: _Doc, span: MarkSpan) -> _Candidate:
    text = doc.text
    inserts = split_insertions(text, span)
    segments, authors, pos = [], [], span.start
    for seg_end, a, b, nxt in inserts:
        segments.append((pos, seg_end))
        authors.append((a, b))
        pos = nxt
    segments.append((pos, span.end))
    after = rest = None
    sent_end = doc.sentence_end(span.outer_end)
    if span.close is not None:
        m = _DASH_AFTER.match(doc.flat, span.outer_end)
        anchored = m is not None and (m.group("comma") or text[span.end - 1] in "!?…"
                                      or _cue_near(text, m.end()))
        if anchored and m is not None:
            after = (m.end(), max(m.end(), doc.sentence_end(m.end())))
        elif span.outer_end < sent_end:
            rest = (span.outer_end, sent_end)
    start = doc.sentence_start(span.open)
    lead = doc.flat[start:span.open].strip(" \t—–-")
    tail_ok = _STANDALONE_END.match(doc.flat, span.outer_end) is not None
    standalone = not lead and (span.close is None or tail_ok)
    return _Candidate(span, segments, authors, after, (start, span.open), rest, standalone)


def _cue_near(text: str, pos: int) -> bool:
    """A speech verb among the first three words after a bare dash ("» — сказал он")."""
    toks = [t for t in tokenize(text, pos, min(len(text), pos + 60)) if t.is_word][:3]
    return any(is_speech_cue(t.text) for t in toks)


def _speech_like(content: str) -> bool:
    found = words(content)
    if len(found) < 2:
        return False
    if re.search(r"[.!?…]\s*$", content) or len(found) >= 4:
        return True
    return any(is_finite_verb(w) for w in found)


def _covered_by_name(span: MarkSpan, entities: Sequence[Entity]) -> bool:
    return any(e.label == "ORG" and e.start <= span.open and e.end >= span.outer_end
               for e in entities)


def _is_speech(doc: _Doc, c: _Candidate, ctx: SpeakerContext) -> bool:
    span, text = c.span, doc.text
    content = text[span.start:span.end]
    if not content.strip() or _covered_by_name(span, ctx.entities):
        return False
    if c.authors or c.after or span.paragraphs > 1:
        return True
    lead = doc.flat[c.before[0]:span.open]
    if lead.rstrip().endswith(":"):
        return not looks_like_name(text, span) or _cue_in(ctx, *c.before)
    if looks_like_name(text, span) or len(words(content)) < 3:
        return False
    if c.standalone:
        return _speech_like(content)
    if _BY_WORDS.search(lead) or _cue_in(ctx, *c.before):
        return True
    return c.rest is not None and _cue_in(ctx, *c.rest)


def _cue_in(ctx: SpeakerContext, start: int, end: int) -> bool:
    for tok in tokenize(ctx.text, start, end):
        if tok.is_word and not any(a <= tok.start < b for a, b in ctx.blocked):
            if is_speech_cue(tok.text):
                return True
    return False


def _before_speaker(doc: _Doc, c: _Candidate, ctx: SpeakerContext) -> Speaker | None:
    start, end = c.before
    lead = doc.flat[start:end]
    by_words = None
    for by_words in _BY_WORDS.finditer(lead):
        pass
    if by_words is not None:
        if by_words.group("pron"):
            pron = start + by_words.start("pron")
            clause = (pron, pron + len(by_words.group("pron")))
            return _possessive(ctx, clause, by_words.group("pron"))
        comma = lead.find(",", by_words.end())
        stop = start + comma if comma >= 0 else end
        found = speaker_in(ctx, start + by_words.end(), stop, genitive=True)
        if found is not None:
            return found
    if _cue_in(ctx, start, end) or lead.rstrip().endswith(":"):
        return speaker_in(ctx, start, end)
    return None


def _possessive(ctx: SpeakerContext, rng: tuple[int, int], word: str) -> Speaker | None:
    from models.quote_lexicon import POSSESSIVE_PRONOUNS
    from models.quote_resolve import resolve_pronoun

    person = resolve_pronoun(POSSESSIVE_PRONOUNS.get(word.lower()), rng[0], ctx.people)
    normal = person.normal if person else word.lower()
    return Speaker(rng[0], rng[1], ctx.text[rng[0]:rng[1]], normal)


def _about_this(doc: _Doc, c: _Candidate, ctx: SpeakerContext) -> Speaker | None:
    """'«…». Об этом сообщил X.' — the next sentence names the source."""
    if not c.standalone:
        return None
    end = doc.sentence_end(c.span.outer_end)
    nxt_end = doc.sentence_end(end + 1)
    sentence = doc.flat[end:nxt_end].lstrip(" \t.")
    if "\n" in doc.flat[c.span.outer_end:end + 2] or not _ABOUT_THIS.match(sentence):
        return None
    return speaker_in(ctx, end, nxt_end) if _cue_in(ctx, end, nxt_end) else None


def _attribute(doc: _Doc, c: _Candidate, ctx: SpeakerContext) -> Speaker | None:
    """The explicit source of a quote, or None when no clause names one."""
    for a, b in c.authors:
        found = speaker_in(ctx, a, b)
        if found:
            return found
    if c.after:
        found = speaker_in(ctx, *c.after)
        if found:
            return found
    found = _before_speaker(doc, c, ctx)
    if found:
        return found
    if c.rest and _cue_in(ctx, *c.rest):
        found = speaker_in(ctx, *c.rest)
        if found:
            return found
    return _about_this(doc, c, ctx)


def find_quotes(text: str, entities: Sequence[Entity], noise: Sequence[Noise] = ()) -> list[Quote]:
    """Direct quotes in ``text`` with their speakers.

    Parameters
    ----------
    text:
        The document text.
    entities:
        Its entities (after :func:`merge_quoted_org_names`); a speaker that is an entity
        mention gets exactly that entity's offsets.
    noise:
        Ranges that are not prose (captions, ads, repeats): no quote starts in them.

    Returns
    -------
    list[Quote]
        In text order; a quote split by the author's words is two quotes.
    """
    work = _mask(text, noise)
    ents = sorted((e for e in entities if not any(n.start <= e.start < n.end for n in noise)),
                  key=lambda e: (e.start, -e.end))
    spans = find_mark_spans(work)
    doc = _make_doc(work, spans)
    ctx = SpeakerContext(work, ents, [], [])
    candidates = [_candidate(doc, s) for s in spans]
    speech = [c for c in candidates if _is_speech(doc, c, ctx)]
    ctx.blocked = [seg for c in speech for seg in c.segments]
    ctx.people = persons(work, ents, ctx.blocked)
    quotes: list[Quote] = []
    last: tuple[Speaker, int] | None = None
    for c in speech:
        speaker = _attribute(doc, c, ctx)
        para = doc.paragraph(c.span.open)
        if speaker is None and last is not None and para - last[1] <= FOLLOW_ON_PARAGRAPHS:
            speaker = last[0]
        if speaker is not None:
            last = (speaker, doc.paragraph(c.span.end))
        quotes.extend(_quotes_of(text, c, speaker))
    return quotes


def _quotes_of(text: str, c: _Candidate, speaker: Speaker | None) -> list[Quote]:
    out = []
    for start, end in c.segments:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Quote(start, end, text[start:end], speaker))
    return out
