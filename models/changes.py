"""What one edit did to the spans, as values: the unit of commit, undo and redo.

Every mutating service method returns a ``ChangeSet``: the spans before and after, with
their ids. Undo applies the inverse, redo applies it again, and both go through the same
store method as the first time, so the event log, the screen and the file agree. A
``Change`` with no ``before`` is an insert, with no ``after`` a delete.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from models.spans import Document, Entity, Quote

Span = Entity | Quote


@dataclass(frozen=True, slots=True)
class Change:
    """One span of one document before and after an edit."""

    doc_id: str
    before: Span | None
    after: Span | None

    def __post_init__(self) -> None:
        if self.before is None and self.after is None:
            raise ValueError("a change needs a before or an after")

    @property
    def span(self) -> Span:
        """The span as it is after the change (or was, for a delete)."""
        return self.after if self.after is not None else self.before  # type: ignore[return-value]

    @property
    def is_quote(self) -> bool:
        """Whether this change is about a quote rather than an entity."""
        return isinstance(self.span, Quote)

    @property
    def kind(self) -> str:
        """``added``, ``removed`` or ``changed``."""
        if self.before is None:
            return "added"
        return "removed" if self.after is None else "changed"

    def inverse(self) -> Change:
        """The change that undoes this one."""
        return Change(self.doc_id, self.after, self.before)


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """The changes of one user-level edit, in the order they were applied."""

    name: str
    changes: tuple[Change, ...] = ()

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def inverse(self) -> ChangeSet:
        """Undo: each change inverted, last first."""
        return ChangeSet(f"Undo {self.name}", tuple(c.inverse() for c in reversed(self.changes)))

    def of_kind(self, kind: str) -> list[Change]:
        """The changes that are ``added``, ``removed`` or ``changed``."""
        return [c for c in self.changes if c.kind == kind]

    @property
    def doc_ids(self) -> list[str]:
        """The documents touched, in first-touched order."""
        return list(dict.fromkeys(c.doc_id for c in self.changes))


def _start(span: Span) -> int:
    return span.start


def _entity_key(e: Entity) -> tuple[int, int]:
    return e.start, -e.end


def _quote_key(q: Quote) -> tuple[int, int]:
    return q.start, q.end


def swap_spans(doc: Document, removed: Sequence[Span], added: Sequence[Span]) -> Document:
    """``doc`` with ``removed`` spans taken out and ``added`` put in, order kept.

    Bisection on the sorted spans, so one edit costs O(n) copying and O(log n) search,
    not a re-sort: the GUI applies each edit to its 10,000-span document this way.
    """
    ents, quotes = list(doc.entities), list(doc.quotes)
    for span in removed:
        spans = quotes if isinstance(span, Quote) else ents
        # Only the order by start is relied on: ties may come in any order.
        i = bisect_left(spans, span.start, key=_start)
        while spans[i] != span:  # IndexError: the span is not in the document
            i += 1
        del spans[i]
    for span in added:
        if isinstance(span, Quote):
            insort(quotes, span, key=_quote_key)
        else:
            insort(ents, span, key=_entity_key)
    return replace(doc, entities=tuple(ents), quotes=tuple(quotes))
