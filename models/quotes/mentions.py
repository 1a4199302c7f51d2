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
from dataclasses import dataclass, replace

from models.nlp.tokens import Token
from models.quotes.chain import MARKS_OPEN, Chain, noun_chain, skip_to
from models.quotes.lexicon import (
    ANONYMOUS_NOUNS,
    COUNT_WORDS,
    DOC_NOUNS,
    INSTITUTION_NOUNS,
    PARTITIVE_WORDS,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_NOUNS,
    SPEECH_NOUNS,
    THERE_WORDS,
)
from models.quotes.morph import (
    inflect,
    is_adjective,
    is_adverb,
    is_animate_noun,
    is_gerund,
    is_participle,
    is_speech_cue,
    name_cases,
    name_parse,
    noun_cases,
    noun_lemma,
    parses,
    person_gender,
    role_noun,
    substantive,
    to_nominative,
    tokenize,
)
from models.quotes.position import apposed_cases, entity_cases, genitive_of_noun, told
from models.spans import Entity

CITED = "со ссылкой на"
_PHRASE_END = frozenset(",.;:!?…)—–-")
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
    doc: str = ""  # the document noun this mention completes ("доклад социолога X")

    def nominative(self) -> bool:
        """Could be the grammatical subject (unknown case counts as possible)."""
        return not self.prep and (not self.cases or "nomn" in self.cases)


@dataclass
class Clause:
    """The tokens of a clause and the mentions found in it."""

    tokens: list[Token]
    mentions: list[Mention]


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
) -> tuple[Mention, int]:
    """The source of "в сообщении X": X (an entity when it starts with one, the person at
    the end of "в докладе социолога Марка Хейла", the role in "заявление премьера"),
    else the doc; with the index after it."""
    head = i + 1
    org = _lead_org(toks, head, chain.core, ent_start)
    if org is not None:
        found = Mention(org.start, org.end, "ORG", org.normal, frozenset(), left, head=toks[i].low)
        return found, chain.end
    doc, cases = noun_lemma(toks[i].text) or toks[i].low, noun_cases(toks[i].text)
    person = ent_start.get(toks[chain.end].start) if chain.titled else None
    if person is not None:
        gender = person_gender(person.normal)
        found = Mention(
            person.start, person.end, "PER", person.normal, cases, left, gender, doc=doc
        )
        return found, skip_to(toks, chain.end, person.end)
    lemma = noun_lemma(toks[head].text) or ""
    if lemma in ROLE_NOUNS or is_animate_noun(toks[head].text):
        role, _ = _noun_mention(text, toks, head, ent_start, lemma)
        return replace(role, cases=cases, token=left, doc=doc), chain.end
    normal = _phrase_normal(toks, head, head, chain.core, text)
    found = Mention(
        toks[head].start, toks[chain.end - 1].end, "place", normal, frozenset(), left, head=lemma
    )
    return found, chain.end


def _acting_start(toks: list[Token], i: int) -> int | None:
    """Where an acting title before a role noun at ``i`` opens ("и.о. главы", "И. о.
    главы", "временно исполняющий обязанности губернатора"), else None: the acting
    official is named by the whole phrase, the role noun staying in the genitive."""
    words = [t.low for t in toks[max(0, i - 4) : i]]
    if words[-2:] == ["и.о", "."]:
        return i - 2
    if words[-4:] == ["и", ".", "о", "."]:
        return i - 4
    if len(words) >= 2 and words[-1] == "обязанности" and words[-2].startswith("исполняющ"):
        return i - 3 if len(words) >= 3 and words[-3] == "временно" else i - 2
    return None


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
        and noun_cases(toks[left - 1].text) & noun_cases(toks[i].text)
    ):
        left -= 1  # "известная телеведущая"; not "после этого губернатор" (no common case)
    acting = _acting_start(toks, left) if kind == "role" else None
    places = lemma in ANONYMOUS_NOUNS or kind == "place"
    chain = noun_chain(toks, i + 1, ent_start, places)
    if kind == "doc" and (chain.end > i + 1 or chain.titled):
        return _doc_mention(text, toks, i, chain, left, ent_start)
    titled = chain.titled or (
        kind == "role" and _coordinated_title(toks, chain.end, ent_start, noun_cases(toks[i].text))
    )
    noun = next((p for p in parses(toks[i].low) if p.tag.POS == "NOUN"), None)
    number = noun.tag.number if noun is not None else None
    gender = noun.tag.gender if noun is not None else None
    normal = _phrase_normal(toks, left, i, chain.core, text)
    cases = noun_cases(toks[i].text)
    if acting is not None:  # "и.о. главы района": the words stay as written
        last = toks[chain.core - 1] if chain.core > i + 1 else toks[i]
        normal = " ".join(text[toks[acting].start : last.end].split())
        left, cases = acting, cases | {"nomn"}
    return Mention(
        toks[left].start,
        toks[chain.end - 1].end,
        kind,
        normal,
        cases,
        left,
        gender=gender,
        number=number,
        head=lemma,
        titled=titled,
    ), chain.end


def _coordinated_title(
    toks: list[Token], j: int, ent_start: dict[int, Entity], cases: frozenset[str]
) -> bool:
    """ "писатель и журналист Виктор Шендерович": the first title is coordinated with a
    second one that names a person, so neither is the speaker; so is a title followed by
    another in its case after a comma ("слова зампреда правительства, министра
    здравоохранения области Ивана Петрова": both are Петров's titles)."""
    for _ in range(3):  # "зампреда правительства, министра …, члена …"
        if j + 1 >= len(toks) or toks[j].low not in ("и", ",") or not toks[j + 1].is_word:
            return False
        nxt = toks[j + 1]
        if not (noun_lemma(nxt.text) in ROLE_NOUNS or is_animate_noun(nxt.text)):
            return False
        if toks[j].low == "," and not cases & noun_cases(nxt.text):
            return False  # ", министр X заявил": a new clause, not an apposition
        chain = noun_chain(toks, j + 2, ent_start, False)
        if chain.titled:
            return True
        j = chain.end
    return False


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
    """Add the preposition before a mention and whether it is an addressee (an opening
    quotation mark before it is skipped: "в «Аэрофлоте»" with the name alone an ORG)."""
    k = m.token - 1
    while k >= 0 and toks[k].text in MARKS_OPEN:
        k -= 1
    counted = k >= 0 and (toks[k].low in COUNT_WORDS or toks[k].text.isdigit())
    k -= counted  # "два источника": the noun is the subject, in the genitive
    prep = ""
    if k >= 0 and toks[k].low in PREPOSITIONS:
        prep, k = toks[k].low, k - 1
        if prep == "на" and k >= 0 and toks[k].low == "ссылкой":
            prep = CITED  # "со ссылкой на источник": the cited one is the source
        elif prep == "из" and k >= 0 and toks[k].low in PARTITIVE_WORDS:
            prep, counted = "", True  # "один из участников": the participants speak
    person = m.cases if m.kind == "PER" else None
    addressee = (told(toks, k, person) and not m.doc) or prep == "для"
    cases, number = m.cases, m.number
    if counted and not prep:
        cases, number = cases | {"nomn"}, "plur"
    if (m.prep, m.addressee, m.cases, m.number) == (prep, addressee, cases, number):
        return m
    return replace(m, cases=cases, number=number, prep=prep, addressee=addressee)


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
    """After ", <participle>/который…" or ", (очевидно) <gerund>…" the index past that
    modifier (its closing comma or the clause end): "из документа, опубликованного на
    портале …", "— подчеркнула адвокат, имея в виду обмен Савченко" name no source there."""
    if toks[i].text != "," or i + 1 >= len(toks) or not toks[i + 1].is_word:
        return None
    j = i + 1
    if j + 1 < len(toks) and is_adverb(toks[j].text) and toks[j + 1].is_word:
        j += 1
    nxt = toks[j]
    if not (nxt.low.startswith("котор") or is_participle(nxt.text) or is_gerund(nxt.text)):
        return None
    j += 1
    while j < len(toks) and toks[j].text not in ",;:":
        j += 1
    return j


@dataclass
class _Scan:
    """One clause being scanned for mentions."""

    text: str
    toks: list[Token]
    ent_start: dict[int, Entity]
    places: bool
    known: Callable[[str], bool] | None


def _entity_mention(scan: _Scan, i: int, ent: Entity) -> Mention:
    gender = person_gender(ent.normal) if ent.label == "PER" else None
    cases = entity_cases(scan.text, ent)
    if ent.label == "PER":
        cases = apposed_cases(scan.toks, i - 1, cases)
    if ent.label == "PER" and genitive_of_noun(scan.toks, i - 1, cases):
        cases = cases - {"nomn"}
    return Mention(ent.start, ent.end, ent.label, ent.normal, cases, i, gender)


def _word_mention(toks: list[Token], i: int) -> Mention | None:
    """A pronoun ("он", "они"), a possessive before someone's words ("цитирует ТАСС его
    ответ": the pronoun stands for the source) or "там", else None."""
    tok = toks[i]
    owned = noun_lemma(toks[i + 1].text) if i + 1 < len(toks) and toks[i + 1].is_word else None
    if tok.low in POSSESSIVE_PRONOUNS and owned in DOC_NOUNS | SPEECH_NOUNS:
        gender = POSSESSIVE_PRONOUNS[tok.low]
        number = "plur" if gender == "plur" else "sing"
        cases = noun_cases(toks[i + 1].text)
        return Mention(
            tok.start, tok.end, "pronoun", tok.text, cases, i, gender, number, doc=owned or ""
        )
    if tok.low in PRONOUNS:
        gender = PRONOUNS[tok.low]
        number = "plur" if gender == "plur" else "sing"
        return Mention(
            tok.start, tok.end, "pronoun", tok.text, frozenset({"nomn"}), i, gender, number
        )
    if tok.low in THERE_WORDS:
        return Mention(tok.start, tok.end, "there", tok.low, frozenset(), i)
    return None


def _is_name(scan: _Scan, tok: Token) -> bool:
    known = scan.known
    return name_parse(tok.text) is not None or (
        known is not None and tok.text[:1].isupper() and known(tok.text)
    )


def _missed_name(scan: _Scan, i: int) -> tuple[Mention, int]:
    """Up to three name words natasha missed, from token ``i``."""
    toks, j = scan.toks, i + 1
    while (
        j < len(toks)
        and j - i < 3
        and toks[j].start not in scan.ent_start
        and name_parse(toks[j].text) is not None
    ):
        j += 1
    return _name_mention(toks[i:j], i), j


def _source_noun(scan: _Scan, i: int) -> str | None:
    """The lemma of a noun that may name a source (a role, a body, a document), else None."""
    tok = scan.toks[i]
    lemma = noun_lemma(tok.text) or role_noun(tok.text)  # "нападающий" is read a participle
    if lemma and (
        lemma in ROLE_NOUNS
        or lemma in ANONYMOUS_NOUNS
        or lemma in INSTITUTION_NOUNS
        or lemma in DOC_NOUNS
        or is_animate_noun(tok.text)
        or (scan.places and _after_locative(scan.toks, i))
    ):
        return lemma
    return None


def _mention_at(scan: _Scan, i: int) -> tuple[Mention | None, int]:
    """The mention starting at token ``i`` (or None) and the index to go on from."""
    toks, tok = scan.toks, scan.toks[i]
    skip = _modifier_end(toks, i)
    if skip is not None:
        return None, skip
    ent = scan.ent_start.get(tok.start)
    if ent is not None:
        return _entity_mention(scan, i, ent), skip_to(toks, i, ent.end)
    if not tok.is_word:
        return None, i + 1
    word = _word_mention(toks, i)
    if word is not None:
        return word, i + 1
    if tok.low in PREPOSITIONS:
        return None, i + 1
    if _is_name(scan, tok):
        return _missed_name(scan, i)
    lemma = _source_noun(scan, i)
    if lemma is None:
        return _substantive_mention(toks, i), i + 1
    mention, nxt = _noun_mention(scan.text, toks, i, scan.ent_start, lemma)
    return mention, max(nxt, i + 1)


def _substantive_mention(toks: list[Token], i: int) -> Mention | None:
    """ "— возмущаются местные", "— рассказала пострадавшая": an adjective or participle
    right after the speech verb with no noun after it stands for the people it names."""
    nxt = toks[i + 1].text if i + 1 < len(toks) else "."
    if i == 0 or not toks[i - 1].is_word or nxt not in _PHRASE_END:
        return None  # "опрошенный «Ведомостями» эксперт": the noun comes later
    parse = substantive(toks[i].text) if is_speech_cue(toks[i - 1].text) else None
    if parse is None:
        return None
    tok, tag = toks[i], parse.tag
    return Mention(
        tok.start,
        tok.end,
        "role",
        tok.low,
        frozenset({"nomn"}),
        i,
        gender=tag.gender,
        number=tag.number,
        head=parse.normal_form,
    )


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
    scan = _Scan(text, toks, {e.start: e for e in inside}, places, known)
    found: list[Mention] = []
    i = 0
    while i < len(toks):
        if any(a <= toks[i].start < b for a, b in blocked):
            i += 1
            continue
        mention, i = _mention_at(scan, i)
        if mention is not None:
            found.append(mention)
    return Clause(toks, [_annotate(m, toks) for m in found])
