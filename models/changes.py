"""What one edit did to the spans, as values: the unit of commit, undo and redo.

Every mutating service method returns a ``ChangeSet``: the spans before and after, with
their ids. Undo applies the inverse, redo applies it again, and both go through the same
store method as the first time, so the event log, the screen and the file agree. A
``Change`` with no ``before`` is an insert, with no ``after`` a delete.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from models.spans import Entity, Quote

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
