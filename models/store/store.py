"""The SQLite store: a database file, its documents, and the parts that read the rest.

Every write is one transaction that also appends to the event log, so an edit is on disk
the moment the call returns (WAL, synchronous=NORMAL is enough: a crash of the process
loses nothing committed). Methods are named by intent and return ``models.spans`` values.
``Store`` itself keeps the documents; it is composed of ``spans`` (entity and quote rows,
edits: spans.py), ``lists`` (the document list's queries: lists.py) and ``log`` (the event
log: log.py). These modules are the only code that writes SQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from models.changes import Change
from models.spans import Document, Entity, Noise, Quote, Speaker
from models.store.dbopen import SafeDatabase, connect
from models.store.lists import DocumentLists
from models.store.log import EventLog
from models.store.names import NameQueries
from models.store.rows import (
    _ENTITY_COLS,
    _QUOTE_COLS,
    DocumentSummary,
    Search,
    _entity,
    _plain,
    _quote,
    insert_entity,
    insert_quote,
    now,
    position,
)
from models.store.schema import backup
from models.store.spans import SpanTable

__all__ = ["DocumentSummary", "Search", "Store"]


class Store:
    """A razmetka database file (or an in-memory one for tests).

    Attributes
    ----------
    spans : SpanTable
        Entity and quote rows by id, position, state and label; edits as change sets.
    lists : DocumentLists
        The document list's filtered counts, pages and row numbers.
    log : EventLog
        The append-only record of every write.
    names : NameQueries
        Entities by normal form (a group's mentions) or by words in their text.
    """

    def __init__(
        self, path: str | Path | None = None, readonly: bool = False, timeout: float = 10.0
    ) -> None:
        """Open (or create) a database; StoreError says in one line why it cannot be.

        ``readonly`` reads a write-protected database (stats, export, backup); ``timeout``
        is how long a write waits for another process's write to finish.
        """
        self.path = Path(path) if path is not None else None
        self.db = SafeDatabase(connect(self.path, readonly, timeout), self.path)
        self.log = EventLog(self.db)
        self.spans = SpanTable(self.db, self.log)
        self.lists = DocumentLists(self.db)
        self.names = NameQueries(self.db)

    @classmethod
    def in_memory(cls) -> Store:
        """A fresh empty store that lives as long as the object."""
        return cls(None)

    def close(self) -> None:
        """Close the connection; the file stays consistent (WAL is checkpointed)."""
        self.db.conn.close()

    # -- documents -------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        """Whether a document with this content hash is already stored."""
        row = self.db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone()
        return row is not None

    def add_document(
        self, doc: Document, model: Document | None = None, search_lemmas: str = ""
    ) -> bool:
        """Store a new document: its curated spans, and ``model``'s as the snapshot.

        Returns False (and changes nothing) when the same text is already stored, which
        makes every import idempotent. Without ``model`` the snapshot is the document's
        own spans that are still model suggestions.
        """
        with self.db.atomic():
            if self.has_document(doc.id):
                return False
            stamp = now()
            pos = self.db.execute("SELECT coalesce(max(position), 0) + 1 FROM documents")
            meta = doc.meta
            # Plain SQL and plain dicts: this runs once per imported document, and
            # sqlite-utils' insert() and dataclasses.asdict() were a tenth of an import.
            self.db.conn.execute(
                "INSERT INTO documents (id, position, text, title, date, source, file, meta,"
                " noise, status, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    doc.id,
                    pos.fetchone()[0],
                    doc.text,
                    str(meta.get("title", "")),
                    str(meta.get("date", "")),
                    str(meta.get("source", "")),
                    str(meta.get("file", "")),
                    json.dumps(meta, ensure_ascii=False),
                    json.dumps([asdict(n) for n in doc.noise], ensure_ascii=False),
                    doc.status,
                    stamp,
                    stamp,
                ],
            )
            self._insert_spans(doc.id, doc.entities, doc.quotes)
            if model is None:
                model = doc.with_annotations(
                    [e for e in doc.entities if e.state == "suggested"],
                    [q for q in doc.quotes if q.state == "suggested"],
                )
            self.db.conn.execute(
                "INSERT INTO predictions (doc_id, entities, quotes, created_at)"
                " VALUES (?, ?, ?, ?)",
                [
                    doc.id,
                    json.dumps([_plain(e) for e in model.entities], ensure_ascii=False),
                    json.dumps([_plain(q) for q in model.quotes], ensure_ascii=False),
                    stamp,
                ],
            )
            self.db.conn.execute(
                "INSERT INTO documents_fts (rowid, title, body, lemmas) VALUES (?, ?, ?, ?)",
                [position(self.db, doc.id), meta.get("title", ""), doc.text, search_lemmas],
            )
            self.log.write(
                doc.id, "import document", None, {"id": doc.id, "file": meta.get("file")}
            )
        return True

    def _insert_spans(
        self, doc_id: str, entities: Iterable[Entity], quotes: Iterable[Quote]
    ) -> None:
        by_offsets: dict[tuple[int, int], int] = {}
        for ent in entities:
            new = insert_entity(self.db, doc_id, ent)
            by_offsets.setdefault((ent.start, ent.end), new)
        for quote in quotes:
            if quote.speaker is not None and quote.speaker.entity is None:
                link = by_offsets.get((quote.speaker.start, quote.speaker.end))
                quote = replace(quote, speaker=replace(quote.speaker, entity=link))
            insert_quote(self.db, doc_id, quote)

    def replace_annotations(self, doc: Document, annotator: str | None = None) -> None:
        """Make ``doc``'s spans the curated annotations of the stored document (merge)."""
        with self.db.atomic():
            before = self.document(doc.id)
            self.db.execute("DELETE FROM quotes WHERE doc_id = ?", [doc.id])
            self.db.execute("DELETE FROM entities WHERE doc_id = ?", [doc.id])
            self._insert_spans(
                doc.id,
                [replace(e, id=None) for e in doc.entities],
                [replace(q, id=None) for q in doc.quotes],
            )
            self.log.write(
                doc.id,
                "replace annotations",
                {"entities": len(before.entities), "quotes": len(before.quotes)},
                {"entities": len(doc.entities), "quotes": len(doc.quotes)},
                annotator,
            )

    def document(self, doc_id: str) -> Document:
        """The document with its current (curated) spans."""
        row = self.db.execute(
            "SELECT id, text, meta, noise, status FROM documents WHERE id = ?", [doc_id]
        ).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return self._document(row)

    def _document(self, row: tuple) -> Document:
        doc_id, text, meta, noise, status = row
        ents = self.db.execute(
            f'SELECT {_ENTITY_COLS} FROM entities WHERE doc_id = ? ORDER BY start, "end" DESC',
            [doc_id],
        ).fetchall()
        quotes = self.db.execute(
            f'SELECT {_QUOTE_COLS} FROM quotes WHERE doc_id = ? ORDER BY start, "end"', [doc_id]
        ).fetchall()
        return Document(
            doc_id,
            text,
            json.loads(meta),
            status,
            tuple(map(_entity, ents)),
            tuple(map(_quote, quotes)),
            tuple(Noise(**n) for n in json.loads(noise)),
        )

    def iter_documents(self, statuses: Iterable[str] | None = None) -> Iterator[Document]:
        """Stream documents in import order, one at a time (flat memory for exports)."""
        sql = "SELECT id, text, meta, noise, status FROM documents"
        params: list[Any] = []
        if statuses is not None:
            wanted = list(statuses)
            sql += f" WHERE status IN ({', '.join('?' for _ in wanted)})"
            params = wanted
        last = 0
        while True:
            where = " AND " if params else " WHERE "
            batch = self.db.execute(
                sql + f"{where}position > ? ORDER BY position LIMIT 200", [*params, last]
            ).fetchall()
            if not batch:
                return
            for row in batch:
                yield self._document(row)
            last = position(self.db, batch[-1][0])

    def predictions(self, doc_id: str) -> Document:
        """The model's untouched predictions for a document, as a Document."""
        doc = self.document(doc_id)
        row = self.db.execute(
            "SELECT entities, quotes FROM predictions WHERE doc_id = ?", [doc_id]
        ).fetchone()
        if row is None:
            return doc.with_annotations([], [])
        ents = [Entity(**e) for e in json.loads(row[0])]
        quotes = []
        for q in json.loads(row[1]):
            sp = q.pop("speaker")
            quotes.append(Quote(**q, speaker=Speaker(**sp) if sp else None))
        return doc.with_annotations(ents, quotes)

    def replace_predictions(self, model: Document) -> bool:
        """Make ``model``'s spans the document's model snapshot (a re-run of the
        pre-annotation); the curated spans are not touched. Returns whether it differed.

        The event log keeps the counts before and after (the snapshot is not an edit).
        """
        entities = json.dumps([_plain(e) for e in model.entities], ensure_ascii=False)
        quotes = json.dumps([_plain(q) for q in model.quotes], ensure_ascii=False)
        with self.db.atomic():
            row = self.db.execute(
                "SELECT entities, quotes FROM predictions WHERE doc_id = ?", [model.id]
            ).fetchone()
            if row is not None and (row[0], row[1]) == (entities, quotes):
                return False
            old = self.predictions(model.id)
            self.db.execute(
                "INSERT OR REPLACE INTO predictions (doc_id, entities, quotes, created_at)"
                " VALUES (?, ?, ?, ?)",
                [model.id, entities, quotes, now()],
            )
            self.log.write(
                model.id,
                "replace predictions",
                {"entities": len(old.entities), "quotes": len(old.quotes)},
                {"entities": len(model.entities), "quotes": len(model.quotes)},
            )
        return True

    def document_ids(self) -> list[str]:
        """All document ids in import order."""
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY position")]

    def set_status(self, doc_id: str, status: str, annotator: str | None = None) -> str:
        """Set a document's review status; returns the previous one."""
        with self.db.atomic():
            old = self.document_status(doc_id)
            self.db.execute(
                "UPDATE documents SET status = ?, updated_at = ? WHERE id = ?",
                [status, now(), doc_id],
            )
            self.log.write(doc_id, "set status", {"status": old}, {"status": status}, annotator)
        return old

    def document_status(self, doc_id: str) -> str:
        """The review status of one document."""
        # The covering index: the row itself holds the text (1 MB: 250 overflow pages).
        row = self.db.execute(
            "SELECT status FROM documents INDEXED BY documents_id_status WHERE id = ?", [doc_id]
        ).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return str(row[0])

    def document_text(self, doc_id: str) -> str:
        """A document's text alone (no spans): cheap even for a 10,000-span article."""
        row = self.db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return str(row[0])

    # -- edits, log and figures --------------------------------------------------------

    def apply_changes(
        self, changes: Iterable[Change], annotator: str | None = None, operation: str | None = None
    ) -> tuple[Change, ...]:
        """Write one edit's span changes in one transaction (see ``SpanTable.apply_changes``)."""
        return self.spans.apply_changes(changes, annotator, operation)

    def events(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        """The event log, oldest first (for one document, or all)."""
        return self.log.events(doc_id)

    def last_span_event(self, doc_id: str, kind: str, span_id: int) -> dict[str, Any] | None:
        """The newest log row about one span (``kind``: "entity" or "quote"), if any."""
        return self.log.last_of_span(doc_id, kind, span_id)

    def count_documents(self, status: str | None = None) -> int:
        """How many documents there are (with this status)."""
        return self.lists.count(status)

    def stats(self) -> dict[str, Any]:
        """Corpus counts in the shape of ``stats --json``."""
        q = self.db.execute
        return {
            "documents": q("SELECT count(*) FROM documents").fetchone()[0],
            "by_status": dict(q("SELECT status, count(*) FROM documents GROUP BY status")),
            "by_label": dict(q("SELECT label, count(*) FROM entities GROUP BY label")),
            "quotes": q("SELECT count(*) FROM quotes").fetchone()[0],
        }

    def backup_to(self, out: str | Path) -> None:
        """A consistent copy of the database, safe while others use it."""
        backup(self.db.conn, Path(out))
