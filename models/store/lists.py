"""The document list's queries: filters, counts, pages, positions.

``Store.lists`` is one of these. A 100,000-document list reads one page at a time by
position (an index lookup), and full-text search matches lemmas as well as words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from models.store.dbopen import SafeDatabase
from models.store.rows import DocumentSummary, Search, _fts_word, position

QUOTES = "\x00quotes"  # as a label filter: documents with a quote (no label has a NUL)


class DocumentLists:
    """Reading the corpus as a filtered list of document summaries."""

    def __init__(self, db: SafeDatabase) -> None:
        self.db = db

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the file.

        ``PRAGMA data_version``: cheap enough to poll, so the window can show documents
        that another process (``main.py import``) added while it is open.
        """
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def count(
        self,
        status: str | None = None,
        search: Search = None,
        label: str | None = None,
        before: int | None = None,
    ) -> int:
        """How many documents match the list filter (positioned before ``before``)."""
        where, params = self._filter(status, search, label, before=before)
        return int(
            self.db.execute(f"SELECT count(*) FROM documents d {where}", params).fetchone()[0]
        )

    def extent(
        self, status: str | None = None, search: Search = None, label: str | None = None
    ) -> tuple[int, int]:
        """How many documents match the list filter, and the last one's position (or 0).

        One scan for both: with the last position a list can tell later whether new
        documents were only appended after it (``count(before=last + 1)``).
        """
        where, params = self._filter(status, search, label)
        if not (search or label):  # count(*) and max() are each an index lookup here
            last = self.db.execute(
                f"SELECT max(d.position) FROM documents d {where}", params
            ).fetchone()[0]
            return self.count(status), int(last or 0)
        count, last = self.db.execute(
            f"SELECT count(*), coalesce(max(d.position), 0) FROM documents d {where}", params
        ).fetchone()
        return int(count), int(last)

    def row_of(
        self,
        doc_id: str,
        status: str | None = None,
        search: Search = None,
        label: str | None = None,
    ) -> int | None:
        """The row of ``doc_id`` in the filtered list, or None when it is not in it."""
        where, params = self._filter(status, search, label)
        where += (" AND " if where else " WHERE ") + "d.id = ?"
        row = self.db.execute(
            f"SELECT d.position FROM documents d {where}", [*params, doc_id]
        ).fetchone()
        return None if row is None else self.count(status, search, label, row[0])

    def summaries(
        self,
        offset: int = 0,
        limit: int = 100,
        status: str | None = None,
        search: Search = None,
        label: str | None = None,
        after: int | None = None,
    ) -> list[DocumentSummary]:
        """A page of the document list with entity and quote counts.

        ``search`` is words that must all occur, or groups of alternatives (a word and its
        lemmas) of which one per group must occur; ``label`` keeps documents that have an
        entity with that label. With ``after`` (a position) the page starts at the first
        match after it, found by an index seek instead of skipping ``offset`` rows: row
        99,900 costs what row 0 does.
        """
        where, params = self._filter(status, search, label, after=after)
        rows = self.db.execute(
            "SELECT d.id, d.position, d.title, d.date, d.status,"
            " (SELECT count(*) FROM entities e WHERE e.doc_id = d.id),"
            " (SELECT count(*) FROM quotes q WHERE q.doc_id = d.id)"
            f" FROM documents d {where} ORDER BY d.position LIMIT ? OFFSET ?",
            [*params, limit, 0 if after is not None else offset],
        ).fetchall()
        return [DocumentSummary(*r) for r in rows]

    @staticmethod
    def _filter(
        status: str | None,
        search: Search,
        label: str | None = None,
        after: int | None = None,
        before: int | None = None,
    ) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if after is not None:
            clauses.append("d.position > ?")
            params.append(after)
        if before is not None:
            clauses.append("d.position < ?")
            params.append(before)
        if label == QUOTES:  # the quotes_long index starts with doc_id: one probe a row
            clauses.append("EXISTS (SELECT 1 FROM quotes q WHERE q.doc_id = d.id)")
        elif label:
            # EXISTS probes the (doc_id, label) index per row: a page costs ~1 ms at 100,000
            # documents, where IN built the whole set of matching documents first (~400 ms).
            clauses.append(
                "EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = d.id AND e.label = ?)"
            )
            params.append(label)
        if status:
            clauses.append("d.status = ?")
            params.append(status)
        if isinstance(search, str):
            search = [[word] for word in search.split()]
        groups = [" OR ".join(_fts_word(w) for w in g) for g in search or () if g]
        if groups:
            clauses.append(
                "d.position IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)"
            )
            params.append(" AND ".join(f"({g})" for g in groups))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def next_document(self, doc_id: str, statuses: Sequence[str]) -> str | None:
        """The first document after ``doc_id`` (wrapping round) whose status is one of these."""
        marks = ", ".join("?" for _ in statuses)
        row = self.db.execute(
            f"SELECT id FROM documents WHERE status IN ({marks}) AND id != ?"
            " ORDER BY position <= ?, position LIMIT 1",
            [*statuses, doc_id, position(self.db, doc_id)],
        ).fetchone()
        return None if row is None else str(row[0])
