"""Characters and words natasha cuts off a name, put back.

natasha (and the trimming of junk at span edges) loses the end of some names: the "!"
of "Yahoo!", the "." of "Co." and "Ltd.", and the person an institution is named after
("Театра им. Йозефа Бойса" comes out as ORG "Театра им" and PER "Йозефа Бойса"); it also
leaves out the relational adjective that FactRuEval keeps ("японского МИДа"). The
conventions keep a name whole, so these are joined back.
"""

from __future__ import annotations

import re

from models.nlp import morph
from models.nlp.entity_normal import normal_form, words
from models.nlp.entity_words import NAME_ABBREVIATIONS
from models.spans import Entity

# "им." or "имени" between an institution and the person it is named after.
_NAMED_AFTER = re.compile(r"(?:\s+им\.|\.|\s+имени)\s+")
_ENDS_WITH_IM = re.compile(r"(?:^|\s)им$")
# "!" that is part of a name: followed by a word in lower case or a comma, not a sentence.
_BANG_IN_NAME = re.compile(r"!(?=\s*(?:[,;:)»]|[a-zа-яё]))")


def _lost_end(text: str, ent: Entity) -> bool:
    """Whether the character after ``ent`` is its own: "Yahoo!", "Co.", "Ltd."."""
    if not ent.text[-1:].isalnum():
        return False
    if _BANG_IN_NAME.match(text, ent.end):
        return True
    found = words(ent.text)
    return text[ent.end : ent.end + 1] == "." and morph.fold(found[-1][2]) in NAME_ABBREVIATIONS


def _edge(text: str, ent: Entity) -> Entity:
    """``ent`` with a "!" or an abbreviation's "." that belongs to the name."""
    if not _lost_end(text, ent):
        return ent
    end = ent.end + 1
    normal = ent.normal + text[ent.end] if ent.normal.endswith(ent.text[-1]) else ent.normal
    return Entity(ent.start, end, ent.label, text[ent.start : end], normal)


def _named_after(text: str, org: Entity, per: Entity) -> Entity | None:
    """One ORG for "Театр им. Йозефа Бойса", or None when the two are not that."""
    gap = _NAMED_AFTER.fullmatch(text, org.end, per.start)
    if gap is None or org.label != "ORG" or per.label != "PER":
        return None
    if gap.group().startswith(".") and not _ENDS_WITH_IM.search(org.text):
        return None
    name = text[org.start : per.end]
    tail = text[org.end : per.end]
    normal = org.normal + tail if org.normal else name
    return Entity(org.start, per.end, "ORG", name, normal)


# A relational adjective in lower case right before a name: "японского МИДа",
# "российской Кремниевой долиной" (FactRuEval keeps it in the span).
_RELATIONAL = re.compile(
    r"(?<![\w\-])[а-яё][а-яё\-]*[сц]к(?:ий|ого|ому|им|ом|ая|ой|ую|ие|их|ими|ое) $"
)


def with_adjectives(text: str, entities: list[Entity]) -> list[Entity]:
    """Entities with the relational adjective natasha left out put in front."""
    return [_with_adjective(text, e) for e in entities]


def _with_adjective(text: str, ent: Entity) -> Entity:
    """An ORG or LOC with the relational adjective before it ("японского МИДа")."""
    if ent.label not in ("ORG", "LOC") or not ent.text[:1].isupper():
        return ent
    m = _RELATIONAL.search(text, max(0, ent.start - 40), ent.start)
    if m is None:
        return ent
    surface = text[m.start() : ent.end]
    adjective = normal_form(ent.label, surface).split()[0]
    return Entity(m.start(), ent.end, ent.label, surface, f"{adjective} {ent.normal}")


def join_names(text: str, entities: list[Entity]) -> list[Entity]:
    """Entities with the lost ends of names put back."""
    ents = sorted((_edge(text, e) for e in entities), key=lambda e: e.start)
    out: list[Entity] = []
    for ent in ents:
        joined = _named_after(text, out[-1], ent) if out else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(ent)
    return out
