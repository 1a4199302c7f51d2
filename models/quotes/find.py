"""Direct quotes and their speakers in Russian news, by rules over quotation marks.

Why rules: there is no Russian news corpus annotated with quotes to train on, and the
layouts of direct speech are few and fixed by punctuation (``«П», — а.``, ``А: «П».``,
``«П, — а. — П».``). The marks are paired first (quote_marks), a span becomes a quote
when punctuation or a speech verb anchors it and it does not read as a name
(quote_names), and the source comes from the attribution clause next to it
(quote_speakers), else from the previous quote (a follow-on) or an "Об этом сказал X"
sentence after it. Offsets are code points into the original text; noise ranges
(captions, ads, repeated paragraphs) are blanked so nothing in them is found.

Decisions where DESIGN.md is silent:
- A capitalized span of three words or more with a finite verb right after a speech
  verb and its dative addressee (``заявил журналистам «Мы готовы…»``) is speech.
- A quoted span after a speech verb in its sentence (``назвал переговоры «…»``) is a
  (mixed) quote from three words on; one or two words are scare quotes.
- A quote left open at a paragraph's end runs on while the next paragraphs have no
  quotation marks and one of them closes it, or while they reopen with «; a caption or
  ad between its paragraphs stays inside it.
- A speaker that is a phrase keeps the whole phrase as its mention, while ``normal``
  drops "в …"/"по …" qualifiers: "собеседник в отрасли" → "собеседник".
- "в сообщении X": X is the source, and when X starts with organizations natasha
  split ("ГУ МЧС по …") the longest one is the speaker, so it links to an entity.
- An unresolvable pronoun stays the speaker (normal "он"); a follow-on quote takes the
  previous speaker's mention, offsets included.
- A lone quote with no speech verb around it, right after a sentence whose subject is a
  person ("Захарова не согласилась с оценкой. «…»"), is that person's; this wins over a
  follow-on, since the sentence comes after the previous quote.
- "один из участников", "два источника": the counted group is the source.
- "они" takes the one plural antecedent of the nearest sentence that has one (persons
  coordinated with "и" come back as "Имя Фамилия, Имя Фамилия"); "в ведомстве", "в
  компании", "там" take the body named last (quote_anaphora).
- After a colon one or two words are speech only as an utterance ("«Вы — никто!»"); a
  headline "«П»: …" is a quote, its speaker from the next sentence; an outlet or a
  correspondent that relays is never the source. More in docs/quotes.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from models.quotes.attribution import attribute, follows_on, subject_before
from models.quotes.brackets import affiliation
from models.quotes.context import SpeakerContext
from models.quotes.cues import BY_WORDS, cue_in
from models.quotes.echoes import echoed_speaker, opens_headline
from models.quotes.headlines import subject_after
from models.quotes.index import EntityIndex, Ranges
from models.quotes.layout import Candidate, Layout, make_candidate, make_layout, mask_noise
from models.quotes.marks import find_mark_spans
from models.quotes.merged import split_all
from models.quotes.names import (
    announces_title,
    law_title,
    looks_like_name,
    names_a_work,
    outlet_headline,
    sentence_like,
    speech_after_addressee,
    title_question,
    words,
)
from models.quotes.resolve import NameIndex, persons
from models.spans import Entity, Noise, Quote, Speaker

__all__ = ["find_quotes"]


# A quoted clause cut at a conjunction, the sentence going on after the mark:
# "рынок «перегрет, поэтому» цены снизятся".
_FRAGMENT_END = re.compile(
    r"(?i),\s*(?:[аи]\s+)?(?:поэтому|потому|значит|но|и|а|однако|зато|так что|то есть|чтобы"
    r"|если|что|ведь|причем|причём|хотя|или|либо|тогда)\s*$"
)


def _utterance(content: str) -> bool:
    """ "«Вы — никто!»": a capitalized span ending like a sentence."""
    return content[:1].isupper() and bool(re.search(r"[.!?…]\s*$", content))


def _is_speech(doc: Layout, c: Candidate, ctx: SpeakerContext) -> bool:
    span, text = c.span, doc.text
    content = text[span.start : span.end]
    inner = len(content) - len(content.lstrip())
    named = ctx.entities.covering(span.start + inner, span.start + len(content.rstrip()), "ORG")
    if not content.strip() or named or ctx.entities.covering(span.open, span.outer_end, "ORG"):
        return False  # an organization's name, with its marks in the span or not
    if law_title(text, span.open) or (
        span.close is not None and affiliation(text, span.open, span.close)
    ):
        return False
    if c.authors or c.after or span.paragraphs > 1:
        return True
    lead = doc.flat[c.before[0] : span.open]
    if _FRAGMENT_END.search(content):  # «перегрет, поэтому»: a clause, never a name
        return (
            bool(BY_WORDS.search(lead))
            or lead.rstrip().endswith(":")
            or cue_in(ctx, *c.before)
            or (c.rest is not None and cue_in(ctx, *c.rest))
        )
    if lead.rstrip().endswith(":"):
        if announces_title(doc.flat, c.before[0], span.open):
            return False  # "…название которой звучит так: «…»"
        line = doc.flat.rfind("\n", 0, span.open) + 1
        if outlet_headline(doc.flat, line, span.open, content):
            return False  # "Российская газета: «СК возбудил дело…»" is the paper's headline
        if title_question(content) and (
            not cue_in(ctx, *c.before) or names_a_work(doc.flat, c.before[0], span.open)
        ):
            return False  # "Читайте также: «Как Россия стала …»" is an article's title
        if len(words(content)) <= 2:
            return _utterance(content) or (content[:1].isupper() and cue_in(ctx, *c.before))
        return not looks_like_name(text, span) or cue_in(ctx, *c.before)
    if speech_after_addressee(text, span):
        return True
    if looks_like_name(text, span) or len(words(content)) < 3:
        return False
    if c.standalone or c.headline:
        return sentence_like(content) and (c.standalone or content[:1].isupper())
    if BY_WORDS.search(lead) or cue_in(ctx, *c.before):
        return True
    return c.rest is not None and cue_in(ctx, *c.rest)


_DASHES = frozenset("—–-")
_REPLY_GOES_ON = re.compile(r"[ \t]*[—–\-«\"„“]")


def _reply(doc: Layout, prev: Candidate, c: Candidate) -> bool:
    """ "«Вы откуда?» — спросил судья. — «Из Твери»": a capitalized quote alone after a
    dash that follows the author's words of the quote before it is a turn in a dialogue,
    however short; after a question it is the answer, someone else's words."""
    if prev.after is None or not c.standalone:
        return False
    between = doc.flat[prev.after[1] : c.span.open].strip()
    if between not in _DASHES or _REPLY_GOES_ON.match(doc.flat, c.span.outer_end):
        return False  # "— «Зенит» — «Спартак» — 1:1" is a score line
    return doc.text[c.span.start : c.span.end].lstrip()[:1].isupper()


def find_quotes(text: str, entities: Sequence[Entity], noise: Sequence[Noise] = ()) -> list[Quote]:
    """Direct quotes in ``text`` with their speakers.

    Parameters
    ----------
    text:
        The document text.
    entities:
        Its entities (models.nlp.ner.find_entities); a speaker that is an entity
        mention gets exactly that entity's offsets.
    noise:
        Ranges that are not prose (captions, ads, repeats): no quote starts in them.

    Returns
    -------
    list[Quote]
        In text order; a quote split by the author's words is two quotes.
    """
    work = mask_noise(text, noise)
    blank = Ranges((n.start, n.end) for n in noise)
    split = list(split_all(text, entities))
    ents = EntityIndex(e for e in split if not blank.contains(e.start))
    spans = find_mark_spans(work)
    layout = make_layout(work, spans)
    # a caption's name is no source, but it may be the only place the full name is given
    ctx = SpeakerContext(work, ents, NameIndex(split))
    candidates = [make_candidate(layout, s) for s in spans]
    speech: list[Candidate] = []
    answers: set[int] = set()  # the other side of a dialogue: its speaker goes unnamed
    for c in candidates:
        reply = bool(speech) and _reply(layout, speech[-1], c)
        if reply and work[speech[-1].span.start : speech[-1].span.end].rstrip()[-1:] == "?":
            answers.add(c.span.open)
        if reply or _is_speech(layout, c, ctx):
            speech.append(c)
    ctx.blocked = Ranges(seg for c in speech for seg in c.segments)
    ctx.people = persons(work, ents, ctx.blocked, ctx.names, layout.flat, layout.sentences)
    quotes: list[Quote] = []
    last: tuple[Speaker, int] | None = None
    for c in speech:
        speaker = None if c.span.open in answers else _speaker(layout, c, ctx, last, blank)
        if speaker is not None:
            last = (speaker, c.span.end)
            ctx.people.mark_speaker(speaker.start, speaker.normal)
        quotes.extend(_quotes_of(text, work, c, speaker))
    # only the first quote can open the headline
    if quotes and opens_headline(work, quotes[0]):
        echoed = echoed_speaker(work, quotes[0], quotes[1:], ctx)
        if echoed is not None:
            quotes[0] = replace(quotes[0], speaker=echoed)
    return quotes


def _speaker(
    layout: Layout,
    c: Candidate,
    ctx: SpeakerContext,
    last: tuple[Speaker, int] | None,
    blank: Ranges,
) -> Speaker | None:
    """A quote's source: named around it, else the previous quote's (``last``: its
    speaker and end) when this one follows on, else, for the first quote, the person the
    next sentence is about."""
    speaker = attribute(layout, c, ctx) or subject_before(layout, c, ctx, last[1] if last else 0)
    if speaker is not None and blank.within(speaker.start, speaker.end):
        speaker = None  # a mention running into a caption or an ad is no source
    if speaker is None and last is not None:
        return last[0] if follows_on(layout, ctx, last[0], last[1], c.span.open) else None
    if speaker is None:
        return subject_after(layout, c, ctx)
    return speaker


def _quotes_of(text: str, work: str, c: Candidate, speaker: Speaker | None) -> list[Quote]:
    """Quotes for a candidate's segments, trimmed of spaces and blanked noise at the edges."""
    out = []
    for start, end in c.segments:
        while start < end and work[start].isspace():
            start += 1
        while end > start and work[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Quote(start, end, text[start:end], speaker))
    return out
