"""Labels checked against the morphology: bodies are ORG, common words are no entity.

natasha tags by context, and in news the context of "ЕС", "НАТО" and "Евросоюз" is the
context of a country, so it calls them places; it also takes a capitalized word at the
start of a sentence for a name ("Вернувшись", "Здравствуйте") and common abbreviations
for organizations ("СМИ"). pymorphy's dictionary knows better: it marks organizations
(Orgn) and places (Geox), and knows which words are verbs or interjections. These rules
ask it, and find the organizations written in lower case that natasha misses
("минобороны").
"""

from __future__ import annotations

import re
from typing import Any

from models.nlp import morph
from models.nlp.entity_normal import known, normal_form, sentence_start, words
from models.nlp.entity_words import (
    COMMON_ABBREVIATIONS,
    INSTITUTION_HEADS,
    INSTITUTION_SEATS,
    LEGAL_FORMS,
    PLACE_PREPOSITIONS,
)
from models.spans import Entity

# Endings of Russian surnames in any case (Камский, Кадырова, Сусанину), after 3+ letters.
_SURNAME_ENDING = re.compile(
    r"..(?:(?:[оеё]в|[иы]н)(?:а|у|ым|е|ой)?|[сц]к(?:ий|ого|ому|им|ом|ая|ой|ую))$"
)
_ADJECTIVE = r"(?:[ыиео]й|[ая]я|[ое]е|[ыи]е|[ое]го|[ое]му|[ыи]м|[ое]м|[ую]ю|[ыи]х|[ыи]ми)"
_ADJECTIVE_END = re.compile(_ADJECTIVE + "$")
_LOWER_AFTER = re.compile(r"\s+[а-яё]")
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn"})


def _parses(word: str) -> tuple[Any, ...]:
    return morph.parses(morph.fold(word))


def _grammemes(word: str) -> frozenset[str]:
    return frozenset(g for p in _parses(word) for g in p.tag.grammemes)


def _only_organization(word: str) -> bool:
    """Every reading of a dictionary word is an organization's name (Orgn)."""
    if not known(word):
        return False
    found = _parses(word)
    return bool(found) and all("Orgn" in p.tag.grammemes and p.is_known for p in found)


def _has_head(low: str) -> bool:
    """Whether a folded word holds an institution noun's stem (cheap, before pymorphy)."""
    return any(head[:-1] in low for head in INSTITUTION_HEADS)


def _institution(ent: Entity) -> bool:
    """A place span that names a body: Orgn only, or an institution noun at its head."""
    found = words(ent.text)
    if len(found) == 1:
        word = found[0][2]
        if word.isupper():
            grams = _grammemes(word)
            return "Orgn" in grams and "Geox" not in grams
        low = morph.fold(word)
        if not _has_head(low):
            return False
        lemma = morph.lemma(low)
        return any(lemma.endswith(h) and len(lemma) > len(h) + 2 for h in INSTITUTION_HEADS)
    for _, _, word in found[1:]:
        if word.islower() and _has_head(word) and morph.lemma(word) in INSTITUTION_HEADS:
            return True  # "Европейский союз"; "Советский Союз" is a state
    return False


def _not_a_name(text: str, ent: Entity) -> bool:
    """A common word, not a name: an abbreviation like СМИ, or a verb, adverbial
    participle or greeting that is capitalized because it starts a sentence."""
    found = words(ent.text)
    if len(found) != 1:
        return False
    word = found[0][2]
    if morph.fold(word) in COMMON_ABBREVIATIONS or word in LEGAL_FORMS:
        return True
    if text[ent.start - 1 : ent.start] == "." and text[ent.start - 2 : ent.start - 1].isspace():
        return True  # a domain zone (".РФ"), not the country
    if ent.label == "PER" and any(c.isdigit() for c in word):
        return True  # "Формулы-1": no person's name has a digit
    if ent.label != "PER" and not _ADJECTIVE_END.search(word.lower()):
        return False
    if not sentence_start(text, ent.start):
        return False
    readings = _parses(word)
    if not readings or not all(p.is_known for p in readings):
        return False
    if any(p.tag.grammemes & _PROPER for p in readings):
        return False
    if all(str(p.tag.POS) == "ADJF" for p in readings):
        return bool(_LOWER_AFTER.match(text, ent.end))  # "Речная экосистема"
    return ent.label == "PER"  # "Вернувшись", "Здравствуйте", "Маэстро": verb, greeting, noun


_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _acting_seat(text: str, ent: Entity) -> bool:
    """A seat of power that acts (``Кремль заявил``, ``администрации Кремля``), not the
    place where something is (``в Кремле``)."""
    if len(words(ent.text)) != 1 or not ent.text[:1].isupper():
        return False
    if morph.fold(ent.text)[:5] not in {s[:5] for s in INSTITUTION_SEATS}:
        return False
    if morph.lemma(ent.text) not in INSTITUTION_SEATS:
        return False
    before = _WORD_BEFORE.search(text, max(0, ent.start - 20), ent.start)
    return before is None or morph.fold(before.group(1)) not in PLACE_PREPOSITIONS


def _organization_word(word: str) -> bool:
    """One word natasha calls a person that the dictionary knows only as an organization
    ("Феррари"); Russian-shaped surnames are not looked up (they are never Orgn)."""
    if " " in word or "-" in word or _SURNAME_ENDING.search(word.lower()):
        return False
    return _only_organization(word)


def _person(ent: Entity) -> bool:
    """A place or body span that is a person's name: a first name, then a surname
    (``Гата Камский``, ``Ахмат-Хаджи Кадырова``), and no word a place or a body."""
    found = [w for _, _, w in words(ent.text)]
    if not 2 <= len(found) <= 3 or not all(w[:1].isupper() and w[1:].islower() for w in found):
        return False
    if not _SURNAME_ENDING.search(found[-1].lower()):
        return False
    first = _parses(found[0])
    if not any("Name" in p.tag.grammemes and p.is_known for p in first):
        return False
    return not any(_grammemes(w) & {"Geox", "Orgn"} for w in found)


def _relabel(text: str, ent: Entity) -> Entity:
    if ent.label == "LOC" and (_institution(ent) or _acting_seat(text, ent)):
        return Entity(ent.start, ent.end, "ORG", ent.text, ent.normal)
    if ent.label == "PER" and _organization_word(ent.text):
        return Entity(ent.start, ent.end, "ORG", ent.text, ent.normal)  # "Команда Феррари"
    if ent.label in ("LOC", "ORG") and _person(ent):
        return Entity(ent.start, ent.end, "PER", ent.text, normal_form("PER", ent.text))
    return ent


# Compound abbreviations of bodies start with a clipped word: мин(истерство), гос(ударственный),
# рос(сийский), мос(ковский), and мид; the letters after the clipping rule out the common
# words that start the same way (минута, гость, государство, рост, российский, мост).
_CLIPPED = re.compile(
    r"(?<![\w\-])(?:[мМ]ин[бвгджзклмнопрстфхцчшщэю]|[гГ]ос(?!т|п|уд|ь)|[рР]ос(?!с|т|а|ы)"
    r"|[мМ]ос(?!т|к)|[мМ]ид(?=[аеуоы]?(?![\w\-])))[а-яё\-]*"
)


def lowercase_organizations(text: str, entities: list[Entity]) -> list[Entity]:
    """Words the dictionary knows only as organizations (``минобороны``, ``в миде``,
    ``госдума``) that no span covers: natasha misses them in lower case."""
    covered = bytearray(len(text) + 1)
    for e in entities:
        covered[e.start : e.end] = b"\x01" * (e.end - e.start)
    out = []
    for m in _CLIPPED.finditer(text):
        word = m.group()
        if covered[m.start()] or not _only_organization(word):
            continue
        start = _adjectives_before(text, m.start(), covered)
        out.append(
            Entity(start, m.end(), "ORG", text[start : m.end()], _proper(text[start : m.end()]))
        )
    return out


# Lower-case adjectives of the phrase an organization heads ("в региональном минздраве").
_ADJECTIVES_BEFORE = re.compile(r"(?<![\w\-])(?:[а-яё\-]+" + _ADJECTIVE + r" ){1,2}$")


def _adjectives_before(text: str, start: int, covered: bytearray) -> int:
    """Where the phrase an organization word heads starts: past up to two adjectives
    that pymorphy reads first as adjectives ("в региональном минздраве"), not a noun
    ("главой мида")."""
    before = _ADJECTIVES_BEFORE.search(text, max(0, start - 40), start)
    if before is None or covered[before.start()]:
        return start
    for word in reversed(text[before.start() : start].split()):
        if _parses(word)[0].tag.POS not in ("ADJF", "PRTF"):
            break
        start -= len(word) + 1
    return start


def _proper(phrase: str) -> str:
    """An organization's nominative with its name written as a name: ``мида`` → ``МИД``,
    ``региональном минздраве`` → ``региональный Минздрав``."""
    *adjectives, name = normal_form("ORG", phrase).split()
    reading = _parses(phrase.split()[-1])[0]
    name = name.upper() if "Abbr" in reading.tag.grammemes else name[:1].upper() + name[1:]
    return " ".join([*adjectives, name])


def check_labels(text: str, entities: list[Entity]) -> list[Entity]:
    """Entities relabelled or dropped by what the dictionary knows of their words."""
    kept = [_relabel(text, e) for e in entities if not _not_a_name(text, e)]
    return kept + lowercase_organizations(text, kept)
