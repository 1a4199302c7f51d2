"""The document list as the window reads it: one filter, counted and paged on demand.

A :class:`DocumentListing` is one choice of filters (status, label, text search, and in a
team database the annotator whose share it is) over the store's list queries, with the
search words expanded once into their normal forms, so "Путина" finds a text that says
"Путин". The window's list model asks it for the extent, pages of summaries (each naming
the document's versions) and row numbers, and never sees the store.

A text search over a big corpus can take a second, and the list asks many questions.
So a search is read once (:meth:`DocumentListing.resolved`): the positions of its
matches, after which every question is a bisection and a page is read by position. A
:class:`ListingReader` does that over a connection of its own, so the window can run it
in a worker thread while its own connection (and every edit) goes on.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from copy import copy
from dataclasses import dataclass

from models.nlp.occurrences import Forms, search_terms, search_words
from models.store.lists import QUOTES, DocumentLists
from models.store.rows import DocumentSummary


@dataclass(frozen=True, slots=True)
class Filter:
    """What a list shows: a status, a search (its words, cleaned), an entity label, an
    annotator's share."""

    status: str | None = None
    search: str | None = None
    label: str | None = None
    annotator: str | None = None


class DocumentListing:
    """The documents that one filter keeps, in import order."""

    def __init__(
        self,
        lists: DocumentLists,
        forms: Forms,
        status: str | None = None,
        search: str | None = None,
        label: str | None = None,
        annotator: str | None = None,
        quote_label: str = "QUOTE",
    ) -> None:
        self._lists = lists
        self.status = status or None
        # What is searched: the words the index can take (no NUL, no surrogate, each once).
        self.search = " ".join(search_words(search or "")) or None
        self.label = label or None
        # The quote "label" keeps the documents with a quote; an entity label, those
        # with an entity of it.
        self._label = QUOTES if label and label == quote_label else self.label
        self.annotator = annotator or None
        self._terms = search_terms(self.search, forms) if self.search else None
        self._hits: array[int] | None = None  # positions of the matches, once resolved

    @property
    def filter(self) -> Filter:
        """The filter, as it compares: the same filter read again is equal."""
        return Filter(self.status, self.search, self.label, self.annotator)

    @property
    def filtered(self) -> bool:
        """Whether any filter is set (an unfiltered list has no gaps in its positions)."""
        return bool(self.status or self._terms or self.label or self.annotator)

    @property
    def slow(self) -> bool:
        """Whether its questions may take long: a text search not yet resolved."""
        return self._terms is not None and self._hits is None

    def resolved(self, lists: DocumentLists | None = None) -> DocumentListing:
        """This filter with its matches read once (through ``lists``, another connection
        to the same file, when given); it answers every question from them."""
        out = copy(self)
        source = lists or self._lists
        out._hits = array(
            "q", source.positions(self.status, self._terms, self._label, self.annotator)
        )
        return out

    def compare(self, shown: DocumentListing) -> str:
        """How this (newer) read of a list differs from ``shown``: ``same`` rows,
        rows ``appended`` after its last, or ``other`` (another filter, other rows)."""
        new, old = self._hits, shown._hits
        if self.filter != shown.filter or new is None or old is None:
            return "other"
        if new == old:
            return "same"
        return "appended" if len(new) > len(old) and new[: len(old)] == old else "other"

    def extent(self) -> tuple[int, int]:
        """How many documents match, and the last one's position (0 when none)."""
        if self._hits is not None:
            return len(self._hits), self._hits[-1] if self._hits else 0
        return self._lists.extent(self.status, self._terms, self._label, self.annotator)

    def count_before(self, position: int) -> int:
        """How many matching documents come before ``position``."""
        if self._hits is not None:
            return bisect_left(self._hits, position)
        return self._lists.count(
            self.status, self._terms, self._label, before=position, annotator=self.annotator
        )

    def row_of(self, doc_id: str) -> int | None:
        """The row of ``doc_id`` in this list, or None when the filter drops it."""
        if self._hits is None:
            return self._lists.row_of(doc_id, self.status, self._terms, self._label, self.annotator)
        position = self._lists.position_of(doc_id)
        row = bisect_left(self._hits, position or 0)
        found = position is not None and row < len(self._hits) and self._hits[row] == position
        return row if found else None

    def page(self, offset: int, limit: int, after: int | None = None) -> list[DocumentSummary]:
        """``limit`` summaries from row ``offset`` (or from just after position ``after``)."""
        if self._hits is not None:
            return self._lists.summaries_at(self._hits[offset : offset + limit])
        return self._lists.summaries(
            offset, limit, self.status, self._terms, self._label, after, self.annotator
        )


class ListingReader:
    """Listings read over a connection of their own, for one worker thread.

    :meth:`read` makes the listing and resolves it there; :meth:`interrupt` (from any
    thread) stops the query running, when a newer one is wanted. A database in memory
    has one connection only: then ``separate`` is False and reads use the store's.
    """

    def __init__(self, lists: DocumentLists, forms: Forms, quote_label: str = "QUOTE") -> None:
        self._lists, self._forms, self._quote_label = lists, forms, quote_label
        self._own = lists.reader()

    @property
    def separate(self) -> bool:
        """Whether reads go through a connection of their own (safe in another thread)."""
        return self._own is not None

    def read(
        self,
        status: str | None = None,
        search: str | None = None,
        label: str | None = None,
        annotator: str | None = None,
    ) -> DocumentListing:
        """The listing of this filter, its matches read (a search's, in one query)."""
        listing = DocumentListing(
            self._lists, self._forms, status, search, label, annotator, self._quote_label
        )
        return listing.resolved(self._own) if listing.slow else listing

    def interrupt(self) -> None:
        """Stop the query running now; it raises in the thread that ran it."""
        if self._own is not None:
            self._own.interrupt()

    def close(self) -> None:
        """Close the connection of its own (when no read runs)."""
        if self._own is not None:
            self._own.close()
            self._own = None
