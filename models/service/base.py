"""The part of the annotation service every kind of edit shares: commit, undo, events.

An edit method builds a ``ChangeSet`` and hands it to ``commit``, which writes it in one
transaction (with the annotator and the time in the event log) and then emits one event
per span, plus ``changes_applied`` once, so item models update row by row while a view
that redraws wholesale can wait for the last signal.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from models.changes import Change, ChangeSet
from models.events import Signal
from models.labels import LabelSet, load_labels
from models.nlp.occurrences import Forms, pymorphy_forms
from models.nlp.tokens import step_edge
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


class ServiceBase:
    """Store access, the annotator's name, the events, and commit/undo/redo."""

    def __init__(
        self,
        store: Store,
        annotator: str | None = None,
        forms: Forms | None = None,
        labels: LabelSet | None = None,
    ) -> None:
        self.store = store
        self.annotator = annotator
        self.forms: Forms = forms or pymorphy_forms
        self.labels = labels or load_labels()
        self._texts: dict[str, str] = {}
        self.span_added = Signal("span_added")  # (doc_id, Entity)
        self.span_removed = Signal("span_removed")  # (doc_id, Entity)
        self.span_changed = Signal("span_changed")  # (doc_id, old Entity, new Entity)
        self.quote_added = Signal("quote_added")  # (doc_id, Quote)
        self.quote_removed = Signal("quote_removed")  # (doc_id, Quote)
        self.quote_changed = Signal("quote_changed")  # (doc_id, old Quote, new Quote)
        self.document_changed = Signal("document_changed")  # (doc_id,)
        self.changes_applied = Signal("changes_applied")  # (ChangeSet,)

    # -- reads ---------------------------------------------------------------------

    def text(self, doc_id: str) -> str:
        """A document's text; cached, since a document's text never changes."""
        if doc_id not in self._texts:
            self._texts[doc_id] = self.store.document_text(doc_id)
        return self._texts[doc_id]

    # -- commit, undo, redo --------------------------------------------------------

    def commit(self, changes: ChangeSet) -> ChangeSet:
        """Write an edit (one transaction), emit its events; returns it with new ids."""
        if not changes.changes:
            return changes
        done = self.store.apply_changes(changes.changes, self.annotator, changes.name)
        result = ChangeSet(changes.name, done)
        self._emit(result)
        return result

    def revert(self, changes: ChangeSet) -> ChangeSet:
        """Undo an edit that ``commit`` returned: the exact prior spans, same ids."""
        return self.commit(changes.inverse())

    def reapply(self, changes: ChangeSet) -> ChangeSet:
        """Redo an edit after ``revert``: the same spans under the same ids."""
        return self.commit(changes)

    def _emit(self, changes: ChangeSet) -> None:
        for ch in changes:
            if ch.is_quote:
                signals = (self.quote_added, self.quote_removed, self.quote_changed)
            else:
                signals = (self.span_added, self.span_removed, self.span_changed)
            if ch.kind == "added":
                signals[0].emit(ch.doc_id, ch.after)
            elif ch.kind == "removed":
                signals[1].emit(ch.doc_id, ch.before)
            else:
                signals[2].emit(ch.doc_id, ch.before, ch.after)
        self.changes_applied.emit(changes)

    # -- helpers for edits ---------------------------------------------------------

    def _edited(self, span: S, **fields: object) -> S:
        """``span`` with new field values, marked as a person's edit."""
        state = _AFTER_EDIT.get(span.state, span.state)
        return replace(span, state=state, annotator=self.annotator, **fields)  # type: ignore[arg-type]

    def _check_label(self, label: str) -> None:
        if label not in self.labels.names:
            known = ", ".join(sorted(self.labels.names))
            raise EditError(f"unknown label {label!r} (known: {known})")

    def _check_bounds(self, doc_id: str, start: int, end: int) -> None:
        if not 0 <= start < end <= len(self.text(doc_id)):
            raise EditError(f"span [{start}, {end}) is empty or outside the text")

    def _stepped(self, doc_id: str, span: Entity | Quote, edge: str, steps: int) -> tuple[int, int]:
        """``span``'s offsets with its ``edge`` moved by ``steps`` tokens."""
        try:
            return step_edge(self.text(doc_id), span.start, span.end, edge, steps)
        except ValueError as exc:
            raise EditError(str(exc)) from None

    def _with_text(self, doc_id: str, span: S, start: int, end: int) -> S:
        """An edited copy of ``span`` over ``[start, end)`` with its text."""
        self._check_bounds(doc_id, start, end)
        return self._edited(span, start=start, end=end, text=self.text(doc_id)[start:end])

    @staticmethod
    def _one(name: str, doc_id: str, before: S | None, after: S | None) -> ChangeSet:
        return ChangeSet(name, (Change(doc_id, before, after),))
