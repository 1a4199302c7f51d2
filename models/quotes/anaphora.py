"""Plural and institutional anaphora: "— сказали они", "— добавили в ведомстве", "— там".

News introduces a body or a pair of people once ("Минтранс подготовил правила",
"Экономисты Наталья Орлова и Дмитрий Полевой прогнозируют…") and then attributes the
quote with a plural pronoun, a generic institution noun or "там". These rules look
back over the quote's paragraph and the one before it (quotes excluded) for the
antecedent:

- "они" takes the subject-like plural antecedent of the nearest sentence that has
  one: persons coordinated with "и", a plural role noun ("Ученые ТПУ"), an
  organization in the nominative, or "В X" opening a sentence ("В Роспотребнадзоре
  проверили"). Two or more in that sentence are ambiguous: "они" stays unresolved.
- "в ведомстве", "в компании", "там" take the last body named (an organization or an
  institution noun, in any case).
"""

from __future__ import annotations

import re

from models.nlp.morph import normal_forms
from models.nlp.tokens import Token
from models.quotes.context import SpeakerContext, is_media
from models.quotes.cues import BY_WORDS_END, cue_in
from models.quotes.lexicon import (
    ANAPHORIC_BODY_NOUNS,
    ANONYMOUS_NOUNS,
    INSTITUTION_NOUNS,
    QUOTING_LEMMAS,
)
from models.quotes.mentions import Mention, find_mentions
from models.quotes.morph import noun_lemma, singular_nominative, tokenize
from models.quotes.resolve import paragraph_window

WINDOW = 900  # characters looked back at most
MAX_BACK = 3  # paragraphs looked back when those between are only quotes
_STOP = re.compile(r"[.!?…]+[\"»”)]?\s+(?=[A-ZА-ЯЁ«\"—–-])|\n+")
_LOCATIVE = ("в", "во")


def _sentence_starts(ctx: SpeakerContext, start: int, end: int) -> list[int]:
    """Sentence starts in ``[start, end)``, ignoring stops inside quotes."""
    starts = [start]
    for m in _STOP.finditer(ctx.text, start, end):
        if not ctx.blocked.contains(m.start()):
            starts.append(m.end())
    return starts


def _mentions(ctx: SpeakerContext, start: int, end: int) -> list[Mention]:
    """A sentence's mentions, without the outlets that relay ("…, передает «ДС»")."""
    ents = ctx.entities.between(start, end)
    clause = find_mentions(
        ctx.text, start, end, ents, ctx.blocked.within(start, end), known=ctx.names.knows
    )
    return [m for m in clause.mentions if not _relays(clause.tokens, m.token)]


def _relays(toks: list[Token], i: int) -> bool:
    """Whether the mention at token ``i`` follows a quoting verb ("передает", "цитирует")."""
    k = i - 1
    while k >= 0 and toks[k].text in '«"„“':
        k -= 1
    return k >= 0 and toks[k].is_word and bool(normal_forms(toks[k].text) & QUOTING_LEMMAS)


def _org_normal(ctx: SpeakerContext, m: Mention) -> str:
    """A body's normal form: the longest organization inside it, else its own."""
    if m.kind == "ORG":
        return m.normal
    orgs = [e for e in ctx.entities.between(m.start, m.end) if e.label == "ORG"]
    if orgs:
        return max(orgs, key=lambda e: e.end - e.start).normal
    return m.normal


def _generic(ctx: SpeakerContext, m: Mention) -> bool:
    """A body named only by generic nouns ("пресс-службы ведомства"): it names no one."""
    if m.kind != "place":
        return False
    nouns = [noun_lemma(t.text) for t in tokenize(ctx.text, m.start, m.end) if t.is_word]
    return all(n in ANAPHORIC_BODY_NOUNS for n in nouns if n)


def _is_body(m: Mention) -> bool:
    """An organization or an institution noun; a bare plural ("новые аппараты доставлены",
    "суды отказали") names no one body; "власти региона" does."""
    bare = m.normal == m.normal.lower() and noun_lemma(m.normal.split()[-1]) == m.head
    if m.kind == "place" and m.number == "plur" and bare:
        return False
    return m.kind == "ORG" or (m.kind == "place" and m.head in INSTITUTION_NOUNS)


def _subject_like(m: Mention) -> bool:
    """In the nominative, or "В X" opening the sentence ("В Минфине подтвердили")."""
    return (
        not m.addressee
        and not m.titled
        and (m.nominative() or (m.prep in _LOCATIVE and m.token <= 1))
    )


def window_start(ctx: SpeakerContext, pos: int) -> int:
    """Where the antecedents of a word at ``pos`` are looked for: its paragraph and the one
    before; a paragraph that is only a quote does not count ("X осмотрел мост.⏎«П»⏎—
    сказал он": the line before "он" is the quote, X is one more back)."""
    back = 1
    start = paragraph_window(ctx.text, pos, WINDOW, back)
    while back < MAX_BACK and not _prose(ctx, start, ctx.text.rfind("\n", 0, pos) + 1):
        back += 1
        start = paragraph_window(ctx.text, pos, WINDOW, back)
    return start


def _prose(ctx: SpeakerContext, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has a letter outside quotes."""
    blocked = ctx.blocked.within(start, end)
    return any(
        ch.isalpha() and not any(a <= i < b for a, b in blocked)
        for i, ch in enumerate(ctx.text[start:end], start)
    )


def _sentences_back(ctx: SpeakerContext, pos: int, start: int | None = None) -> list[list[Mention]]:
    """The mentions of each sentence before ``pos`` from ``start`` (default: the window),
    nearest first."""
    return [found for _, _, found in _spans_back(ctx, pos, start)]


def _spans_back(
    ctx: SpeakerContext, pos: int, start: int | None = None
) -> list[tuple[int, int, list[Mention]]]:
    """``_sentences_back`` with each sentence's bounds."""
    if start is None:
        start = window_start(ctx, pos)
    starts = _sentence_starts(ctx, start, pos)
    ends = [*starts[1:], pos]
    spans = reversed(list(zip(starts, ends)))
    return [(a, b, found) for a, b in spans if (found := _mentions(ctx, a, b))]


def same_noun_before(ctx: SpeakerContext, pos: int, head: str) -> int:
    """The end of the sentence where the same generic body noun was used last before
    ``pos``, within the window and outside quotes ("пресс-службы ведомства … — заявили в
    ведомстве"), else ``pos``: a writer who repeats "ведомство" means the same body,
    whatever was named between."""
    start = window_start(ctx, pos)
    for tok in reversed(tokenize(ctx.text, start, pos)):
        if tok.is_word and noun_lemma(tok.text) == head and not ctx.blocked.contains(tok.start):
            stop = _STOP.search(ctx.text, tok.end, pos)  # its sentence counts too
            return stop.start() + 1 if stop is not None else pos
    return pos


def body_before(ctx: SpeakerContext, pos: int, far: bool = False) -> str | None:
    """The normal form of the body named last before ``pos``: in the nearest sentence
    that names one, its subject ("В компании X подтвердили сделку в заводе Y"), else
    the last one named there ("обратился в пресс-службу минздрава"). ``far``: when the
    window names none, look back to the headline ("— ответили в ведомстве" after "МИД РФ
    назвал…"). Last, an organization in a title ("Глава МЧС Илья Лосев заявил")."""
    window = window_start(ctx, pos)
    sentences = _sentences_back(ctx, pos, window)
    if far and window > 0:
        sentences += _sentences_back(ctx, window, 0)
    for found in sentences:
        bodies = [
            m
            for m in found
            if _is_body(m)
            and not m.addressee
            and not is_media(m, ctx.text)
            and not _generic(ctx, m)
        ]
        if bodies:
            subject = [m for m in bodies if _subject_like(m)]
            return _org_normal(ctx, (subject or bodies)[-1])
    for found in sentences:
        titled = [m for m in found if m.kind == "role" and _org_inside(ctx, m)]
        if titled:
            return _org_normal(ctx, titled[-1])
    return None


def _org_inside(ctx: SpeakerContext, m: Mention) -> bool:
    return any(e.label == "ORG" for e in ctx.entities.between(m.start, m.end))


def _coordinated(ctx: SpeakerContext, found: list[Mention], i: int) -> int:
    """How many mentions from ``i`` on form "X и Y" or "X и <титул> Y" (persons): 2 or 3,
    else 0 ("Тренер Сергей Семак и капитан Дуглас Сантос")."""
    a = found[i]
    rest = found[i + 1 : i + 3]
    if a.kind != "PER" or not rest:
        return 0
    if rest[0].kind == "PER" and ctx.text[a.end : rest[0].start].strip() == "и":
        return 2
    if (
        len(rest) == 2
        and rest[0].kind == "role"
        and rest[0].titled
        and rest[1].kind == "PER"
        and ctx.text[a.end : rest[0].start].strip() == "и"
        and not ctx.text[rest[0].end : rest[1].start].strip()
    ):
        return 3
    return 0


def _plural_antecedents(ctx: SpeakerContext, found: list[Mention]) -> list[str]:
    """Subject-like plural antecedents among one sentence's mentions, as normal forms."""
    out: list[str] = []
    i = 0
    while i < len(found):
        m = found[i]
        span = _coordinated(ctx, found, i)
        if span and m.nominative():
            last = found[i + span - 1]
            out.append(f"{ctx.names.full(m.normal)}, {ctx.names.full(last.normal)}")
            i += span
            continue
        if m.kind == "role" and m.number == "plur" and _subject_like(m):
            out.append(m.normal)
        elif _is_body(m) and _subject_like(m):
            out.append(_org_normal(ctx, m))
        i += 1
    return out


def plural_before(ctx: SpeakerContext, pos: int) -> str | None:
    """What "они" at ``pos`` stands for, or None when nothing or several things fit.

    Coordinated persons come back as "Имя Фамилия, Имя Фамилия" (a list, easy to split).
    """
    for found in _sentences_back(ctx, pos):
        candidates = _plural_antecedents(ctx, found)
        if candidates:
            return candidates[0] if len(candidates) == 1 else None
    return None


def _singular_subject(ctx: SpeakerContext, m: Mention) -> bool:
    """Whether the role noun's head can be a singular nominative: "фанатки" is the
    genitive singular or the nominative plural, never a singular subject."""
    heads = [t for t in tokenize(ctx.text, m.start, m.end) if noun_lemma(t.text) == m.head]
    return not heads or singular_nominative(heads[0].text)


def _by_words(ctx: SpeakerContext, m: Mention) -> bool:
    """ "По словам собеседника газеты, …": the genitive after "по словам" names a source."""
    return BY_WORDS_END.search(ctx.text, max(0, m.start - 40), m.start) is not None


def _anonymous(m: Mention) -> bool:
    """An unnamed source ("источник в Кремле", "собеседник газеты"), whatever its kind."""
    return m.kind in ("role", "place") and m.head in ANONYMOUS_NOUNS


def _source_role(ctx: SpeakerContext, m: Mention, start: int, end: int) -> bool:
    """Whether a singular role noun of the sentence ``[start, end)`` can be what "он"
    stands for: the subject, or an unnamed source after "по словам"; an unnamed source
    that is no person ("источник финансирования") only where someone speaks."""
    if m.number == "plur" or m.addressee or m.titled:
        return False
    if _anonymous(m):
        if m.kind != "role" and not cue_in(ctx, start, end):
            return False
        return (m.nominative() and _singular_subject(ctx, m)) or _by_words(ctx, m)
    return m.kind == "role" and m.nominative() and _singular_subject(ctx, m)


def role_before(ctx: SpeakerContext, pos: int, gender: str | None) -> str | None:
    """ "Губернатор обратил внимание… «…», — добавил он": with no person named for it,
    "он"/"она" stands for the singular role noun that is the subject of the nearest
    sentence with one (its normal form, in lower case). An unnamed source counts too,
    also as the source after "по словам" ("По словам собеседника газеты, …"): a role
    noun with no person is itself the speaker, and so is what stands for it."""
    for start, end, found in _spans_back(ctx, pos):
        for m in found:
            if _source_role(ctx, m, start, end) and not (gender == "masc" and m.gender == "femn"):
                return m.normal[:1].lower() + m.normal[1:] if m.normal[1:2].islower() else m.normal
    return None
