"""Lone surnames: found everywhere in the article, each with the person's full name.

After "Сергей Лапин" an article says "Лапин", "Лапину", "Лапиным"; natasha finds some of
these and misses others, and reads a lone surname as a first name. A full name counts only
when it is one: its first word is a first name in pymorphy's dictionary (tag Name) that
agrees in gender with the surname. Every form of its surname (pymorphy's paradigm when
the dictionary knows the surname, else the regular Russian surname endings) is then a
PER wherever it stands outside another span, and its normal form is the full name. When
two people share a surname, the one named in full more often wins; the nearest does not
(a span natasha joined from two names, "Сталину Вертинский", is no full name at all).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from models.nlp import morph
from models.nlp.entity_normal import words
from models.spans import Entity

# Endings that regular Russian surnames take in the oblique cases, by nominative ending.
_MASCULINE = (
    (("ский", "цкий", "ской"), 2, ("ого", "ому", "им", "ом")),
    (("ов", "ев", "ёв", "ин", "ын"), 0, ("а", "у", "ым", "е")),
    (("ь",), 1, ("я", "ю", "ем", "е")),
    (("й",), 1, ("я", "ю", "ем", "е")),
)
_FEMININE = (
    (("ская", "цкая"), 2, ("ой", "ую")),
    (("ова", "ева", "ёва", "ина", "ына"), 1, ("ой", "у")),
)
_CONSONANT = re.compile(r"[бвгджзклмнпрстфхцчшщ]$")


@dataclass(frozen=True, slots=True)
class FullName:
    """A person named with first name and surname: its normal form and surname."""

    normal: str
    surname: str
    female: bool


def _genders(word: str, tag: str) -> set[str]:
    found = [p for p in morph.parses(morph.fold(word)) if tag in p.tag.grammemes]
    return {g for p in found for g in ("masc", "femn") if g in p.tag.grammemes}


def full_name(ent: Entity) -> FullName | None:
    """The full name a PER span gives, or None when it is not one person's full name."""
    shaped = _shaped(ent)
    if shaped is None:
        return None
    first, surname = shaped
    first_genders = _genders(first, "Name")
    if not first_genders:
        return None
    female = _looks_female(surname)
    if female is None:
        female = first_genders == {"femn"}
    elif ("femn" if female else "masc") not in first_genders:
        return None  # "Сталина Вертинский": a woman's first name, a man's surname
    return FullName(ent.normal, surname, female)


def _looks_female(surname: str) -> bool | None:
    """Whether a surname's ending is a woman's (True), a man's (False), or either."""
    low = morph.fold(surname)
    if low.endswith(_FEMININE[0][0] + _FEMININE[1][0]):
        return True
    if low.endswith(_MASCULINE[0][0] + _MASCULINE[1][0]):
        return False
    return None


@lru_cache(maxsize=20_000)
def surname_forms(surname: str, female: bool) -> frozenset[str]:
    """Every case form of a surname, folded, by the endings Russian gives it.

    A woman's surname declines only when it is Russian in form (Лапина, Вертинская);
    a man's also when it ends in a consonant (Смит, Смита) or a soft sign (Гоголя).
    Surnames in a vowel (Шевченко, Бхутто) do not decline.
    """
    base = morph.fold(surname)
    for endings, drop, oblique in _FEMININE if female else _MASCULINE:
        if base.endswith(endings):
            stem = base[: len(base) - drop]
            return frozenset({base} | {stem + e for e in oblique})
    if not female and _CONSONANT.search(base):
        return frozenset({base} | {base + e for e in ("а", "у", "ом", "е")})
    return frozenset({base})


def _choose(names: list[FullName]) -> dict[str, FullName]:
    """Each surname form → the full name given most often (the first one on a tie)."""
    counts = Counter(morph.fold(n.normal) for n in names)
    order: dict[str, int] = {}
    for i, n in enumerate(names):
        order.setdefault(morph.fold(n.normal), i)
    best: dict[str, FullName] = {}
    for n in sorted(
        names, key=lambda n: (-counts[morph.fold(n.normal)], order[morph.fold(n.normal)])
    ):
        for form in surname_forms(n.surname, n.female):
            best.setdefault(form, n)
    return best


_CAPITALIZED = re.compile(r"(?<![\w\-])[A-ZА-ЯЁ][\w\-]*")
_WORD_BEFORE = re.compile(r"([A-ZА-ЯЁ][\w\-]*) $")


def _by_tail(entities: list[Entity], names: list[FullName]) -> list[Entity]:
    """Entities where a PER of several words that is a full name without its first name
    ("фон дер Ляйен") takes that full name."""
    tails = {_tail(n.normal): n.normal for n in reversed(names) if len(n.normal.split()) > 2}
    if not tails:
        return list(entities)
    out = []
    for ent in entities:
        full = tails.get(morph.fold(ent.normal)) if ent.label == "PER" else None
        out.append(replace(ent, normal=full) if full else ent)
    return out


def _uncovered(text: str, entities: list[Entity]) -> list[tuple[int, int]]:
    """Capitalized words that no entity overlaps."""
    covered = bytearray(len(text) + 1)
    for e in entities:
        covered[e.start : e.end] = b"\x01" * (e.end - e.start)
    return [
        (m.start(), m.end())
        for m in _CAPITALIZED.finditer(text)
        if not covered[m.start()] and not covered[m.end() - 1]
    ]


def _shaped(ent: Entity) -> tuple[str, str] | None:
    """``(first, surname)`` of a PER span that looks like a full name (no pymorphy):
    two or three capitalized words, or more with particles (``Урсула фон дер Ляйен``)."""
    parts = ent.normal.split()
    if ent.label != "PER" or len(parts) < 2 or len(words(ent.text)) != len(parts):
        return None
    capitals = sum(p[:1].isupper() for p in parts)
    if not (parts[0][:1].isupper() and parts[-1][:1].isupper()) or capitals > 3:
        return None
    return parts[0], parts[-1]


def _tail(normal: str) -> str:
    """The words after the first name, folded: ``фон дер ляйен``."""
    return morph.fold(normal.split(maxsplit=1)[1])


def _with_first_name(text: str, start: int, name: FullName, free: set[int]) -> int:
    """Where a surname's mention starts when the person's first name stands before it."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    first = morph.fold(name.normal.split()[0])
    if (
        m
        and m.start(1) in free
        and morph.fold(m.group(1)).startswith(first[: max(3, len(first) - 1)])
    ):
        return m.start(1)
    return start


def resolve_surnames(text: str, entities: list[Entity]) -> list[Entity]:
    """Lone surnames labelled PER wherever they occur, with the person's full name.

    A one-word span (of any label) that is a form of a full name's surname becomes that
    person; a form no span covers becomes a new PER span (with the first name when it
    stands right before). pymorphy is asked only about names whose surname occurs alone.
    """
    shaped = [e for e in entities if _shaped(e) is not None]
    if not shaped:
        return entities
    single = [i for i, e in enumerate(entities) if len(words(e.text)) == 1]
    free = _uncovered(text, entities)
    lone = {morph.fold(entities[i].text) for i in single} | {morph.fold(text[s:e]) for s, e in free}
    several = {morph.fold(e.normal) for e in entities if e.label == "PER" and " " in e.normal}
    wanted = [
        e
        for e in shaped
        if (surname_forms(e.normal.split()[-1], False) | surname_forms(e.normal.split()[-1], True))
        & lone
        or _tail(e.normal) in several
    ]
    names = [n for n in map(full_name, wanted) if n is not None]
    best = _choose(names)
    if not best:
        return entities
    out = _by_tail(entities, names)
    for i in single:
        ent = out[i]
        match = best.get(morph.fold(ent.text))
        if match is not None and (ent.label == "PER" or ent.text[:1].isupper()):
            out[i] = replace(ent, label="PER", normal=match.normal)
    starts = {s for s, _ in free}
    for start, end in free:
        match = best.get(morph.fold(text[start:end]))
        if match is not None:
            first = _with_first_name(text, start, match, starts)
            out.append(Entity(first, end, "PER", text[first:end], match.normal))
    return out
