"""Resolving a pronoun, role noun or bare surname to a person named earlier.

News names a speaker once ("Губернатор Кузбасса Илья Середюк") and then refers back
with "он", "глава региона" or "Середюк". Annotators want the full name in ``normal``,
so these rules pick the antecedent: the last person of the right gender for a pronoun;
for a role noun, the last person introduced with the same or a synonymous title, else
the last person with no conflicting title (or a close one despite a different title).
"""

from __future__ import annotations

from collections.abc import Sequence
from models.quote_lexicon import ANONYMOUS_NOUNS, ROLE_GROUPS, ROLE_NOUNS
from models.quote_morph import (is_animate_noun, name_parse, noun_lemma, person_gender,
                                tokenize)
from models.spans import Entity

TITLE_WINDOW = 4  # words before a name that may be its title
CLOSE_ENOUGH = 400  # characters: a different title still yields to a person this close


class Person:
    """A PER mention outside quotes; gender and titles are looked up only when asked."""

    __slots__ = ("start", "end", "normal", "_text", "_ent", "_gender", "_titles")

    def __init__(self, text: str, ent: Entity, normal: str) -> None:
        self.start, self.end, self.normal = ent.start, ent.end, normal
        self._text, self._ent = text, ent
        self._gender: str | None | bool = False
        self._titles: frozenset[str] | None = None

    @property
    def gender(self) -> str | None:
        if self._gender is False:
            self._gender = person_gender(self.normal)
        return self._gender  # type: ignore[return-value]

    @property
    def titles(self) -> frozenset[str]:
        """Role nouns written right before the name ("Губернатор Кузбасса Илья Середюк")."""
        if self._titles is None:
            self._titles = _titles(self._text, self._ent)
        return self._titles


def _key(word: str) -> str:
    return word.lower().replace("ё", "е")


def _titles(text: str, ent: Entity) -> frozenset[str]:
    toks = tokenize(text, max(0, ent.start - 120), ent.start)[-TITLE_WINDOW:]
    found = set()
    for tok in reversed(toks):
        if not tok.is_word:
            break
        lemma = noun_lemma(tok.text)
        if lemma and (lemma in ROLE_NOUNS or is_animate_noun(tok.text)):
            found.add(lemma)
    return frozenset(found)


def persons(text: str, entities: Sequence[Entity],
            blocked: Sequence[tuple[int, int]] = ()) -> list[Person]:
    """PER entities outside ``blocked`` ranges (quotes), in text order."""
    out = []
    for ent in entities:
        if ent.label != "PER" or any(a <= ent.start < b for a, b in blocked):
            continue
        out.append(Person(text, ent, full_name(ent.normal or ent.text, entities)))
    return out


def _same_surname(a: str, b: str) -> bool:
    a, b = _key(a), _key(b)
    if a == b:
        return True
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= 4 and n >= max(len(a), len(b)) - 2


def clean_name(normal: str) -> str:
    """Drop words natasha glued before a name ("Минцифры Максут Шадаев")."""
    words = normal.split()
    while len(words) > 2 and name_parse(words[0]) is None and name_parse(words[1]) is not None:
        words = words[1:]
    return " ".join(words)


def full_name(normal: str, entities: Sequence[Entity]) -> str:
    """A one-word name replaced by the longest full name in the document ending with it."""
    words = normal.split()
    if len(words) != 1:
        return clean_name(normal)
    best = ""
    for ent in entities:
        parts = (ent.normal or ent.text).split()
        if ent.label == "PER" and len(parts) > 1 and _same_surname(parts[-1], words[0]):
            if len(parts) > len(best.split()):
                best = clean_name(ent.normal)
    return best or normal


def _gender_ok(person: Person, gender: str | None) -> bool:
    return gender not in ("masc", "femn") or person.gender in (None, gender)


def resolve_pronoun(gender: str | None, pos: int, people: Sequence[Person]) -> Person | None:
    """The last person before ``pos`` whose gender matches the pronoun's."""
    if gender not in ("masc", "femn"):
        return None
    before = [p for p in people if p.end <= pos]
    exact = [p for p in before if p.gender == gender]
    if exact:
        return exact[-1]
    loose = [p for p in before if p.gender is None]
    return loose[-1] if loose else None


def _groups(lemma: str) -> set[int]:
    return {i for i, g in enumerate(ROLE_GROUPS) if lemma in g}


def _title_score(head: str, titles: frozenset[str]) -> int:
    """2 for the same or a synonymous title, 1 for no known title, 0 for another one."""
    if head in titles or any(_groups(head) & _groups(t) for t in titles):
        return 2
    return 0 if any(t in ROLE_NOUNS for t in titles) else 1


def resolve_role(head: str, number: str | None, gender: str | None, pos: int,
                 people: Sequence[Person]) -> Person | None:
    """The person a singular role noun ("губернатор", "дипломат") stands for, or None."""
    if number == "plur" or head in ANONYMOUS_NOUNS:
        return None
    best: tuple[int, int] | None = None
    chosen = None
    for p in people:
        if p.end > pos or not _gender_ok(p, gender):
            continue
        score = _title_score(head, p.titles)
        if score == 0 and pos - p.end > CLOSE_ENOUGH:
            continue
        key = (score, p.start)
        if best is None or key > best:
            best, chosen = key, p
    return chosen


def is_resolvable_role(head: str) -> bool:
    """Role nouns that name a person's position (not "источник", not plural bodies)."""
    return head not in ANONYMOUS_NOUNS and (head in ROLE_NOUNS or bool(head))
