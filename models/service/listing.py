"""The document list as the window reads it: one filter, counted and paged on demand.

A :class:`DocumentListing` is one choice of filters (status, label, text search) over the
store's list queries, with the search words expanded once into their normal forms, so
"Путина" finds a text that says "Путин". The window's list model asks it for the
extent, pages of summaries and row numbers, and never sees the store.
"""

from __future__ import annotations

from models.nlp.occurrences import Forms, search_terms
from models.store.lists import QUOTES, DocumentLists
from models.store.rows import DocumentSummary


class DocumentListing:
    """The documents that one filter keeps, in import order."""

    def __init__(
        self,
        lists: DocumentLists,
        forms: Forms,
        status: str | None = None,
        search: str | None = None,
        label: str | None = None,
        quote_label: str = "QUOTE",
    ) -> None:
        self._lists = lists
        self.status = status or None
        self.search = (search or "").strip() or None
        self.label = label or None
        # The quote "label" keeps the documents with a quote; an entity label, those
        # with an entity of it.
        self._label = QUOTES if label and label == quote_label else self.label
        self._terms = search_terms(self.search, forms) if self.search else None

    @property
    def filtered(self) -> bool:
        """Whether any filter is set (an unfiltered list has no gaps in its positions)."""
        return bool(self.status or self._terms or self.label)

    def extent(self) -> tuple[int, int]:
        """How many documents match, and the last one's position (0 when none)."""
        return self._lists.extent(self.status, self._terms, self._label)

    def count_before(self, position: int) -> int:
        """How many matching documents come before ``position``."""
        return self._lists.count(self.status, self._terms, self._label, before=position)

    def row_of(self, doc_id: str) -> int | None:
        """The row of ``doc_id`` in this list, or None when the filter drops it."""
        return self._lists.row_of(doc_id, self.status, self._terms, self._label)

    def page(self, offset: int, limit: int, after: int | None = None) -> list[DocumentSummary]:
        """``limit`` summaries from row ``offset`` (or from just after position ``after``)."""
        return self._lists.summaries(
            offset, limit, self.status, self._terms, self._label, after=after
        )
