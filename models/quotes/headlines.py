"""Quotes that stand on their own: headlines, lines of their own, a story's opening.

News pages print quotes as headlines ("«П»: глава района о паводке"), as a line of their
own under the speaker's name ("Сара Сандерс⏎«П»") or above a line about the speaker
("«П»⏎Сергей Рябков — о способах…"), and open stories with a quote whose speaker the
next sentence introduces. None of these has an attribution clause next to the quote;
these sieves find the source in the lines around it.
"""

from __future__ import annotations

import re

from models.quotes.context import SpeakerContext
from models.quotes.cues import cue_in
from models.quotes.layout import Candidate, Layout
from models.quotes.morph import is_finite_verb, tokenize
from models.quotes.speakers import speaker_in
from models.quotes.subjects import subject_in
from models.spans import Speaker

_ABOUT = re.compile(r"[ \t]+(?:[—–-][ \t]+)?(?:о|об|обо|про)[ \t]")
HEADING_MAX = 80  # characters: a name heading over a quote is a short line
LEAD_SENTENCES = 3  # how far into the paragraph after a headline quote its speaker may be


def _statement(layout: Layout, c: Candidate) -> tuple[int, int] | None:
    """What a headline quote says about itself: the rest of its line after the colon
    or the dash ("«П»: глава района о паводке", "«П» — глава района о паводке"), or
    the next line when the quote is a line of its own ("«П»⏎Сергей Рябков — о …")."""
    flat, end = layout.flat, c.span.outer_end
    if c.headline:
        colon = flat[end:].lstrip(" \t")[:1] == ":"
        start = flat.index(":" if colon else " ", end) + 1
        start = start if colon else len(flat) - len(flat[start:].lstrip(" \t—–-"))
    elif c.standalone and flat[end:].lstrip(" \t.!?…")[:1] == "\n":
        start = flat.index("\n", end) + 1
    else:
        return None
    stop = flat.find("\n", start)
    return start, stop if stop >= 0 else len(flat)


def about_whom(layout: Layout, c: Candidate, ctx: SpeakerContext) -> Speaker | None:
    """ "«П»: Зайцева о составе сборной", "«П»: жители — о подорожании": a headline
    statement of the form "X (—) о Y", with no verb before "о", names the one quoted."""
    found = _statement(layout, c)
    if found is None:
        return None
    m = _ABOUT.search(layout.flat, *found)
    if m is None:
        return None
    toks = tokenize(ctx.text, found[0], m.start())
    if any(t.is_word and is_finite_verb(t.text) for t in toks):
        return None  # "«П»: губернатор рассказал о паводке" has its own speech verb
    return speaker_in(ctx, found[0], m.start())


def _named(ctx: SpeakerContext, speaker: Speaker) -> bool:
    """Whether a speaker is a named person or body (an entity, or a noun resolved to one)."""
    if ctx.entities.between(speaker.start, speaker.end):
        return True
    return speaker.normal.lower() != ctx.text[speaker.start : speaker.end].lower()


def _next_sentence(layout: Layout, c: Candidate, ctx: SpeakerContext) -> Speaker | None:
    """ "«П»: жители Заречья вышли на митинг. Организатор Анна Козлова заявила…" — a
    headline quote whose statement names no speaker: the speaker of the first sentence
    with a speech verb in the paragraph after it (its lead), up to three sentences."""
    flat = layout.flat
    end = layout.sentence_end(c.span.outer_end)
    start = len(flat) - len(flat[end:].lstrip(" \t\n.!?…"))
    para = layout.paragraph(start)
    for _ in range(LEAD_SENTENCES):
        stop = layout.sentence_end(start)
        if start >= stop or layout.paragraph(start) != para:
            return None
        if cue_in(ctx, start, stop, strong=True):
            return speaker_in(ctx, start, stop)
        start = len(flat) - len(flat[stop:].lstrip(" \t.!?…"))
    return None


def headline_speaker(layout: Layout, c: Candidate, ctx: SpeakerContext) -> Speaker | None:
    """The speaker of a headline quote "«П»: …": the one its statement is about ("«П»:
    Зайцева о составе сборной"), unless that is an unnamed role noun and its lead names
    someone ("«П»: глава района о паводке⏎Глава района Сергей Орлов заявил…")."""
    found = about_whom(layout, c, ctx)
    if found is not None and _named(ctx, found):
        return found
    return _next_sentence(layout, c, ctx) or found or _statement_subject(layout, c, ctx)


def _statement_subject(layout: Layout, c: Candidate, ctx: SpeakerContext) -> Speaker | None:
    """ "«Мы готовы к зиме»: министр энергетики подвел итоги⏎…⏎Министр энергетики X…":
    with no speech verb around, the headline statement's subject is the one quoted,
    when it is a person or a role named (or resolved) as one."""
    found = _statement(layout, c)
    if found is None:
        return None
    subject = subject_in(ctx, *found)
    return subject if subject is not None and _named(ctx, subject) else None


def name_heading(layout: Layout, c: Candidate, ctx: SpeakerContext) -> Speaker | None:
    """ "Сара Сандерс⏎⏎«П»": a line that is a person's name (a title or a colon may follow,
    no verb), or that opens with the name and a colon before her unmarked words, right
    above a quote that opens its line heads that person's words."""
    line_start = layout.text.rfind("\n", 0, c.span.open) + 1
    if layout.flat[line_start : c.span.open].strip() or line_start == 0:
        return None
    prev_end = len(layout.text[: line_start - 1].rstrip())
    prev_start = layout.text.rfind("\n", 0, prev_end) + 1
    line = ctx.text[prev_start:prev_end]
    people = [p for p in ctx.people.between(prev_start, prev_end) if p.start == prev_start]
    if not people or ctx.blocked.within(prev_start, prev_end):
        return None
    p = people[0]
    # "Тереза Мэй: Многие русские сделали…⏎«П»": a line of her own words, unmarked
    speaks = ctx.text[p.end : p.end + 2].lstrip(" ").startswith(":")
    rest = tokenize(ctx.text, p.end, prev_end)
    verb = any(t.is_word and is_finite_verb(t.text) for t in rest)
    if not speaks and (len(line) > HEADING_MAX or verb or len(rest) > 8):
        return None
    return Speaker(p.start, p.end, ctx.text[p.start : p.end], p.normal)


def subject_after(layout: Layout, c: Candidate, ctx: SpeakerContext) -> Speaker | None:
    """ "«П». 82-летняя пенсионерка из Воронежа живет…": a lone quote that nobody speaks
    before it is the words of the person the next sentence of its paragraph is about
    (a quote that opens a story, its speaker introduced right after it)."""
    if not c.standalone:
        return None
    if c.rest is not None and any(ch.isalnum() for ch in layout.flat[c.rest[0] : c.rest[1]]):
        return subject_in(ctx, *c.rest)  # the next sentence glued to the mark ("»82-летняя")
    flat, end = layout.flat, layout.sentence_end(c.span.outer_end)
    start = len(flat) - len(flat[end:].lstrip(" \t.!?…"))
    if start >= len(flat) or layout.paragraph(start) != layout.paragraph(c.span.open):
        return None
    return subject_in(ctx, start, layout.sentence_end(start), bodies=True)
