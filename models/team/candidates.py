"""Candidates and disagreements: the annotators' versions of one document, merged.

A candidate is a span some versions have, identified as an entity by its offsets and
label, as a quote by its offsets and its speaker's offsets (the same key the event log's
span JSON gives). Candidates not every version has fall into disagreements: groups of
overlapping candidates of one kind, each settled by one decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from models.spans import Document, Entity, Quote

Span = Entity | Quote
Key = tuple[Any, ...]


def key(span: Span | dict[str, Any]) -> Key:
    """What makes two annotators' spans the same candidate (a span, or one as the event
    log writes it)."""
    is_entity = "label" in span if isinstance(span, dict) else isinstance(span, Entity)
    start, end = _field(span, "start"), _field(span, "end")
    if is_entity:
        return ("entity", start, end, _field(span, "label"))
    sp = _field(span, "speaker")
    where = (None, None) if not sp else (_field(sp, "start"), _field(sp, "end"))
    return ("quote", start, end, *where)


def _field(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span some annotators have: as the first of them (by name) wrote it."""

    span: Span
    holders: tuple[str, ...]

    @property
    def key(self) -> Key:
        return key(self.span)

    @property
    def kind(self) -> str:
        return "quote" if isinstance(self.span, Quote) else "entity"


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Overlapping candidates of one kind that not everyone shares; one decision."""

    doc_id: str
    kind: str
    start: int
    end: int
    candidates: tuple[Candidate, ...]
    pending: bool

    def side(self, annotator: str) -> tuple[Candidate, ...]:
        """What ``annotator`` has here (nothing is a side too: rejecting)."""
        return tuple(c for c in self.candidates if annotator in c.holders)


def gather(versions: Mapping[str, Document]) -> list[Candidate]:
    """Every span of every version as a candidate with its holders, in text order."""
    holders: dict[Key, list[str]] = {}
    first: dict[Key, Span] = {}
    for name, version in sorted(versions.items()):
        spans: list[Span] = [*version.entities, *version.quotes]
        for span in spans:
            k = key(span)
            if name not in holders.setdefault(k, []):
                holders[k].append(name)
            first.setdefault(k, _plain(span))
    found = [Candidate(first[k], tuple(v)) for k, v in holders.items()]
    return sorted(found, key=_order)


def _plain(span: Span) -> Span:
    """A version's span without its version ids (a candidate, not a row)."""
    if isinstance(span, Quote):
        sp = span.speaker
        return replace(span, id=None, speaker=None if sp is None else replace(sp, entity=None))
    return replace(span, id=None)


def _order(c: Candidate) -> tuple[Any, ...]:
    """Text order: start, the longer first, entities before quotes, then label/speaker."""
    rest = tuple(-1 if v is None else v for v in c.key[3:])
    return (c.span.start, -c.span.end, c.kind, rest)


def overlapping(cands: list[Candidate]) -> list[list[Candidate]]:
    """Groups of candidates linked by overlap, in text order."""
    groups: list[list[Candidate]] = []
    end = -1
    for c in sorted(cands, key=lambda c: (c.span.start, -c.span.end)):
        if groups and c.span.start < end:
            groups[-1].append(c)
            end = max(end, c.span.end)
        else:
            groups.append([c])
            end = c.span.end
    return groups
