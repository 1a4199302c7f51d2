"""Nominative normal forms for entity spans the rules made or cut, without natasha.

natasha normalizes its own spans with its morphology tagger; when a rule splits a span
("Джошуа Вольфа (Joshua Wolf)") or finds a new one, the words natasha already normalized
are reused where the cut keeps them, and the rest are inflected with pymorphy: every word
of a person's name, and the words of an organization or place up to its first noun
(its dependents stay as written: "Института демографии" → "Институт демографии").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from models.nlp import morph
from models.spans import Entity

_WORD = re.compile(r"\w[\w\-’']*")
_PERSON = frozenset({"Name", "Surn", "Patr"})


@lru_cache(maxsize=50_000)
def words(text: str) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, word)`` for every word of ``text`` (cached: spans repeat)."""
    return tuple((m.start(), m.end(), m.group()) for m in _WORD.finditer(text))


@lru_cache(maxsize=50_000)
def known(word: str) -> bool:
    """Whether pymorphy's dictionary has ``word`` (folded): a lookup several times
    cheaper than a parse, so rules ask it before parsing a word that may be new."""
    return bool(morph.vocab().word_is_known(morph.fold(word)))


_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s+|\n\s*|[«\"„—–-]\s*)$")


def sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` starts a sentence, a paragraph or direct speech (capitals there
    say nothing about names)."""
    return bool(_SENTENCE_START.search(text[max(0, pos - 4) : pos]))


def _shape(word: str, like: str) -> str:
    """``word`` written with the capitalization of ``like`` (per hyphenated part)."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    capitals = len(like) - len(
        like.lstrip("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯABCDEFGHIJKLMNOPQRSTUVWXYZ")
    )
    if capitals > 1:  # an abbreviation with a case ending: "МИДа" -> "МИД"
        return word[:capitals].upper() + word[capitals:]
    parts, models = word.split("-"), like.split("-")
    if len(parts) != len(models):
        return word.capitalize() if like[:1].isupper() else word
    return "-".join(p.capitalize() if m[:1].isupper() else p for p, m in zip(parts, models))


_GENDERS = {"masc": "Masc", "femn": "Fem", "neut": "Neut"}
_ADJECTIVE = frozenset({"ADJF", "PRTF"})


def _parse(word: str, person: bool) -> Any:
    """pymorphy's likeliest reading of a Cyrillic word (a name's, for a person), or None."""
    if not re.search("[а-яё]", word.lower()):
        return None
    found = morph.parses(word.lower())
    if person:
        found = tuple(p for p in found if _PERSON & p.tag.grammemes) or found
    return found[0] if found else None


def _inflect(word: str, parse: Any, grams: set[str]) -> str:
    if parse is None or "Fixd" in parse.tag.grammemes:
        return word
    inflected = parse.inflect(grams)
    return word if inflected is None else _shape(inflected.word, word)


def _person_word(word: str) -> str:
    parse = _parse(word, True)
    if parse is not None and "plur" in parse.tag.grammemes and "Pltm" not in parse.tag.grammemes:
        return _inflect(word, parse, {"Nom", "Sing"})
    return _inflect(word, parse, {"Nom"})


def _noun_parse(word: str, before: list[str]) -> Any:
    """The noun reading of ``word`` that agrees with the adjectives before it (number and
    case: "южные Курильские острова" is plural), else its likeliest noun reading."""
    if not re.search("[а-яё]", word.lower()):
        return None
    nouns = [p for p in morph.parses(word.lower()) if p.tag.POS == "NOUN"]
    if not nouns:
        return None
    readings = [{(p.tag.number, p.tag.case) for p in morph.parses(w.lower())} for w in before]
    for noun in nouns:
        if all((noun.tag.number, noun.tag.case) in r for r in readings):
            return noun
    return nouns[0]


def _head_phrase(found: list[str]) -> list[str]:
    """Words up to the first noun in the nominative, the adjectives agreeing with it;
    the words after it as written (``японского МИДа`` → ``японский МИД``)."""
    out = list(found)
    for i, word in enumerate(found):
        parse = _noun_parse(word, found[:i])
        if parse is None:
            continue
        out[i] = _inflect(word, parse, {"Nom"})
        grams = {"Nom", "Plur" if parse.tag.number == "plur" else "Sing"}
        if parse.tag.number != "plur" and parse.tag.gender in _GENDERS:
            grams.add(_GENDERS[parse.tag.gender])
        for j in range(i):
            adjective = next(
                (p for p in morph.parses(found[j].lower()) if p.tag.POS in _ADJECTIVE), None
            )
            out[j] = _inflect(found[j], adjective, grams)
        return out
    return out


def normal_form(label: str, text: str) -> str:
    """The nominative of a span's text: every word of a PER, the head phrase otherwise.

    Words in quotation marks stay as written (a quoted name does not decline).
    """
    found = words(text)
    quoted = [s > 0 and text[s - 1] in '«"„“' for s, _, _ in found]
    plain = [w for (_, _, w), q in zip(found, quoted) if not q]
    if label == "PER":
        normals = iter([_person_word(w) for w in plain])
    else:
        normals = iter(_head_phrase(plain) if not any(quoted[:1]) else plain)
    out, pos = [], 0
    for (start, end, word), q in zip(found, quoted):
        out.append(text[pos:start])
        out.append(word if q else next(normals))
        pos = end
    out.append(text[pos:])
    return "".join(out).strip() or text


def cut(ent: Entity, start: int, end: int, text: str, label: str | None = None) -> Entity:
    """``ent`` narrowed to ``[start, end)`` of the document ``text``, with its normal form.

    When natasha's normal form has as many words as the span, the words inside the cut
    are taken from it; otherwise the cut is normalized anew.
    """
    label = label or ent.label
    surface = text[start:end]
    spans, normals = words(ent.text), ent.normal.split()
    inside = [
        i for i, (s, e, _) in enumerate(spans) if s >= start - ent.start and e <= end - ent.start
    ]
    if len(spans) == len(normals) and inside and label == ent.label:
        normal = " ".join(normals[i] for i in inside).strip('«»"„“()')
        if len(normal.split()) == len(words(surface)):
            return Entity(start, end, label, surface, normal)
    return Entity(start, end, label, surface, normal_form(label, surface))
