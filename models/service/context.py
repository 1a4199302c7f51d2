"""What every kind of edit shares: the store to read, who edits, the label set, and the
checks and value helpers the edit rules use.

The edit rules (entities.py, quotes.py, bulk.py) only read: each builds the
``ChangeSet`` an edit needs from an :class:`EditContext`, and the service commits it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from models.changes import Change, ChangeSet
from models.labels import LabelSet
from models.nlp.occurrences import Forms
from models.nlp.tokens import snap, step_edge
from models.spans import Entity, Quote
from models.store.store import Store

S = TypeVar("S", Entity, Quote)
# An edit by a person moves a span out of the model's hands: untouched, confirmed or
# imported spans become "changed"; a span a person added stays "added".
_AFTER_EDIT = {"suggested": "changed", "confirmed": "changed", "imported": "changed"}


class EditError(ValueError):
    """An edit that cannot be made (empty selection, unknown label, duplicate span)."""


def shorten(text: str, limit: int = 30) -> str:
    """A span's text cut for a menu entry: one line, at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def one(name: str, doc_id: str, before: S | None, after: S | None) -> ChangeSet:
    """A change set of one span change."""
    return ChangeSet(name, (Change(doc_id, before, after),))


class EditContext:
    """The store (read only here), the annotator, the label set and the word forms."""

    def __init__(self, store: Store, annotator: str | None, forms: Forms, labels: LabelSet) -> None:
        self.store = store
        self.annotator = annotator
        self.forms = forms
        self.labels = labels
        self._texts: dict[str, str] = {}

    def text(self, doc_id: str) -> str:
        """A document's text; cached, since a document's text never changes."""
        if doc_id not in self._texts:
            self._texts[doc_id] = self.store.document_text(doc_id)
        return self._texts[doc_id]

    def edited(self, span: S, **fields: object) -> S:
        """``span`` with new field values, marked as a person's edit."""
        state = _AFTER_EDIT.get(span.state, span.state)
        return replace(span, state=state, annotator=self.annotator, **fields)  # type: ignore[arg-type]

    def confirmed(self, span: S) -> S:
        """``span`` accepted as it is by this annotator."""
        return replace(span, state="confirmed", annotator=self.annotator)

    def check_label(self, label: str) -> None:
        """EditError unless ``label`` is in the label set."""
        if label not in self.labels.names:
            known = ", ".join(sorted(self.labels.names))
            raise EditError(f"unknown label {label!r} (known: {known})")

    def check_bounds(self, doc_id: str, start: int, end: int) -> None:
        """EditError unless ``[start, end)`` is a non-empty range of the text."""
        if not 0 <= start < end <= len(self.text(doc_id)):
            raise EditError(f"span [{start}, {end}) is empty or outside the text")

    def snapped(self, doc_id: str, start: int, end: int, exact: bool = False) -> tuple[int, int]:
        """A selection (either way round) widened to whole tokens unless ``exact``."""
        start, end = min(start, end), max(start, end)
        self.check_bounds(doc_id, start, end)
        found = (start, end) if exact else snap(self.text(doc_id), start, end)
        if found is None:
            raise EditError("the selection holds no word")
        return found

    def stepped(self, doc_id: str, span: Entity | Quote, edge: str, steps: int) -> tuple[int, int]:
        """``span``'s offsets with its ``edge`` moved by ``steps`` tokens."""
        try:
            return step_edge(self.text(doc_id), span.start, span.end, edge, steps)
        except ValueError as exc:
            raise EditError(str(exc)) from None

    def with_text(self, doc_id: str, span: S, start: int, end: int) -> S:
        """An edited copy of ``span`` over ``[start, end)`` with its text."""
        self.check_bounds(doc_id, start, end)
        return self.edited(span, start=start, end=end, text=self.text(doc_id)[start:end])
