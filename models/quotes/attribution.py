"""Which clause names a quote's source, in order of reliability.

1. The author's words inside or right after the quote (``«П, — сказал X. — П»``,
   ``«П», — сказал X``). 2. The clause before it (``X заявил: «П»``, ``по словам X,
   «п»``, ``X отметил, что «п»``). 3. The rest of its sentence (``…«п», считает X``).
4. The next sentence when it points back (``«П». Об этом сообщил X``). 5. For a quote
that is a sentence of its own, the sentence before it when that one has a speech verb
or ends with a colon ("Министр рассказал о планах. «П»"), else the speaker of the previous quote (a
follow-on), if no other person was named in between. Headlines and quotes on lines of
their own have sieves of their own (models.quotes.headlines).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from models.quotes.context import SpeakerContext
from models.quotes.cues import BY_WORDS, SUBORDINATE, cue_in
from models.quotes.ellipsis import zero_subject
from models.quotes.headlines import about_whom, headline_speaker, name_heading
from models.quotes.layout import Candidate, Layout, soft_break_end
from models.quotes.lexicon import POSSESSIVE_PRONOUNS
from models.quotes.morph import is_finite_verb, is_speech_cue, tokenize
from models.quotes.salience import resolve_pronoun
from models.quotes.speakers import speaker_in
from models.quotes.subjects import subject_in
from models.spans import Speaker

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
PREVIOUS_SENTENCES = 2  # how far back a lone quote's speech verb may be in its paragraph
FOLLOW_ON_PARAGRAPHS = 1  # a follow-on may skip one paragraph even if someone is named in it
FOLLOW_ON_MAX = 4  # and up to this many when nobody else is named


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
    sub = SUBORDINATE.match(flat, start, end)
    return sub.end() if sub is not None else start


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


def _points_back(sentence: str) -> bool:
    """ "Такое заявление сделал X.", "Об этом рассказал X.": a sentence that names the
    source of the words before it."""
    m = _ABOUT_THIS.match(sentence)
    return m is not None and not m.group("so")


def _previous_sentence(layout: Layout, c: Candidate, ctx: SpeakerContext) -> Speaker | None:
    """'X рассказал о планах. «П»' — a speech verb in the sentence before a lone quote;
    'X сказал, что… В случае необходимости корабль… «П»' — or in the one before that
    sentence, in its paragraph, when that sentence names nobody or ends with a colon
    and names no source."""
    end = layout.sentence_start(c.span.open)
    paragraph = None
    for _ in range(PREVIOUS_SENTENCES):
        if end == 0:
            return None
        start = layout.sentence_start(end - 1)
        if ctx.blocked.within(start, end) or paragraph not in (None, layout.paragraph(start)):
            return None
        paragraph = layout.paragraph(start)
        colon = layout.flat[start:end].rstrip().endswith(":")
        if colon or cue_in(ctx, start, end, strong=True) or _points_back(layout.flat[start:end]):
            found = speaker_in(ctx, start, end)
            if found is not None or not colon:
                return found
            end = start  # "X заявил… Кроме того, это прерогатива Минкультуры:" names no one
            continue
        if ctx.entities.between(start, end) or speaker_in(ctx, start, end) is not None:
            return None  # someone else is named in between
        end = start
    return None


SUBHEADING_MAX = 60  # characters: a subheading is a short line


def _subheading(layout: Layout, start: int, end: int) -> bool:
    """A short line of its own with no final punctuation and no verb: a subheading."""
    line = layout.flat[start:end].strip()
    if not line or len(line) > SUBHEADING_MAX or line[-1] in '.!?…:;»"' or "\n" in line:
        return False
    if (
        layout.flat[max(0, start - 1) : start] not in ("\n", "")
        or "\n" not in layout.flat[end - 1 : end + 1]
    ):
        return False
    return not any(t.is_word and is_finite_verb(t.text) for t in tokenize(layout.flat, start, end))


def subject_before(layout: Layout, c: Candidate, ctx: SpeakerContext, after: int) -> Speaker | None:
    """'Мария Захарова не согласилась с оценкой. «П»' — with no speech verb anywhere, a
    lone quote right after a sentence about a person is that person's (CoreNLP's
    "closest" sieve, narrowed to the subject). The sentence must come after ``after``
    (the previous quote) and lie in the quote's paragraph or the one before; a
    subheading between them is skipped."""
    if not c.standalone:
        return None
    end = layout.sentence_start(c.span.open)
    if end == 0:
        return None
    start = layout.sentence_start(end - 1)
    reach = 1
    if start > 0 and _subheading(layout, start, end):
        end, reach = start, 2  # "Высокая ставка" between the lead and its quote
        start = layout.sentence_start(end - 1)
    if (
        start < after
        or ctx.blocked.within(start, end)
        or layout.paragraph(start) < layout.paragraph(c.span.open) - reach
    ):
        return None
    return subject_in(ctx, start, end)


def attribute(layout: Layout, c: Candidate, ctx: SpeakerContext) -> Speaker | None:
    """The source a clause around the quote names, or None."""
    for a, b in c.authors:
        found = speaker_in(ctx, a, b)
        if found:
            return found
    if c.after:
        found = speaker_in(ctx, *c.after)
        further = None if found else soft_break_end(layout, c.after[1])
        if further is not None:
            found = speaker_in(ctx, c.after[0], further)
        if found:
            return found
    found = _before(layout, c, ctx)
    if found:
        return found
    for clause in [*c.authors, *([c.after] if c.after else [])]:
        found = zero_subject(ctx, *clause)
        if found:
            return found
    if c.rest and cue_in(ctx, *c.rest):
        found = speaker_in(ctx, *c.rest)
        if found:
            return found
    if c.headline:
        return headline_speaker(layout, c, ctx)
    if not c.standalone:
        return None
    return (
        about_whom(layout, c, ctx)
        or name_heading(layout, c, ctx)
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
    named = any(
        p.normal != last.normal and p.position != "oblique"
        for p in ctx.people.between(last_end, start)
    )
    return gap <= FOLLOW_ON_MAX and not named
