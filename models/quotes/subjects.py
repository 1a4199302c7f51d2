"""Who a sentence is about: the subject a lone or headline quote is given to.

A quote with no attribution of its own takes its source from the sentence next to it
("Мария Захарова не согласилась с оценкой. «…»", "«…». Минздрав прокомментировал
вспышку кори"). That sentence's subject is a name, pronoun or role noun in the
nominative before its first finite verb and agreeing with it; a body is a subject only
of a speech verb (it speaks only through words), also as "В X" with a plural verb ("В
Минобороны прокомментировали сообщения").
"""

from __future__ import annotations

from models.quotes.context import SpeakerContext
from models.quotes.lexicon import INSTITUTION_NOUNS
from models.quotes.mentions import Mention, find_mentions
from models.quotes.morph import first_predicate, is_speech_cue, verb_features
from models.quotes.speakers import to_speaker
from models.spans import Speaker


def _person(
    mentions: list[Mention], verb: int, gender: str | None, number: str | None
) -> Mention | None:
    """The first person-like mention before the verb that can be its subject."""
    for m in mentions:
        if m.token >= verb:
            break
        if (
            m.kind not in ("PER", "pronoun", "role")
            or m.addressee
            or m.titled
            or not m.nominative()
            or (number == "plur") != (m.number == "plur")
        ):
            continue
        if gender in ("masc", "femn") and m.gender in ("masc", "femn") and m.gender != gender:
            continue
        return m
    return None


def _inverted(
    mentions: list[Mention], verb: int, gender: str | None, number: str | None
) -> Mention | None:
    """ "О политике регулятора рассуждает экономист Сергей Алексашенко": with no person
    named before the verb, the name right after it (past its title); "По его словам, в
    запасе останется Иван Сергеев" names one before it ("его") and is no such lead."""
    after = [m for m in mentions if m.token > verb and not m.titled]
    if not after or after[0].kind not in ("PER", "role") or after[0].addressee:
        return None
    m = after[0]
    if not m.nominative() or (number == "plur") != (m.number == "plur"):
        return None
    if gender in ("masc", "femn") and m.gender in ("masc", "femn") and m.gender != gender:
        return None
    return m


def _body(mentions: list[Mention], verb: int, number: str | None) -> Mention | None:
    """ "Минздрав прокомментировал", "Пресс-служба мэрии прокомментировала", "В
    Минобороны прокомментировали": the body before a speech verb."""
    for m in mentions:
        if m.token >= verb:
            break
        if m.addressee or not (
            m.kind == "ORG" or (m.kind == "place" and m.head in INSTITUTION_NOUNS)
        ):
            continue
        if (m.nominative() and number != "plur") or (m.prep in ("в", "во") and number == "plur"):
            return m
    return None


def subject_in(ctx: SpeakerContext, start: int, end: int, bodies: bool = False) -> Speaker | None:
    """The subject of the sentence ``[start, end)`` as a speaker, or None; ``bodies``:
    a body too, when the verb is a speech verb."""
    clause = find_mentions(
        ctx.text,
        start,
        end,
        ctx.entities.between(start, end),
        ctx.blocked.within(start, end),
        known=ctx.names.knows,
    )
    toks = clause.tokens
    verb = first_predicate(toks)
    if verb is None:
        return None
    gender, number, _ = verb_features(toks[verb].text)
    found = _person(clause.mentions, verb, gender, number)
    people = ("PER", "pronoun", "role")
    if found is None and not any(m.token < verb and m.kind in people for m in clause.mentions):
        found = _inverted(clause.mentions, verb, gender, number)
    if found is None and bodies and is_speech_cue(toks[verb].text):
        found = _body(clause.mentions, verb, number)
    return to_speaker(found, clause, ctx) if found is not None else None
