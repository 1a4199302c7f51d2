"""Choosing the source of a quote among the mentions of its attribution clause.

The clause next to a quote names the source in a handful of ways: a person or body as
the subject of the speech verb (either side of it), a pronoun or role noun standing
for someone named earlier, an institution after "в" with a plural or impersonal verb,
or, after "по словам", a genitive. Each mention gets a score from its kind, its case,
its agreement with the verb and its distance to it; the outlet that was told
("рассказал «Известиям»", "в интервью ТАСС") is dropped before scoring.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.nlp.morph import normal_forms, parses
from models.quotes.anaphora import (
    body_before,
    plural_before,
    role_before,
    same_noun_before,
)
from models.quotes.bodies import named_body
from models.quotes.brackets import asides
from models.quotes.context import SpeakerContext, is_media
from models.quotes.fields import field_body, field_stems
from models.quotes.lexicon import (
    ANAPHORIC_BODY_NOUNS,
    ANONYMOUS_NOUNS,
    DOC_NOUNS,
    IMPERSONAL_LEMMAS,
    OPINION_NOUNS,
    OUTLET_NOUNS,
    QUOTING_LEMMAS,
    SPEECH_NOUNS,
)
from models.quotes.mentions import CITED, Clause, Mention, find_mentions
from models.quotes.morph import (
    first_predicate,
    is_speech_cue,
    noun_cases,
    noun_lemma,
    tokenize,
    verb_features,
)
from models.quotes.officials import official_after
from models.quotes.outlets import outlet_before
from models.quotes.position import genitive_of_noun
from models.quotes.ranks import mention_rank
from models.quotes.resolve import abbreviations
from models.quotes.roles import complement_of, holder_after, resolve_role
from models.quotes.salience import resolve_pronoun
from models.spans import Speaker

_BASE = {"pronoun": 6.0, "PER": 5.0, "ORG": 4.0, "role": 3.5, "place": 3.5, "doc": 2.0}
_LOCATIVE_PREPS = ("в", "во", "из", "на")


@dataclass(frozen=True, slots=True)
class Verb:
    """The clause's speech verb: token index and agreement features."""

    index: int
    gender: str | None
    number: str | None
    tense: str | None
    impersonal: bool
    quoting: bool


def find_verb(clause: Clause) -> Verb | None:
    """The first speech cue in the clause, else its first finite verb."""
    toks = clause.tokens
    index = next((i for i, t in enumerate(toks) if t.is_word and is_speech_cue(t.text)), None)
    if index is None:
        index = first_predicate(toks)
    if index is None:
        return None
    word = toks[index].text
    gender, number, tense = verb_features(word)
    lem = normal_forms(word)
    impersonal = bool(lem & IMPERSONAL_LEMMAS) or (
        gender == "neut" and tense == "past" and ("сказать" in lem or _passive(word))
    )
    quoting = bool(lem & QUOTING_LEMMAS)
    return Verb(index, gender, number, tense, impersonal, quoting)


def _passive(word: str) -> bool:
    """ "написано", "указано", "отмечено в письме X": a speech verb's short passive
    participle has no subject; like "говорится", it points into a document or a place."""
    return any(p.tag.POS == "PRTS" for p in parses(word.lower())[:1])


def _agreement(m: Mention, verb: Verb) -> float:
    score = 0.0
    locative = m.prep in _LOCATIVE_PREPS or m.kind == "there"
    if verb.impersonal:
        return 2.0 if locative else -1.0
    if verb.number == "plur":
        if locative or (m.kind in ("role", "place") and m.number == "plur"):
            score += 1.5
        elif m.kind in ("PER", "pronoun") and m.number != "plur":
            score -= 2.0
    elif verb.gender == "neut":
        score += 1.0 if m.kind in ("ORG", "place") and not locative else -2.0
    elif (
        verb.gender in ("masc", "femn")
        and m.kind in ("PER", "pronoun")
        and m.gender in ("masc", "femn")
        and m.gender != verb.gender
    ):
        score -= 3.0
    return score


def _base(m: Mention, verb: Verb | None) -> float | None:
    """A mention's score before agreement, or None when it cannot be the source."""
    if m.addressee or m.titled:
        return None
    if m.prep == CITED:
        return 7.0
    if m.kind == "there":
        return 2.5  # "— сообщили там": resolvable ones only (speaker_in)
    if m.prep in _LOCATIVE_PREPS and (m.kind in ("ORG", "LOC", "place") or m.doc):
        return 2.5
    if m.prep in _LOCATIVE_PREPS and m.kind == "doc":
        return 2.0  # a bare document ("в документе") yields to a named body
    if m.prep:
        return None
    if verb is not None and verb.quoting and m.kind in ("PER", "role", "ORG", "place"):
        # "приводит слова губернатора X ТАСС": the quoted one is an object
        if m.doc:
            return 8.0  # "цитирует X сообщение Y": the one whose message it is
        if _subject_of(m, verb) or (m.nominative() and m.token < verb.index):
            return 1.0  # "процитировала Захарова шутку коллег", "Минздрав привел слова"
        if not m.nominative() or {"accs", "gent"} & m.cases:
            return _BASE[m.kind] + 1.5
        return 1.0
    if m.kind == "LOC":
        return None
    if m.nominative():
        return _BASE[m.kind]
    return 1.0 if m.kind == "PER" else None


def _oblique(m: Mention, verb: Verb) -> bool:
    """ "— написал в Facebook", "— сообщила на своей странице в Telegram", "— говорит, и
    уехала в Минспорт": a singular personal verb has a subject of its own (named or
    not); the body after "в"/"на" is where it wrote or went, never who spoke. Only a
    plural or impersonal cue ("сообщили в …", "говорится в …") speaks through a place."""
    locative = m.prep in _LOCATIVE_PREPS or m.kind == "there"
    return locative and verb.number == "sing" and not verb.impersonal and not verb.quoting


def _subject_of(m: Mention, verb: Verb) -> bool:
    """A name right next to a past-tense verb, agreeing with it in gender and possibly
    nominative, is its subject even when it could be a genitive ("Захарова")."""
    return (
        m.nominative()
        and abs(m.token - verb.index) == 1
        and verb.gender in ("masc", "femn")
        and m.gender == verb.gender
    )


def pick_mention(clause: Clause, text: str, genitive: bool = False) -> Mention | None:
    """The best source among the clause's mentions (``genitive`` for "по словам X")."""
    if genitive:
        order = ("PER", "pronoun", "role", "ORG", "place")
        ranked = [m for m in clause.mentions if m.kind in order and not m.prep and not m.titled]
        ranked.sort(key=lambda m: (order.index(m.kind), m.start))
        return ranked[0] if ranked else None
    verb = find_verb(clause)
    others = [m for m in clause.mentions if not m.addressee]
    scored: list[tuple[float, Mention]] = []
    for m in clause.mentions:
        base = _base(m, verb)
        if (
            base is None
            or (verb is not None and _oblique(m, verb))
            or (verb is None and _complement(clause, m))
            or _told_outlet(m, clause, text)
        ):
            continue
        if m.kind in ("ORG", "PER") and is_media(m, text) and not m.prep:
            present = verb is not None and verb.tense == "pres" and not verb.quoting
            if len(others) > 1 or not present:
                continue  # "«…», — передает Интерфакс": the outlet relays
        score = base
        if verb is not None and verb.quoting and _words_of(clause, m):
            score = max(score, 8.0)  # "приводит издание слова политика": whose words
        if verb is not None:
            # a quoting verb agrees with the one who relays, not with the source
            agreement = 0.0 if verb.quoting else _agreement(m, verb)
            score += agreement - 0.08 * abs(m.token - verb.index)
        scored.append((score, m))
    if not scored:
        return None
    return max(scored, key=lambda sm: (sm[0], -sm[1].start))[1]


def _complement(clause: Clause, m: Mention) -> bool:
    """ "Кроме того, это прерогатива Минкультуры:": in a clause with no verb, a name
    after a common noun is that noun's complement, not the source, unless the noun is
    someone's words, view or document ("Комментарий пресс-службы МВД:"); a bare
    document noun there is the topic, not a source."""
    if m.kind == "doc" and not m.prep:
        return True  # "решения относительно площадки — …:" is no document that speaks
    if m.kind not in ("ORG", "PER") or m.token == 0:
        return False
    prev = clause.tokens[m.token - 1]
    if not genitive_of_noun(clause.tokens, m.token - 1, m.cases):
        return False
    return noun_lemma(prev.text) not in SPEECH_NOUNS | OPINION_NOUNS | DOC_NOUNS


def _told_outlet(m: Mention, clause: Clause, text: str) -> bool:
    """ "— сказал «Новостям Подмосковья» источник в экстренных службах": beside an
    unnamed source that can be the subject, an outlet or an organization in the dative
    is the one that was told, whatever case NER's span lets us read."""
    if m.kind != "ORG" or m.prep:
        return False
    sources = [
        o
        for o in clause.mentions
        if o is not m and o.head in ANONYMOUS_NOUNS and not o.prep and o.nominative()
    ]
    if not sources:
        return False
    first = next((t for t in tokenize(text, m.start, m.end) if t.is_word), None)
    if is_media(m, text) or (first is not None and "datv" in noun_cases(first.text)):
        return True
    # "— рассказал Business FM собеседник": no case to read, but the source follows it
    return not m.cases and any(not text[m.end : o.start].strip(' «»"') for o in sources)


def _words_of(clause: Clause, m: Mention) -> bool:
    """Whether the mention follows a noun for words ("слова политика", "цитату министра"),
    its title allowed between ("слова представительницы команды Паолы Сантини"): after a
    quoting verb, the one whose words they are is the source."""
    start = m.token
    before = [o for o in clause.mentions if o.end <= m.start]
    if before and before[-1].titled and before[-1].kind == "role":
        start = before[-1].token  # "слова представительницы команды Паолы Сантини"
    prev = clause.tokens[start - 1] if start > 0 else None
    return prev is not None and prev.is_word and noun_lemma(prev.text) in SPEECH_NOUNS


def _verb_gender(clause: Clause) -> str | None:
    verb = find_verb(clause)
    return verb.gender if verb is not None else None


def _anaphoric_body(m: Mention, text: str) -> bool:
    """ "в ведомстве", "в надзорном ведомстве", "в пресс-службе управления": generic body
    nouns with no name after them."""
    if m.kind != "place" or m.head not in ANAPHORIC_BODY_NOUNS:
        return False
    nouns = [noun_lemma(t.text) for t in tokenize(text, m.start, m.end) if t.is_word]
    return all(n in ANAPHORIC_BODY_NOUNS for n in nouns if n)


def _bare(text: str) -> bool:
    """A mention of lower-case words only ("портал", "американское издание"): no name."""
    return text == text.lower() and not any(ch in text for ch in '«»"„“”')


def to_speaker(m: Mention, clause: Clause, ctx: SpeakerContext) -> Speaker:
    """A Speaker for a mention, resolving pronouns and role nouns to earlier persons."""
    text = ctx.text[m.start : m.end]
    normal = m.normal
    if m.kind == "PER":
        normal = ctx.names.of(text, m.normal)
    elif m.kind == "pronoun" and m.gender == "plur":
        normal = plural_before(ctx, m.start) or m.normal.lower()
    elif m.kind == "pronoun":
        person = resolve_pronoun(m.gender, m.start, ctx.people)
        if person is not None:
            person = official_after(ctx, m.end, m.gender, person) or person
        role = None if person else role_before(ctx, m.start, m.gender)
        person = person or (holder_after(role, m.end, ctx.people) if role else None)
        normal = person.normal if person else role or m.normal.lower()
    elif m.kind == "there":
        normal = body_before(ctx, m.start) or m.normal
    elif m.head in OUTLET_NOUNS and not m.prep and _bare(text):
        normal = outlet_before(ctx, m.start) or m.normal
    elif (stems := field_stems(ctx, m)) and (fitting := field_body(ctx, m, stems)):
        normal = fitting
    elif m.kind == "place" and _bare(text) and (named := named_body(ctx, m)):
        normal = named
    elif _anaphoric_body(m, ctx.text):
        normal = body_before(ctx, same_noun_before(ctx, m.start, m.head), far=True) or m.normal
    elif m.kind == "role":
        complement = complement_of(ctx.text, m.start, m.end, m.head)
        person = resolve_role(
            m.head,
            m.number,
            _verb_gender(clause),
            m.start,
            ctx.people,
            complement,
            abbreviations(ctx.text, m.start, m.end),
            mention_rank(ctx.text, m.start, m.end),
        ) or holder_after(m.normal, m.end, ctx.people)
        normal = person.normal if person else m.normal
    return Speaker(m.start, m.end, text, normal)


def speaker_in(ctx: SpeakerContext, start: int, end: int, genitive: bool = False) -> Speaker | None:
    """The source named in ``text[start:end]``, resolved, or None."""
    if end <= start:
        return None
    ents = ctx.entities.between(start, end)
    blocked = ctx.blocked.within(start, end) + asides(ctx.text, start, end)
    clause = find_mentions(ctx.text, start, end, ents, blocked, known=ctx.names.knows)
    if any(m.kind == "there" for m in clause.mentions):
        clause.mentions = [
            m for m in clause.mentions if m.kind != "there" or body_before(ctx, m.start) is not None
        ]
    m = pick_mention(clause, ctx.text, genitive)
    if m is None and not genitive:
        verb = find_verb(clause)
        if verb is not None and verb.impersonal:
            # "— сказано в обвинительном заключении": whatever the cue points into
            clause = find_mentions(
                ctx.text, start, end, ents, blocked, places=True, known=ctx.names.knows
            )
            m = pick_mention(clause, ctx.text)
    return to_speaker(m, clause, ctx) if m is not None else None
