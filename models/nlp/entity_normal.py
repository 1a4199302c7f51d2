"""Nominative normal forms for entity spans the rules made or cut, without natasha.

natasha normalizes its own spans with its morphology tagger; when a rule splits a span
("Джошуа Вольфа (Joshua Wolf)") or finds a new one, the words natasha already normalized
are reused where the cut keeps them, and the rest are inflected with pymorphy: every word
of a person's name, and the words of an organization or place up to its first noun
(its dependents stay as written: "Института демографии" → "Институт демографии").
"""

from __future__ import annotations

import re
from typing import Any

from models.nlp import morph
from models.spans import Entity

_WORD = re.compile(r"\w[\w\-’']*")
_PERSON = frozenset({"Name", "Surn", "Patr"})


def words(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` for every word of ``text``."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s+|\n\s*|[«\"„—–-]\s*)$")


def sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` starts a sentence, a paragraph or direct speech (capitals there
    say nothing about names)."""
    return bool(_SENTENCE_START.search(text[max(0, pos - 4) : pos]))


def _shape(word: str, like: str) -> str:
    """``word`` written with the capitalization of ``like`` (per hyphenated part)."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    parts, models = word.split("-"), like.split("-")
    if len(parts) != len(models):
        return word.capitalize() if like[:1].isupper() else word
    return "-".join(p.capitalize() if m[:1].isupper() else p for p, m in zip(parts, models))


def _nominative(word: str, person: bool) -> tuple[str, bool]:
    """``(nominative, is_noun)`` of one word; Latin and unknown words stay as written."""
    if not re.search("[а-яё]", word.lower()):
        return word, True
    found = morph.parses(word.lower())
    if person:
        found = tuple(p for p in found if _PERSON & p.tag.grammemes) or found
    parse: Any = found[0] if found else None
    if parse is None:
        return word, False
    noun = parse.tag.POS == "NOUN"
    if "Fixd" in parse.tag.grammemes:
        return word, noun
    inflected = parse.inflect({"Nom"})
    if inflected is None:
        return word, noun
    if "plur" in parse.tag.grammemes and "Pltm" not in parse.tag.grammemes and person:
        singular = inflected.inflect({"Sing"})
        inflected = singular or inflected
    return _shape(inflected.word, word), noun


def normal_form(label: str, text: str) -> str:
    """The nominative of a span's text: every word of a PER, the head phrase otherwise."""
    out, pos, head_done = [], 0, False
    for start, end, word in words(text):
        out.append(text[pos:start])
        if head_done or text[start - 1 : start] in '«"„“':
            out.append(word)
        else:
            normal, noun = _nominative(word, label == "PER")
            out.append(normal)
            head_done = label != "PER" and noun
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
