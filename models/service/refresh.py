"""Bringing a document's untouched model suggestions up to a new model snapshot.

When the pre-annotation rules change (an ORG span no longer takes its «» marks), the
curated spans that are still the old model's untouched suggestions (state "suggested",
no annotator) may follow the new snapshot; nothing a person made, changed, confirmed or
imported is ever touched. Spans are paired as the review diff pairs them: the same
extent and label is kept (its normal form updated), an overlapping one is changed in
place (same id: the quotes it speaks follow it), the rest is added or removed. A new
suggestion is left out where a person's span overlaps it, and where a person deleted a
model span with its extent (the event log says so, ``declined``): a refresh never brings
back a span a person took away. Entities and quotes are planned separately, so a new
quote's speaker can link to an entity the entity step has just added.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from models.changes import Change
from models.service.review import diff_spans
from models.spans import Document, Entity, Quote, Speaker

T = TypeVar("T", Entity, Quote)
_MODEL = ("suggested", "confirmed")


@dataclass(frozen=True, slots=True)
class Refresh:
    """One kind of span's refresh: the changes and their counts."""

    changes: tuple[Change, ...] = ()
    updated: int = 0
    added: int = 0
    removed: int = 0


def untouched(span: Entity | Quote) -> bool:
    """Whether a curated span is still the model's suggestion, as the model made it."""
    return span.state == "suggested" and span.annotator is None


Key = tuple[int, int, str]


def key(span: Entity | Quote) -> Key:
    """A span's extent (and label): what a deletion in the event log is matched by."""
    return span.start, span.end, span.label if isinstance(span, Entity) else ""


def declined(events: Iterable[dict[str, Any]], skip: str) -> tuple[set[Key], set[Key]]:
    """``(entities, quotes)`` a person deleted while they were the model's, by extent.

    From a document's event log; the rows of operations named with ``skip`` (a
    refresh, or its undo) are no person's decision.
    """
    out: tuple[set[Key], set[Key]] = (set(), set())
    for ev in events:
        before, action = ev.get("before"), ev.get("action")
        if action not in ("delete entity", "delete quote") or not isinstance(before, dict):
            continue
        if skip in (ev.get("operation") or "") or before.get("state") not in _MODEL:
            continue
        label = before.get("label", "") if action == "delete entity" else ""
        out[action == "delete quote"].add((before["start"], before["end"], label))
    return out


def _fresh(curated: Sequence[T], new: Sequence[T], declined: set[Key]) -> list[T]:
    """The new snapshot's spans a refresh may bring in (see the module docstring)."""
    declined = declined - {key(s) for s in curated}  # put back since (an undo)
    human = sorted((s for s in curated if not untouched(s)), key=lambda s: s.start)
    starts = [s.start for s in human]
    longest = max((s.end - s.start for s in human), default=0)

    def overlaps(span: T) -> bool:
        lo, hi = bisect_left(starts, span.start - longest), bisect_left(starts, span.end)
        return any(human[i].end > span.start for i in range(lo, hi))

    return [s for s in new if key(s) not in declined and not overlaps(s)]


def refresh_entities(doc: Document, new: Document, declined: set[Key]) -> Refresh:
    """The entity changes that bring ``doc``'s untouched suggestions to ``new``."""
    mine = [e for e in doc.entities if untouched(e)]
    diff = diff_spans(mine, _fresh(doc.entities, new.entities, declined))
    changes: list[Change] = []
    moved: dict[int, Entity] = {}
    for was, now in (*diff.kept, *diff.changed):
        after = replace(was, start=now.start, end=now.end, label=now.label, text=now.text)
        after = replace(after, normal=now.normal)
        if after != was:
            changes.append(Change(doc.id, was, after))
            moved[was.id or 0] = after
    for quote in doc.quotes:
        sp = quote.speaker
        if sp is not None and sp.entity in moved:
            e = moved[sp.entity]
            who = Speaker(e.start, e.end, e.text, e.normal, e.id)
            changes.append(Change(doc.id, quote, replace(quote, speaker=who)))
    gone = {e.id for e in diff.removed}
    for quote in doc.quotes:  # its rows lose the link anyway; the log should say so
        if quote.speaker is not None and quote.speaker.entity in gone:
            unlinked = replace(quote.speaker, entity=None)
            changes.append(Change(doc.id, quote, replace(quote, speaker=unlinked)))
    changes += [Change(doc.id, e, None) for e in diff.removed]
    changes += [Change(doc.id, None, _suggestion(e)) for e in diff.added]
    return Refresh(tuple(changes), len(moved), len(diff.added), len(diff.removed))


def refresh_quotes(doc: Document, new: Document, declined: set[Key]) -> Refresh:
    """The quote changes that bring ``doc``'s untouched quote suggestions to ``new``;
    speakers link to ``doc``'s entities by extent (read after the entity step)."""
    mine = [q for q in doc.quotes if untouched(q)]
    diff = diff_spans(mine, _fresh(doc.quotes, new.quotes, declined))
    link = {(e.start, e.end): e.id for e in doc.entities}
    changes: list[Change] = []
    for was, now in (*diff.kept, *diff.changed):
        after = replace(
            was, start=now.start, end=now.end, text=now.text, speaker=_linked(now, link)
        )
        if after != was:
            changes.append(Change(doc.id, was, after))
    updated = len(changes)
    changes += [Change(doc.id, q, None) for q in diff.removed]
    changes += [
        Change(doc.id, None, replace(_suggestion(q), speaker=_linked(q, link))) for q in diff.added
    ]
    return Refresh(tuple(changes), updated, len(diff.added), len(diff.removed))


def _suggestion(span: T) -> T:
    return replace(span, id=None, state="suggested", annotator=None)


def _linked(quote: Quote, link: dict[tuple[int, int], int | None]) -> Speaker | None:
    sp = quote.speaker
    return None if sp is None else replace(sp, entity=link.get((sp.start, sp.end)))
