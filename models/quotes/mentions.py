"""Candidate sources in an attribution clause: entities, pronouns, role nouns, bodies.

An attribution clause ("— сказал посол Франции Пьер Леви", "— говорится в сообщении
ГУ МЧС по Пермскому краю") is short, so each word can be looked at with pymorphy: a
role noun takes its genitive chain ("глава региона"), an institution after "в" is a
plural source ("в пресс-службе аэропорта «Пулково»"), a document gives way to its
complement ("в сообщении компании X" → "компании X"). Choosing among them is
quote_speakers' job; this module only lists them with case, gender and context.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from models.nlp.tokens import Token
from models.quotes.chain import Chain, noun_chain, skip_to
from models.quotes.lexicon import (
    ADDRESSEE_HEADS,
    ANONYMOUS_NOUNS,
    COUNT_WORDS,
    DOC_NOUNS,
    INSTITUTION_NOUNS,
    PARTITIVE_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_NOUNS,
    THERE_WORDS,
)
from models.quotes.morph import (
    inflect,
    is_adjective,
    is_animate_noun,
    is_participle,
    name_cases,
    name_parse,
    noun_cases,
    noun_lemma,
    parses,
    person_gender,
    to_nominative,
    tokenize,
)
from models.spans import Entity

CITED = "со ссылкой на"
_LOCATIVE = frozenset(("в", "во", "из", "на"))


@dataclass(frozen=True, slots=True)
class Mention:
    """A possible source: ``kind`` is PER/ORG/LOC, pronoun, role, place, doc or there."""

    start: int
    end: int
    kind: str
    normal: str
    cases: frozenset[str]
    token: int
    gender: str | None = None
    number: str | None = None
    head: str = ""
    prep: str = ""
    addressee: bool = False
    titled: bool = False

    def nominative(self) -> bool:
        """Could be the grammatical subject (unknown case counts as possible)."""
        return not self.prep and (not self.cases or "nomn" in self.cases)


@dataclass
class Clause:
    """The tokens of a clause and the mentions found in it."""

    tokens: list[Token]
    mentions: list[Mention]


_OPENING_MARKS = frozenset('«„“"')


def _entity_cases(text: str, ent: Entity) -> frozenset[str]:
    """Cases the entity's words agree on (unknown words do not constrain).

    For a person the first name decides when pymorphy knows it as a name: a guessed
    surname ("Ликсутов" read as a plural genitive) must not veto the nominative.
    """
    words = [t for t in tokenize(text, ent.start, ent.end) if t.is_word and len(t.text) > 1]
    if ent.label == "PER" and words:
        named = name_cases(words[0].text)
        if named:
            return named
    common: set[str] | None = None
    for tok in words:
        cases = noun_cases(tok.text)
        if cases:
            common = set(cases) if common is None else common & cases
    return frozenset(common or ())


def _phrase_normal(toks: list[Token], left: int, head: int, core: int, text: str) -> str:
    """Nominative of the head and its adjectives, plus the genitive chain as written.

    Qualifiers after "в"/"по" are left out: the normal form of "собеседник в отрасли"
    is "собеседник", of "ГУ МЧС по Пермскому краю" it is "ГУ МЧС".
    """
    noun = next((p for p in parses(toks[head].low) if p.tag.POS == "NOUN"), None)
    number = noun.tag.number if noun is not None else None
    gender = noun.tag.gender if noun is not None else None
    words = [to_nominative(t.text, number, gender) for t in toks[left : head + 1]]
    rest = text[toks[head].end : toks[core - 1].end] if core > head + 1 else ""
    return " ".join(words) + rest


def _lead_org(toks: list[Token], i: int, core: int, ent_start: dict[int, Entity]) -> Entity | None:
    """The longest ORG entity in a complement that starts with entities ("ГУ МЧС")."""
    found: list[Entity] = []
    j = i
    while j < core and toks[j].start in ent_start:
        ent = ent_start[toks[j].start]
        found.append(ent)
        j = skip_to(toks, j, ent.end)
    orgs = [e for e in found if e.label == "ORG"]
    return max(orgs, key=lambda e: e.end - e.start) if orgs else None


def _doc_mention(
    text: str, toks: list[Token], i: int, chain: Chain, left: int, ent_start: dict[int, Entity]
) -> Mention:
    """The source of "в сообщении X": X (an entity when it starts with one), else the doc."""
    head = i + 1
    org = _lead_org(toks, head, chain.core, ent_start)
    if org is not None:
        return Mention(org.start, org.end, "ORG", org.normal, frozenset(), left, head=toks[i].low)
    lemma = noun_lemma(toks[head].text) or ""
    normal = _phrase_normal(toks, head, head, chain.core, text)
    return Mention(
        toks[head].start, toks[chain.end - 1].end, "place", normal, frozenset(), left, head=lemma
    )


def _noun_mention(
    text: str, toks: list[Token], i: int, ent_start: dict[int, Entity], lemma: str
) -> tuple[Mention, int]:
    """A role/place/doc mention headed by token ``i``; returns it and the next index."""
    animate = is_animate_noun(toks[i].text) or lemma in ROLE_NOUNS
    kind = "role" if animate else ("doc" if lemma in DOC_NOUNS else "place")
    left = i
    while (
        left > 0
        and i - left < 2
        and toks[left - 1].is_word
        and is_adjective(toks[left - 1].text)
        and noun_lemma(toks[left - 1].text) is None
    ):
        left -= 1
    places = lemma in ANONYMOUS_NOUNS or kind == "place"
    chain = noun_chain(toks, i + 1, ent_start, places)
    if kind == "doc" and chain.end > i + 1:
        return _doc_mention(text, toks, i, chain, left, ent_start), chain.end
    noun = next((p for p in parses(toks[i].low) if p.tag.POS == "NOUN"), None)
    number = noun.tag.number if noun is not None else None
    gender = noun.tag.gender if noun is not None else None
    normal = _phrase_normal(toks, left, i, chain.core, text)
    return Mention(
        toks[left].start,
        toks[chain.end - 1].end,
        kind,
        normal,
        noun_cases(toks[i].text),
        left,
        gender=gender,
        number=number,
        head=lemma,
        titled=chain.titled,
    ), chain.end


def _name_mention(toks: list[Token], index: int) -> Mention:
    """A person's name that natasha missed ("Шойгу: «…»"), normalized word by word."""
    words = []
    cases: set[str] = set()
    for tok in toks:
        p = name_parse(tok.text)
        form = inflect(p, {"nomn"}) if p is not None and p.tag.case != "nomn" else None
        word = form.word if form is not None else tok.low
        words.append(word[:1].upper() + word[1:])
        cases |= name_cases(tok.text)
    normal = " ".join(words)
    return Mention(
        toks[0].start,
        toks[-1].end,
        "PER",
        normal,
        frozenset(cases),
        index,
        gender=person_gender(normal),
    )


def _annotate(m: Mention, toks: list[Token]) -> Mention:
    """Add the preposition before a mention and whether it is an addressee."""
    k = m.token - 1
    if k >= 0 and toks[k].text in _OPENING_MARKS and m.kind == "ORG":
        k -= 1  # "в «Аэрофлоте»": the ORG span is the name inside the marks
    counted = k >= 0 and (toks[k].low in COUNT_WORDS or toks[k].text.isdigit())
    k -= counted  # "два источника": the noun is the subject, in the genitive
    prep = ""
    if k >= 0 and toks[k].low in PREPOSITIONS:
        prep, k = toks[k].low, k - 1
        if prep == "на" and k >= 0 and toks[k].low == "ссылкой":
            prep = CITED  # "со ссылкой на источник": the cited one is the source
        elif prep == "из" and k >= 0 and toks[k].low in PARTITIVE_WORDS:
            prep, counted = "", True  # "один из участников": the participants speak
    head_before = noun_lemma(toks[k].text) if k >= 0 and toks[k].is_word else None
    addressee = head_before in ADDRESSEE_HEADS or prep in ("для",)
    cases, number = m.cases, m.number
    if counted and not prep:
        cases, number = cases | {"nomn"}, "plur"
    if (m.prep, m.addressee, m.cases, m.number) == (prep, addressee, cases, number):
        return m
    return Mention(
        m.start,
        m.end,
        m.kind,
        m.normal,
        cases,
        m.token,
        m.gender,
        number,
        m.head,
        prep,
        addressee,
        m.titled,
    )


def _after_locative(toks: list[Token], i: int) -> bool:
    """Whether noun ``i`` follows "в"/"из"/"на", adjectives allowed between
    ("в пользовательском соглашении")."""
    j = i - 1
    while (
        j >= 0
        and i - j <= 3
        and toks[j].is_word
        and toks[j].low not in PREPOSITIONS
        and is_adjective(toks[j].text)
    ):
        j -= 1
    return j >= 0 and toks[j].low in _LOCATIVE


def _modifier_end(toks: list[Token], i: int) -> int | None:
    """After ", <participle>/который…" the index past that modifier (its closing comma or
    the clause end): "из документа, опубликованного на портале …" names no source there."""
    if toks[i].text != "," or i + 1 >= len(toks) or not toks[i + 1].is_word:
        return None
    nxt = toks[i + 1]
    if not (nxt.low.startswith("котор") or is_participle(nxt.text)):
        return None
    j = i + 2
    while j < len(toks) and toks[j].text not in ",;:":
        j += 1
    return j


def find_mentions(
    text: str,
    start: int,
    end: int,
    entities: Sequence[Entity],
    blocked: Sequence[tuple[int, int]] = (),
    places: bool = False,
    known: Callable[[str], bool] | None = None,
) -> Clause:
    """Tokens and candidate source mentions of ``text[start:end]``.

    ``places``: any noun after "в"/"из"/"на" is a candidate too, for impersonal cues
    ("— отмечается в пользовательском соглашении маркетплейса"). ``known``: whether a
    capitalized word is the surname of someone named in the document, for a surname
    alone that natasha and pymorphy both missed ("Мерц поддержал коллегу").
    """
    toks = tokenize(text, start, end)
    inside = [
        e
        for e in entities
        if e.start >= start and e.end <= end and not any(a <= e.start < b for a, b in blocked)
    ]
    ent_start = {e.start: e for e in inside}
    found: list[Mention] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if any(a <= tok.start < b for a, b in blocked):
            i += 1
            continue
        skip = _modifier_end(toks, i)
        if skip is not None:
            i = skip
            continue
        ent = ent_start.get(tok.start)
        if ent is not None:
            gender = person_gender(ent.normal) if ent.label == "PER" else None
            found.append(
                Mention(
                    ent.start,
                    ent.end,
                    ent.label,
                    ent.normal,
                    _entity_cases(text, ent),
                    i,
                    gender=gender,
                )
            )
            i = skip_to(toks, i, ent.end)
            continue
        if tok.is_word and tok.low in PRONOUNS:
            gender = PRONOUNS[tok.low]
            number = "plur" if gender == "plur" else "sing"
            found.append(
                Mention(
                    tok.start,
                    tok.end,
                    "pronoun",
                    tok.text,
                    frozenset({"nomn"}),
                    i,
                    gender=gender,
                    number=number,
                )
            )
        elif tok.is_word and tok.low in THERE_WORDS:
            found.append(Mention(tok.start, tok.end, "there", tok.low, frozenset(), i))
        elif (
            tok.is_word
            and tok.low not in PREPOSITIONS
            and (
                name_parse(tok.text) is not None
                or (known is not None and tok.text[:1].isupper() and known(tok.text))
            )
        ):
            j = i + 1
            while (
                j < len(toks)
                and j - i < 3
                and toks[j].start not in ent_start
                and name_parse(toks[j].text) is not None
            ):
                j += 1
            found.append(_name_mention(toks[i:j], i))
            i = j
            continue
        elif tok.is_word and tok.low not in PREPOSITIONS:
            lemma = noun_lemma(tok.text)
            if lemma and (
                lemma in ROLE_NOUNS
                or lemma in ANONYMOUS_NOUNS
                or lemma in INSTITUTION_NOUNS
                or lemma in DOC_NOUNS
                or is_animate_noun(tok.text)
                or (places and _after_locative(toks, i))
            ):
                mention, nxt = _noun_mention(text, toks, i, ent_start, lemma)
                found.append(mention)
                i = max(nxt, i + 1)
                continue
        i += 1
    return Clause(toks, [_annotate(m, toks) for m in found])
