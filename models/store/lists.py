"""The document list's queries: filters, counts, pages, positions.

``Store.lists`` is one of these. A 100,000-document list reads one page at a time by
position (an index lookup), and full-text search matches lemmas as well as words. A
search that may take long is read once, as the positions of its matches
(``positions``), over a second read-only connection (``reader``) in a thread of its
own; pages are then read by those positions (``summaries_at``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from models.store.dbopen import SafeDatabase, describe
from models.store.rows import DocumentSummary, Search, _fts_word, position
from models.store.schema import StoreError
from models.store.team import annotator_clause

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
        annotator: str | None = None,
    ) -> int:
        """How many documents match the list filter (positioned before ``before``)."""
        where, params = self._filter(status, search, label, before=before, annotator=annotator)
        return int(
            self.db.execute(f"SELECT count(*) FROM documents d {where}", params).fetchone()[0]
        )

    def extent(
        self,
        status: str | None = None,
        search: Search = None,
        label: str | None = None,
        annotator: str | None = None,
    ) -> tuple[int, int]:
        """How many documents match the list filter, and the last one's position (or 0).

        One scan for both: with the last position a list can tell later whether new
        documents were only appended after it (``count(before=last + 1)``).
        """
        where, params = self._filter(status, search, label, annotator=annotator)
        if not (search or label or annotator):  # count(*) and max() are each an index lookup here
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
        annotator: str | None = None,
    ) -> int | None:
        """The row of ``doc_id`` in the filtered list, or None when it is not in it."""
        where, params = self._filter(status, search, label, annotator=annotator)
        where += (" AND " if where else " WHERE ") + "d.id = ?"
        row = self.db.execute(
            f"SELECT d.position FROM documents d {where}", [*params, doc_id]
        ).fetchone()
        return None if row is None else self.count(status, search, label, row[0], annotator)

    def summaries(
        self,
        offset: int = 0,
        limit: int = 100,
        status: str | None = None,
        search: Search = None,
        label: str | None = None,
        after: int | None = None,
        annotator: str | None = None,
    ) -> list[DocumentSummary]:
        """A page of the document list with entity and quote counts.

        ``search`` is words that must all occur, or groups of alternatives (a word and its
        lemmas) of which one per group must occur; ``label`` keeps documents that have an
        entity with that label, ``annotator`` documents in that annotator's share (each
        summary names the document's versions). With ``after`` (a position) the page
        starts at the first match after it, found by an index seek instead of skipping
        ``offset`` rows: row 99,900 costs what row 0 does.
        """
        where, params = self._filter(status, search, label, after=after, annotator=annotator)
        rows = self.db.execute(
            f"{_SUMMARY} {where} ORDER BY d.position LIMIT ? OFFSET ?",
            [*params, limit, 0 if after is not None else offset],
        ).fetchall()
        return [_summary(r) for r in rows]

    @staticmethod
    def _filter(
        status: str | None,
        search: Search,
        label: str | None = None,
        after: int | None = None,
        before: int | None = None,
        annotator: str | None = None,
    ) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if annotator:
            clause, values = annotator_clause(annotator)
            clauses.append(clause)
            params += values
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

    def positions(
        self,
        status: str | None = None,
        search: Search = None,
        label: str | None = None,
        annotator: str | None = None,
    ) -> list[int]:
        """The positions of every document that matches the list filter, in order."""
        where, params = self._filter(status, search, label, annotator=annotator)
        rows = self.db.execute(
            f"SELECT d.position FROM documents d {where} ORDER BY d.position", params
        )
        return [r[0] for r in rows]

    def summaries_at(self, positions: Sequence[int]) -> list[DocumentSummary]:
        """The summaries of the documents at these positions (a page), in order."""
        marks = ", ".join("?" for _ in positions)
        rows = self.db.execute(
            f"{_SUMMARY} WHERE d.position IN ({marks}) ORDER BY d.position", list(positions)
        ).fetchall()
        return [_summary(r) for r in rows]

    def position_of(self, doc_id: str) -> int | None:
        """A document's place in import order (None when it is not stored)."""
        try:
            return position(self.db, doc_id)
        except KeyError:
            return None

    def reader(self) -> DocumentLists | None:
        """These queries over a second, read-only connection to the same file, for one
        other thread (None for a database in memory, which has one connection only).

        The file was checked when the store opened it, so this only connects: WAL lets
        it read while the store writes, and a query here never holds up an edit there.
        """
        path = self.db.store_path
        if path is None:
            return None
        try:
            conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: {describe(exc)}") from None
        return DocumentLists(SafeDatabase(conn, path))

    def interrupt(self) -> None:
        """Stop the query running on this connection now (from any thread)."""
        self.db.conn.interrupt()

    def close(self) -> None:
        """Close this connection (a ``reader``'s)."""
        self.db.conn.close()

    def next_document(self, doc_id: str, statuses: Sequence[str]) -> str | None:
        """The first document after ``doc_id`` (wrapping round) whose status is one of these."""
        marks = ", ".join("?" for _ in statuses)
        row = self.db.execute(
            f"SELECT id FROM documents WHERE status IN ({marks}) AND id != ?"
            " ORDER BY position <= ?, position LIMIT 1",
            [*statuses, doc_id, position(self.db, doc_id)],
        ).fetchone()
        return None if row is None else str(row[0])


# A document-list row: counts of its spans and (in a team database) its versions.
_SUMMARY = (
    "SELECT d.id, d.position, d.title, d.date, d.status,"
    " (SELECT count(*) FROM entities e WHERE e.doc_id = d.id),"
    " (SELECT count(*) FROM quotes q WHERE q.doc_id = d.id),"
    " (SELECT json_group_array(json_array(v.annotator, v.status))"
    "  FROM document_versions v WHERE v.doc_id = d.id)"
    " FROM documents d"
)


def _summary(r: tuple[Any, ...]) -> DocumentSummary:
    return DocumentSummary(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _versions(r[7]))


def _versions(column: str | None) -> tuple[tuple[str, str], ...]:
    """``(annotator, status)`` of each version, by name, from the summary's JSON column."""
    pairs = json.loads(column) if column else []
    return tuple(sorted((str(a), str(s)) for a, s in pairs))
