"""Which clause names a quote's source, in order of reliability.

1. The author's words inside or right after the quote (``«П, — сказал X. — П»``,
   ``«П», — сказал X``). 2. The clause before it (``X заявил: «П»``, ``по словам X,
   «п»``, ``X отметил, что «п»``). 3. The rest of its sentence (``…«п», считает X``).
4. The next sentence when it points back (``«П». Об этом сообщил X``). 5. For a quote
that is a sentence of its own, the sentence before it when that one has a speech verb
or ends with a colon ("Министр рассказал о планах. «П»"), else the speaker of the previous quote (a
follow-on), if no other person was named in between.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from models.nlp.morph import normal_forms
from models.nlp.tokens import Token
from models.quotes.context import SpeakerContext
from models.quotes.layout import Candidate, Layout
from models.quotes.lexicon import POSSESSIVE_PRONOUNS, SPEECH_NOUNS, WEAK_LEMMAS
from models.quotes.morph import is_finite_verb, is_speech_cue, noun_lemma, tokenize
from models.quotes.resolve import resolve_pronoun
from models.quotes.speakers import speaker_in, subject_in
from models.spans import Speaker

BY_WORDS = re.compile(
    r"(?i)\b(?:по|согласно)\s+(?:(?P<pron>его|ее|её|их)\s+)?(?:словам|мнению|оценке|оценкам"
    r"|данным|информации|сведениям|утверждению|заявлению|признанию|убеждению|версии"
    r"|сообщению|заключению|прогнозу|подсчетам)\b"
)
_ABOUT_THIS = re.compile(
    r"(?i)^\s*(?:(?P<cue>об этом)|(?P<so>так)|такое (?:мнение|заявление)|такими словами"
    r"|с таким заявлением|эти слова|этими словами)\b"
)
_CONTRAST = re.compile(
    r"(?i)(?:,\s*(?:а|но|однако|тогда как|в то время как|зато|на что|после чего|на это)|;)"
    r"\s+(?=\w)"
)
# "После матча, как передает корреспондент «СЭ» X, тренер Y посетовал:": the aside
# names the channel; the clause of the quote goes on after it.
_ASIDE = re.compile(
    r"(?i)(?<![\w-])как\s+(?P<cue>[а-яё]+)\s(?:[^,:«»\n]|«[^«»\n]{1,40}»){2,80},\s+(?=\w)"
)
_SUBORDINATE = re.compile(
    r"(?i)\s*(?:когда|если|пока|хотя|после того как|как только|прежде чем|поскольку"
    r"|так как|потому что|пусть)\s[^,:«»\n]{2,120},\s+(?=\w)"
)
_ABOUT = re.compile(r"[ \t]+(?:[—–-][ \t]+)?(?:о|об|обо|про)[ \t]")
HEADING_MAX = 80  # characters: a name heading over a quote is a short line
LEAD_SENTENCES = 3  # how far into the paragraph after a headline quote its speaker may be
PREVIOUS_SENTENCES = 2  # how far back a lone quote's speech verb may be in its paragraph
FOLLOW_ON_PARAGRAPHS = 1  # a follow-on may skip one paragraph even if someone is named in it
FOLLOW_ON_MAX = 4  # and up to this many when nobody else is named


def cue_in(ctx: SpeakerContext, start: int, end: int, strong: bool = False) -> bool:
    """Whether ``text[start:end]`` has a speech verb outside quotes (``strong``: not a
    verb that is often something else, like "привести" or "назвать")."""
    blocked = ctx.blocked.within(start, end)
    toks = tokenize(ctx.text, start, end)
    for i, tok in enumerate(toks):
        if (
            tok.is_word
            and not any(a <= tok.start < b for a, b in blocked)
            and is_speech_cue(tok.text)
            and not (strong and normal_forms(tok.text) & WEAK_LEMMAS and not _words_next(toks, i))
        ):
            return True
    return False


def _words_next(toks: list[Token], i: int) -> bool:
    """ "привел слова министра", "процитировал высказывание": a weak cue with a noun
    for words as its object is a strong one."""
    return any(noun_lemma(t.text) in SPEECH_NOUNS for t in toks[i + 1 : i + 3] if t.is_word)


def _possessive(ctx: SpeakerContext, start: int, word: str) -> Speaker:
    """ "По его словам": the pronoun, resolved like "он"."""
    person = resolve_pronoun(POSSESSIVE_PRONOUNS.get(word.lower()), start, ctx.people)
    normal = person.normal if person else word.lower()
    return Speaker(start, start + len(word), ctx.text[start : start + len(word)], normal)


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    """The last of ``matches``, or None."""
    found = None
    for found in matches:  # noqa: B007 (the loop only runs to the end)
        pass
    return found


def _before(layout: Layout, c: Candidate, ctx: SpeakerContext) -> Speaker | None:
    start, end = c.before
    lead = layout.flat[start:end]
    by_words = _last(BY_WORDS.finditer(lead))
    if by_words is not None:
        if by_words.group("pron"):
            return _possessive(ctx, start + by_words.start("pron"), by_words.group("pron"))
        comma = lead.find(",", by_words.end())
        stop = start + comma if comma >= 0 else end
        found = speaker_in(ctx, start + by_words.end(), stop, genitive=True)
        if found is not None:
            return found
    own = _own_clause(layout, start, end)
    if own > start and (cue_in(ctx, own, end) or lead.rstrip().endswith(":")):
        # "X поинтересовался…, на что министр заверил его:": the minister is not X
        found = speaker_in(replace(ctx, people=ctx.people.without(start, own)), own, end)
        if found is not None:
            return found
    colon = lead.rstrip().endswith(":")
    if cue_in(ctx, start, end) or colon:
        return speaker_in(ctx, start, end) or (_only_person(ctx, start, end) if colon else None)
    return None


def _only_person(ctx: SpeakerContext, start: int, end: int) -> Speaker | None:
    """ "Вечером состоялась встреча с Игорем Лебедевым: «…»": a colon after a clause that
    names one person, in whatever case, introduces that person's words."""
    found = [p for p in ctx.people.between(start, end) if p.position != "addressee"]
    if len(found) != 1:
        return None
    p = found[0]
    return Speaker(p.start, p.end, ctx.text[p.start : p.end], p.normal)


def _own_clause(layout: Layout, start: int, end: int) -> int:
    """Where the quote's own clause begins: after a contrast ("«A», — сказал X, а Y
    возразил: «B»": Y's clause starts after ", а"; "…, на что министр заверил:"), after
    an aside naming the channel ("как передает корреспондент X,") or after a subordinate
    clause that opens the sentence ("Когда он шел к трибуне, Баталин выкрикнул:"), else
    ``start``."""
    flat = layout.flat
    asides = (m for m in _ASIDE.finditer(flat, start, end) if is_speech_cue(m.group("cue")))
    ends = [m.end() for m in (_last(_CONTRAST.finditer(flat, start, end)), _last(asides)) if m]
    if ends:
        return max(ends)
    sub = _SUBORDINATE.match(flat, start, end)
    return sub.end() if sub is not None else start


def _name_heading(layout: Layout, c: Candidate, ctx: SpeakerContext) -> Speaker | None:
    """ "Сара Сандерс⏎⏎«П»": a line that is a person's name (a title or a colon may follow,
    no verb) right above a quote that opens its line heads that person's words."""
    line_start = layout.text.rfind("\n", 0, c.span.open) + 1
    if layout.flat[line_start : c.span.open].strip() or line_start == 0:
        return None
    prev_end = len(layout.text[: line_start - 1].rstrip())
    prev_start = layout.text.rfind("\n", 0, prev_end) + 1
    line = ctx.text[prev_start:prev_end]
    people = [p for p in ctx.people.between(prev_start, prev_end) if p.start == prev_start]
    if not people or len(line) > HEADING_MAX or ctx.blocked.within(prev_start, prev_end):
        return None
    rest = tokenize(ctx.text, people[0].end, prev_end)
    if any(t.is_word and is_finite_verb(t.text) for t in rest) or len(rest) > 8:
        return None
    p = people[0]
    return Speaker(p.start, p.end, ctx.text[p.start : p.end], p.normal)


def _about_this(layout: Layout, c: Candidate, ctx: SpeakerContext) -> Speaker | None:
    """'«…». Об этом сообщил X.' — the next sentence names the source."""
    end = layout.sentence_end(c.span.outer_end)
    nxt_end = layout.sentence_end(end + 1)
    sentence = layout.flat[end:nxt_end].lstrip(" \t.")
    m = _ABOUT_THIS.match(sentence)
    if "\n" in layout.flat[c.span.outer_end : end + 2] or m is None:
        return None
    if m.group("cue") and not cue_in(ctx, end, nxt_end, strong=True):
        return None  # "Об этом стало известно" names nobody
    if m.group("so") and not cue_in(ctx, end, nxt_end):
        return None  # "Так X оценил итоги" points back; "Так прошел день" does not
    return speaker_in(ctx, end, nxt_end)


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


def _previous_sentence(layout: Layout, c: Candidate, ctx: SpeakerContext) -> Speaker | None:
    """'X рассказал о планах. «П»' — a speech verb in the sentence before a lone quote;
    'X сказал, что… В случае необходимости корабль… «П»' — or in the one before that
    sentence, in its paragraph, when that sentence names nobody."""
    end = layout.sentence_start(c.span.open)
    paragraph = None
    for _ in range(PREVIOUS_SENTENCES):
        if end == 0:
            return None
        start = layout.sentence_start(end - 1)
        if ctx.blocked.within(start, end) or paragraph not in (None, layout.paragraph(start)):
            return None
        paragraph = layout.paragraph(start)
        if layout.flat[start:end].rstrip().endswith(":") or cue_in(ctx, start, end, strong=True):
            return speaker_in(ctx, start, end)
        if ctx.entities.between(start, end) or speaker_in(ctx, start, end) is not None:
            return None  # someone else is named in between
        end = start
    return None


def subject_before(layout: Layout, c: Candidate, ctx: SpeakerContext, after: int) -> Speaker | None:
    """'Мария Захарова не согласилась с оценкой. «П»' — with no speech verb anywhere, a
    lone quote right after a sentence about a person is that person's (CoreNLP's
    "closest" sieve, narrowed to the subject). The sentence must come after ``after``
    (the previous quote) and lie in the quote's paragraph or the one before."""
    if not c.standalone:
        return None
    end = layout.sentence_start(c.span.open)
    if end == 0:
        return None
    start = layout.sentence_start(end - 1)
    if (
        start < after
        or ctx.blocked.within(start, end)
        or layout.paragraph(start) < layout.paragraph(c.span.open) - 1
    ):
        return None
    return subject_in(ctx, start, end)


def _statement(layout: Layout, c: Candidate) -> tuple[int, int] | None:
    """What a headline quote says about itself: the rest of its line after the colon
    ("«П»: глава района о паводке"), or the next line when the quote is a line of its
    own ("«П»⏎Сергей Рябков — о способах…")."""
    flat, end = layout.flat, c.span.outer_end
    if c.headline:
        start = flat.index(":", end) + 1
    elif c.standalone and flat[end:].lstrip(" \t.!?…")[:1] == "\n":
        start = flat.index("\n", end) + 1
    else:
        return None
    stop = flat.find("\n", start)
    return start, stop if stop >= 0 else len(flat)


def _about_whom(layout: Layout, c: Candidate, ctx: SpeakerContext) -> Speaker | None:
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
    return subject_in(ctx, start, layout.sentence_end(start))


def attribute(layout: Layout, c: Candidate, ctx: SpeakerContext) -> Speaker | None:
    """The source a clause around the quote names, or None."""
    for a, b in c.authors:
        found = speaker_in(ctx, a, b)
        if found:
            return found
    if c.after:
        found = speaker_in(ctx, *c.after)
        if found:
            return found
    found = _before(layout, c, ctx)
    if found:
        return found
    if c.rest and cue_in(ctx, *c.rest):
        found = speaker_in(ctx, *c.rest)
        if found:
            return found
    if c.headline:
        found = _about_whom(layout, c, ctx)
        if found is not None and _named(ctx, found):
            return found
        return _next_sentence(layout, c, ctx) or found  # "глава района о …" named next
    if not c.standalone:
        return None
    return (
        _about_whom(layout, c, ctx)
        or _name_heading(layout, c, ctx)
        or _about_this(layout, c, ctx)
        or _previous_sentence(layout, c, ctx)
    )


def follows_on(
    layout: Layout, ctx: SpeakerContext, last: Speaker, last_end: int, start: int
) -> bool:
    """Whether an unattributed quote at ``start`` continues ``last``'s quote (ending there)."""
    gap = layout.paragraph(start) - layout.paragraph(last_end)
    if gap <= FOLLOW_ON_PARAGRAPHS:
        return True
    named = any(p.normal != last.normal for p in ctx.people.between(last_end, start))
    return gap <= FOLLOW_ON_MAX and not named
