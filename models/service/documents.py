"""Documents in the review workflow: status, the next one to do, the filtered list, and
walking the suggestions that still wait for a decision.
"""

from __future__ import annotations

from models.nlp.occurrences import search_terms
from models.service.base import EditError, ServiceBase
from models.spans import STATUSES, Document, Entity, Quote
from models.store.store import DocumentSummary

# "Not done" for Ctrl+Enter: skipped documents were put aside on purpose.
TODO = ("new", "in_progress")


class DocumentOps(ServiceBase):
    """The document part of ``AnnotationService``."""

    def document(self, doc_id: str) -> Document:
        """A document with its current (gold) spans."""
        return self.store.document(doc_id)

    def predictions(self, doc_id: str) -> Document:
        """The model's untouched snapshot of a document."""
        return self.store.predictions(doc_id)

    def set_status(self, doc_id: str, status: str) -> str:
        """Set a document's status; returns the previous one (what undo needs)."""
        if status not in STATUSES:
            raise EditError(f"status must be one of {', '.join(STATUSES)}")
        old = self.store.set_status(doc_id, status, self.annotator)
        self.document_changed.emit(doc_id)
        return old

    def mark_started(self, doc_ids: list[str]) -> list[str]:
        """Documents among these still ``new`` become ``in_progress``; returns those.

        The first edit of a document starts its review; undoing that edit sets the
        returned documents back to ``new``.
        """
        started = [d for d in doc_ids if self.store.document_status(d) == "new"]
        for doc_id in started:
            self.set_status(doc_id, "in_progress")
        return started

    def next_document(self, doc_id: str) -> str | None:
        """The next document (after this one, wrapping round) that is new or in progress."""
        return self.store.next_document(doc_id, TODO)

    def _search_groups(self, search: str) -> list[list[str]]:
        """Each word with its normal forms, so "Путина" finds a text that says "Путин"."""
        return search_terms(search, self.forms)

    def list_documents(
        self,
        status: str | None = None,
        label: str | None = None,
        search: str | None = None,
        offset: int = 0,
        limit: int = 100,
    ) -> list[DocumentSummary]:
        """A page of the document list, filtered by status, label and text (FTS5)."""
        groups = self._search_groups(search) if search and search.strip() else None
        return self.store.summaries(offset, limit, status, groups, label)

    def count_documents(
        self, status: str | None = None, label: str | None = None, search: str | None = None
    ) -> int:
        """How many documents the list filter keeps."""
        groups = self._search_groups(search) if search and search.strip() else None
        return self.store.count_documents(status, groups, label)

    def next_suggestion(
        self, doc_id: str, pos: int, backwards: bool = False, current: Entity | Quote | None = None
    ) -> Entity | Quote | None:
        """The next model suggestion after ``current`` or ``pos`` (before, ``backwards``).

        Tab and Shift+Tab walk these, wrapping round, so every suggestion gets a decision,
        nested ones that start at the same character included.
        """
        found = self.store.next_in_state(doc_id, "suggested", pos, backwards, current)
        if found is None:  # wrap round
            edge = len(self.text(doc_id)) + 1 if backwards else -1
            found = self.store.next_in_state(doc_id, "suggested", edge, backwards)
        return found
