"""The SQLite store: with store_list.py and store_spans.py, the only code that writes SQL.

Every write is one transaction that also appends to the event log, so an edit is on disk
the moment the call returns (WAL, synchronous=NORMAL is enough: a crash of the process
loses nothing committed). Methods are named by intent and return ``models.spans`` values.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from models.spans import Document, Entity, Noise, Quote, Speaker
from models.store.dbopen import SafeDatabase, connect
from models.store.lists import DocumentListQueries
from models.store.rows import (
    _ENTITY_COLS,
    _QUOTE_COLS,
    DocumentSummary,
    Search,
    _entity,
    _plain,
    _quote,
    now,
)
from models.store.schema import backup
from models.store.spans import SpanStore

__all__ = ["DocumentSummary", "Search", "Store"]


class Store(DocumentListQueries, SpanStore):
    """A razmetka database file (or an in-memory one for tests)."""

    def __init__(
        self, path: str | Path | None = None, readonly: bool = False, timeout: float = 10.0
    ) -> None:
        """Open (or create) a database; StoreError says in one line why it cannot be.

        ``readonly`` reads a write-protected database (stats, export, backup); ``timeout``
        is how long a write waits for another process's write to finish.
        """
        self.path = Path(path) if path is not None else None
        self.db = SafeDatabase(connect(self.path, readonly, timeout), self.path)

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
                [self._position(doc.id), meta.get("title", ""), doc.text, search_lemmas],
            )
            self._log(doc.id, "import document", None, {"id": doc.id, "file": meta.get("file")})
        return True

    def _position(self, doc_id: str) -> int:
        row = self.db.execute("SELECT position FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return int(row[0])

    def _insert_spans(
        self, doc_id: str, entities: Iterable[Entity], quotes: Iterable[Quote]
    ) -> None:
        by_offsets: dict[tuple[int, int], int] = {}
        for ent in entities:
            new = self._insert_entity(doc_id, ent)
            by_offsets.setdefault((ent.start, ent.end), new)
        for quote in quotes:
            if quote.speaker is not None and quote.speaker.entity is None:
                link = by_offsets.get((quote.speaker.start, quote.speaker.end))
                quote = replace(quote, speaker=replace(quote.speaker, entity=link))
            self._insert_quote(doc_id, quote)

    def _insert_entity(self, doc_id: str, ent: Entity) -> int:
        # Plain SQL: sqlite-utils' insert() inspects the table on every call, which was
        # most of an import's database time (40 spans a document).
        cur = self.db.conn.execute(
            'INSERT INTO entities (id, doc_id, start, "end", label, text, normal, state,'
            " annotator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                ent.id,
                doc_id,
                ent.start,
                ent.end,
                ent.label,
                ent.text,
                ent.normal,
                ent.state,
                ent.annotator,
            ],
        )
        return int(cur.lastrowid)  # type: ignore[arg-type]

    def _insert_quote(self, doc_id: str, q: Quote) -> int:
        s = q.speaker
        cur = self.db.conn.execute(
            'INSERT INTO quotes (id, doc_id, start, "end", text, speaker_start, speaker_end,'
            " speaker_text, speaker_normal, speaker_entity, state, annotator)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                q.id,
                doc_id,
                q.start,
                q.end,
                q.text,
                s.start if s else None,
                s.end if s else None,
                s.text if s else None,
                s.normal if s else None,
                s.entity if s else None,
                q.state,
                q.annotator,
            ],
        )
        return int(cur.lastrowid)  # type: ignore[arg-type]

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
            self._log(
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
            last = self._position(batch[-1][0])

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
            self._log(doc_id, "set status", {"status": old}, {"status": status}, annotator)
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

    # -- log and figures -------------------------------------------------------------

    def _log(
        self,
        doc_id: str | None,
        action: str,
        before: Any,
        after: Any,
        annotator: str | None = None,
        operation: str | None = None,
    ) -> None:
        # Plain SQL: sqlite-utils' insert() inspects the table on every call, and this
        # runs once per span of every edit.
        self.db.execute(
            "INSERT INTO events (doc_id, at, annotator, action, operation, before, after)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                doc_id,
                now(),
                annotator,
                action,
                operation,
                None if before is None else json.dumps(before, ensure_ascii=False),
                None if after is None else json.dumps(after, ensure_ascii=False),
            ],
        )

    def events(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        """The event log, oldest first (for one document, or all)."""
        sql = "SELECT id, doc_id, at, annotator, action, operation, before, after FROM events"
        params = [doc_id] if doc_id else []
        rows = self.db.execute(
            sql + (" WHERE doc_id = ?" if doc_id else "") + " ORDER BY id", params
        )
        keys = ("id", "doc_id", "at", "annotator", "action", "operation", "before", "after")
        out = []
        for r in rows:
            ev = dict(zip(keys, r))
            for k in ("before", "after"):
                ev[k] = json.loads(ev[k]) if ev[k] else None
            out.append(ev)
        return out

    def backup_to(self, out: str | Path) -> None:
        """A consistent copy of the database, safe while others use it."""
        backup(self.db.conn, Path(out))
