"""Tokens and the morphological tests the quote rules ask of words.

The rules look only at the few words around each quotation mark, so they tokenize those
clauses with one regular expression instead of running razdel over the whole text, and
ask pymorphy through the caches of ``models.nlp.morph``.
This keeps quote detection a few percent of the NER time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pymorphy2.analyzer import Parse as _PymorphyParse

from models.nlp.morph import fold as _key
from models.nlp.morph import parses, vocab
from models.nlp.tokens import Token
from models.quotes.lexicon import ROLE_NOUNS, SPEECH_LEMMAS

_TOKEN = re.compile(r"[\w\u0301]+(?:[-.][\w\u0301]+)*|[^\w\s]", re.UNICODE)
CASES = frozenset(["nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2"])
_CASE_ALIAS = {"gen2": "gent", "acc2": "accs", "loc2": "loct", "voct": "nomn"}


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with absolute offsets."""
    stop = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, stop)]


@lru_cache(maxsize=1)
def _cue_prefixes() -> frozenset[str]:
    """Three-letter beginnings of every form of every speech lemma ("пиш" for "писать").

    A word with another beginning is not parsed at all: a pymorphy parse costs far more
    than this set lookup, and most words of a clause are not speech verbs. Built once
    (about 0.1 s) from pymorphy's paradigms.
    """
    found: set[str] = set()
    for lemma in SPEECH_LEMMAS:
        for p in vocab().parse(lemma):
            if p.normal_form.replace("ё", "е") == lemma:
                found.update(_key(form.word)[:3] for form in p.lexeme)
    return frozenset(found)


@lru_cache(maxsize=50000)
def is_speech_cue(word: str) -> bool:
    """True for a form of a speech verb (сказал, говорится, уверена, сообщило…)."""
    low = _key(word)
    if low[:3] not in _cue_prefixes():
        return False
    return any(
        p.tag.POS in ("VERB", "GRND", "PRTS", "ADJS", "INFN")
        and p.normal_form.replace("ё", "е") in SPEECH_LEMMAS
        for p in parses(low)
    )


@lru_cache(maxsize=50000)
def is_naming_participle(word: str) -> bool:
    """ "так называемый", "именуемый": what follows in quotes is a name, not speech."""
    return any(
        p.tag.POS == "PRTF" and p.normal_form in ("называть", "именовать")
        for p in parses(_key(word))
    )


@lru_cache(maxsize=50000)
def is_finite_verb(word: str) -> bool:
    """A finite verb or short adjective/participle, the predicate of a clause; never a
    word that can be a preposition ("относительно фильма", "согласно плану")."""
    found = parses(_key(word))
    if any(p.tag.POS == "PREP" for p in found):
        return False
    return any(p.tag.POS in ("VERB", "PRTS", "ADJS") for p in found)


def first_predicate(toks: list[Token]) -> int | None:
    """Index of the first lower-case finite verb among ``toks`` (a capitalized one opens
    a name or a sentence, not the clause's predicate), else None."""
    return next(
        (
            i
            for i, t in enumerate(toks)
            if t.is_word and is_finite_verb(t.text) and not t.text[:1].isupper()
        ),
        None,
    )


@lru_cache(maxsize=50000)
def verb_features(word: str) -> tuple[str | None, str | None, str | None]:
    """(gender, number, tense) of the best verb-like parse, else Nones."""
    for p in parses(_key(word)):
        if p.tag.POS in ("VERB", "PRTS", "ADJS", "GRND"):
            return p.tag.gender, p.tag.number, p.tag.tense
    return None, None, None


@lru_cache(maxsize=50000)
def noun_cases(word: str) -> frozenset[str]:
    """Cases a noun/adjective/pronoun reading of ``word`` can have; empty if unknown."""
    found = set()
    for p in parses(_key(word)):
        if p.tag.POS in ("NOUN", "ADJF", "NPRO", "PRTF", "NUMR") or "Abbr" in p.tag:
            if "Fixd" in p.tag or "UNKN" in p.tag:
                continue
            case = p.tag.case
            if case:
                found.add(_CASE_ALIAS.get(case, case))
    return frozenset(found)


@lru_cache(maxsize=50000)
def noun_lemma(word: str) -> str | None:
    """The lemma when the most likely reading is a noun ("после" is not "посол")."""
    found = parses(_key(word))
    if found and found[0].tag.POS == "NOUN":
        return found[0].normal_form.replace("ё", "е")
    return None


@lru_cache(maxsize=50000)
def is_common_noun(word: str) -> bool:
    """A noun that is no name of a person, place or organization ("сомнения", not "Крыма")."""
    found = parses(_key(word))
    proper = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"}
    return bool(found) and found[0].tag.POS == "NOUN" and not proper & found[0].tag.grammemes


@lru_cache(maxsize=50000)
def noun_gender(word: str) -> str | None:
    """Gender of a word whose first reading is a common animate noun ("певица" → femn,
    "энергетики" → None: it is read as the inanimate "энергетика" first)."""
    found = parses(_key(word))
    if not found or found[0].tag.POS != "NOUN" or "anim" not in found[0].tag:
        return None
    if {"Name", "Surn", "Patr"} & found[0].tag.grammemes:
        return None
    return found[0].tag.gender


@lru_cache(maxsize=50000)
def is_animate_noun(word: str) -> bool:
    """A common animate noun (губернатор, жители), not a first name or surname.

    A lower-case word pymorphy does not know ("гайчанка") is a person noun when one of
    its guesses is: a guess of a first name means nothing for a word written small; nor
    does a word it knows only as a first name ("аким", a Kazakh governor).
    """
    low = _key(word)
    found = parses(low)
    if not found or found[0].tag.POS != "NOUN":
        return False
    if word[:1].islower() and not vocab().word_is_known(low):
        return any(p.tag.POS == "NOUN" and "anim" in p.tag for p in found[:3])
    names = {"Name", "Surn", "Patr"}
    if word[:1].islower() and all(names & p.tag.grammemes for p in found if p.tag.POS == "NOUN"):
        return True  # "аким": pymorphy knows it only as a first name, which is written capitalized
    return any(
        p.tag.POS == "NOUN" and "anim" in p.tag and not ({"Name", "Surn", "Patr"} & p.tag.grammemes)
        for p in found[:2]
    )


@lru_cache(maxsize=50000)
def plural_noun(word: str) -> bool:
    """Whether the likeliest noun reading of ``word`` is plural ("журналистам")."""
    noun = next((p for p in parses(_key(word)) if p.tag.POS == "NOUN"), None)
    return noun is not None and noun.tag.number == "plur"


@lru_cache(maxsize=50000)
def animate_cases(word: str) -> frozenset[str]:
    """Cases of a word's animate noun readings ("политика": the politician's genitive or
    accusative, never the nominative "политика", politics)."""
    return frozenset(
        _CASE_ALIAS.get(p.tag.case, p.tag.case)
        for p in parses(_key(word))
        if p.tag.POS == "NOUN" and "anim" in p.tag and p.tag.case
    )


@lru_cache(maxsize=50000)
def singular_nominative(word: str) -> bool:
    """Whether one reading of ``word`` is a singular noun in the nominative."""
    return any(
        p.tag.POS == "NOUN" and p.tag.case == "nomn" and p.tag.number == "sing"
        for p in parses(_key(word))
    )


@lru_cache(maxsize=50000)
def role_noun(word: str) -> str | None:
    """The lemma of a role noun among a word's readings, when the likeliest reading is
    something else ("нападающий", first read as a participle of "нападать")."""
    for p in parses(_key(word)):
        lemma = p.normal_form.replace("ё", "е")
        if p.tag.POS == "NOUN" and lemma in ROLE_NOUNS:
            return lemma
    return None


@lru_cache(maxsize=50000)
def substantive(word: str) -> Any | None:
    """The parse of an adjective or participle that may stand for a noun in the
    nominative ("местные", "пострадавшая", "собравшиеся"), else None."""
    if not word[:1].islower():
        return None
    found = parses(_key(word))
    if found and found[0].tag.POS in ("ADJF", "PRTF") and found[0].tag.case == "nomn":
        return found[0]
    return None


@lru_cache(maxsize=50000)
def name_parse(word: str) -> Any | None:
    """A first-name or surname reading of a capitalized word, else None."""
    if not word[:1].isupper():
        return None
    for p in parses(_key(word)):
        if {"Name", "Surn"} & p.tag.grammemes:
            return p
    return None


@lru_cache(maxsize=50000)
def is_patronymic(word: str) -> bool:
    """Whether a capitalized word reads as a patronymic and never as a surname
    ("Вольфович", "Анатольевна"; not "Абрамович", which is both)."""
    found = [p.tag.grammemes for p in parses(_key(word))]
    return (
        word[:1].isupper()
        and any("Patr" in g for g in found)
        and not any("Surn" in g for g in found)
    )


@lru_cache(maxsize=50000)
def name_cases(word: str) -> frozenset[str]:
    """Cases of a word's singular first-name/surname readings (empty when it has none):
    one person's name, so "Петров" is no plural genitive of "Пётр"."""
    found = set()
    for p in parses(_key(word)):
        tag = p.tag
        if (
            {"Name", "Surn"} & tag.grammemes
            and tag.case
            and "Fixd" not in tag
            and tag.number != "plur"
        ):
            found.add(_CASE_ALIAS.get(p.tag.case, p.tag.case))
    return frozenset(found)


@lru_cache(maxsize=50000)
def is_participle(word: str) -> bool:
    """A full participle in its most likely reading ("опубликованного", "выступавший")."""
    found = parses(_key(word))
    return bool(found) and found[0].tag.POS == "PRTF"


@lru_cache(maxsize=50000)
def is_gerund(word: str) -> bool:
    """A gerund in its most likely reading ("имея", "добавив", "отвечая")."""
    found = parses(_key(word))
    return bool(found) and found[0].tag.POS == "GRND"


@lru_cache(maxsize=50000)
def is_adverb(word: str) -> bool:
    """An adverb or a parenthetical word ("очевидно", "видимо") in one of its readings."""
    return any(p.tag.POS == "ADVB" or "Prnt" in p.tag for p in parses(_key(word))[:3])


@lru_cache(maxsize=50000)
def is_adjective(word: str) -> bool:
    return any(p.tag.POS in ("ADJF", "PRTF") for p in parses(_key(word)))


@lru_cache(maxsize=50000)
def name_gender(word: str) -> str | None:
    """Gender of a first name or surname in the nominative, if pymorphy knows it."""
    for want in ("Name", "Surn", "Patr"):
        for p in parses(_key(word)):
            tag = p.tag
            if want in tag and tag.case == "nomn" and tag.gender in ("masc", "femn"):
                return tag.gender
    return None


def known_gender(normal: str) -> str | None:
    """Gender of a full name from the first of its words pymorphy's dictionary holds as a
    name (not a guess from an ending: "Чуньин" is no man's surname for sure)."""
    for word in re.split(r"[\s\-]+", normal):
        known = word[:1].isalpha() and vocab().word_is_known(_key(word))
        gender = name_gender(word) if known else None
        if gender:
            return gender
    return None


def person_gender(normal: str) -> str | None:
    """Gender of a person's full name: first name first, then surname endings."""
    words = [w for w in re.split(r"[\s\-]+", normal) if w[:1].isalpha()]
    for word in words:
        gender = name_gender(word)
        if gender:
            return gender
    if words:
        last = _key(words[-1])
        if re.search(r"(ова|ева|ёва|ина|ына|ская|цкая|ая)$", last):
            return "femn"
        if re.search(r"(ов|ев|ёв|ин|ын|ский|цкий|ой|ий)$", last):
            return "masc"
    return None


def inflect(parse: Any, grams: set[str]) -> Any | None:
    """pymorphy's own inflect (natasha's MorphForm.inflect expects UD grammemes)."""
    return _PymorphyParse.inflect(parse, grams)


@lru_cache(maxsize=20000)
def to_nominative(word: str, number: str | None = None, gender: str | None = None) -> str:
    """``word`` in the nominative, keeping its number; an adjective takes ``gender``.
    For a word pymorphy only guesses, a nominative guess and a person reading come first
    ("гайчанка" is not the genitive of "гайчанк")."""
    low = _key(word)
    found = parses(low)
    if not vocab().word_is_known(low):
        found = tuple(sorted(found, key=lambda p: (p.tag.case != "nomn", "anim" not in p.tag)))
    for p in found:
        pos = p.tag.POS
        if pos not in ("NOUN", "ADJF", "PRTF"):
            continue
        if p.tag.case == "nomn" and (pos == "NOUN" or gender in (None, p.tag.gender)):
            return word
        grams = {"nomn"}
        if p.tag.number == "plur" or number == "plur":
            grams.add("plur")
        elif pos != "NOUN" and gender in ("masc", "femn", "neut"):
            grams.add(gender)
        form = inflect(p, grams)
        if form is not None:
            return _match_case(word, form.word)
        return word
    return word


def _match_case(original: str, new: str) -> str:
    if original.isupper() and len(original) > 1:
        return new.upper()
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new
