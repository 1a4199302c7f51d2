"""The SQLite store: the only module that knows table names or writes SQL.

Every write is one transaction that also appends to the event log, so an edit is on disk
the moment the call returns (WAL, synchronous=NORMAL is enough: a crash of the process
loses nothing committed). Methods are named by intent and return ``models.spans`` values.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from models.changes import Change
from models.dbopen import SafeDatabase, connect
from models.schema import StoreError, backup
from models.spans import Document, Entity, Noise, Quote, Speaker

_ENTITY_COLS = 'id, start, "end", label, text, normal, state, annotator'
# Spans up to this long are found by a start-bounded range scan (see _overlapping).
_SHORT = 1000
# A text query: words that must all occur, or groups of alternatives (one per group).
Search = str | Sequence[Sequence[str]] | None
_QUOTE_COLS = (
    'id, start, "end", text, speaker_start, speaker_end, speaker_text, speaker_normal, '
    "speaker_entity, state, annotator"
)


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One row of the document list."""

    id: str
    position: int
    title: str
    date: str
    status: str
    entities: int
    quotes: int


def now() -> str:
    """UTC time of an edit, ISO 8601 with milliseconds."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _entity(row: tuple) -> Entity:
    id_, start, end, label, text, normal, state, annotator = row
    return Entity(start, end, label, text, normal, id_, state, annotator)


def _quote(row: tuple) -> Quote:
    id_, start, end, text, s_start, s_end, s_text, s_normal, s_entity, state, ann = row
    speaker = None
    if s_start is not None:
        speaker = Speaker(s_start, s_end, s_text, s_normal or "", s_entity)
    return Quote(start, end, text, speaker, id_, state, ann)


def _as_json(span: Entity | Quote | None) -> Any:
    return None if span is None else json.loads(_span_json(span))


def _fts_word(word: str) -> str:
    return '"' + word.replace('"', "") + '"'


def _plain(span: Entity | Quote) -> dict[str, Any]:
    """``asdict`` for spans, without its recursive deep copy (a speaker is one level)."""
    out = {f: getattr(span, f) for f in span.__slots__}  # type: ignore[union-attr]
    if isinstance(span, Quote) and span.speaker is not None:
        out["speaker"] = {f: getattr(span.speaker, f) for f in span.speaker.__slots__}
    return out


def _span_json(span: Entity | Quote) -> str:
    return json.dumps(asdict(span), ensure_ascii=False)


class Store:
    """A razmetka database file (or an in-memory one for tests)."""

    def __init__(self, path: str | Path | None = None, readonly: bool = False,
                 timeout: float = 10.0) -> None:
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
                [doc.id, pos.fetchone()[0], doc.text, str(meta.get("title", "")),
                 str(meta.get("date", "")), str(meta.get("source", "")),
                 str(meta.get("file", "")), json.dumps(meta, ensure_ascii=False),
                 json.dumps([asdict(n) for n in doc.noise], ensure_ascii=False),
                 doc.status, stamp, stamp])
            self._insert_spans(doc.id, doc.entities, doc.quotes)
            if model is None:
                model = doc.with_annotations(
                    [e for e in doc.entities if e.state == "suggested"],
                    [q for q in doc.quotes if q.state == "suggested"],
                )
            self.db.conn.execute(
                "INSERT INTO predictions (doc_id, entities, quotes, created_at)"
                " VALUES (?, ?, ?, ?)",
                [doc.id, json.dumps([_plain(e) for e in model.entities], ensure_ascii=False),
                 json.dumps([_plain(q) for q in model.quotes], ensure_ascii=False), stamp])
            self.db.conn.execute(
                "INSERT INTO documents_fts (rowid, title, body, lemmas) VALUES (?, ?, ?, ?)",
                [self._position(doc.id), meta.get("title", ""), doc.text, search_lemmas])
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
            [ent.id, doc_id, ent.start, ent.end, ent.label, ent.text, ent.normal, ent.state,
             ent.annotator])
        return int(cur.lastrowid)  # type: ignore[arg-type]

    def _insert_quote(self, doc_id: str, q: Quote) -> int:
        s = q.speaker
        cur = self.db.conn.execute(
            'INSERT INTO quotes (id, doc_id, start, "end", text, speaker_start, speaker_end,'
            " speaker_text, speaker_normal, speaker_entity, state, annotator)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [q.id, doc_id, q.start, q.end, q.text, s.start if s else None,
             s.end if s else None, s.text if s else None, s.normal if s else None,
             s.entity if s else None, q.state, q.annotator])
        return int(cur.lastrowid)  # type: ignore[arg-type]

    def replace_annotations(self, doc: Document, annotator: str | None = None) -> None:
        """Make ``doc``'s spans the curated annotations of the stored document (merge)."""
        with self.db.atomic():
            before = self.document(doc.id)
            self.db.execute("DELETE FROM quotes WHERE doc_id = ?", [doc.id])
            self.db.execute("DELETE FROM entities WHERE doc_id = ?", [doc.id])
            self._insert_spans(doc.id, [replace(e, id=None) for e in doc.entities],
                               [replace(q, id=None) for q in doc.quotes])
            self._log(doc.id, "replace annotations",
                      {"entities": len(before.entities), "quotes": len(before.quotes)},
                      {"entities": len(doc.entities), "quotes": len(doc.quotes)}, annotator)

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
            f"SELECT {_ENTITY_COLS} FROM entities WHERE doc_id = ? ORDER BY start, \"end\" DESC",
            [doc_id],
        ).fetchall()
        quotes = self.db.execute(
            f'SELECT {_QUOTE_COLS} FROM quotes WHERE doc_id = ? ORDER BY start, "end"', [doc_id]
        ).fetchall()
        return Document(
            doc_id, text, json.loads(meta), status,
            tuple(map(_entity, ents)), tuple(map(_quote, quotes)),
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

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the file.

        ``PRAGMA data_version``: cheap enough to poll, so the window can show documents
        that another process (``main.py import``) added while it is open.
        """
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def count_documents(self, status: str | None = None, search: Search = None,
                        label: str | None = None, before: int | None = None) -> int:
        """How many documents match the list filter (positioned before ``before``)."""
        where, params = self._filter(status, search, label, before=before)
        return int(self.db.execute(f"SELECT count(*) FROM documents d {where}", params)
                   .fetchone()[0])

    def list_extent(self, status: str | None = None, search: Search = None,
                    label: str | None = None) -> tuple[int, int]:
        """How many documents match the list filter, and the last one's position (or 0).

        One scan for both: with the last position a list can tell later whether new
        documents were only appended after it (``count_documents(before=last + 1)``).
        """
        where, params = self._filter(status, search, label)
        if not (search or label):  # count(*) and max() are each an index lookup here
            last = self.db.execute(f"SELECT max(d.position) FROM documents d {where}",
                                   params).fetchone()[0]
            return self.count_documents(status), int(last or 0)
        count, last = self.db.execute(
            f"SELECT count(*), coalesce(max(d.position), 0) FROM documents d {where}", params
        ).fetchone()
        return int(count), int(last)

    def document_row(self, doc_id: str, status: str | None = None, search: Search = None,
                     label: str | None = None) -> int | None:
        """The row of ``doc_id`` in the filtered list, or None when it is not in it."""
        where, params = self._filter(status, search, label)
        where += (" AND " if where else " WHERE ") + "d.id = ?"
        row = self.db.execute(f"SELECT d.position FROM documents d {where}",
                              [*params, doc_id]).fetchone()
        return None if row is None else self.count_documents(status, search, label, row[0])

    def summaries(
        self, offset: int = 0, limit: int = 100, status: str | None = None,
        search: Search = None, label: str | None = None, after: int | None = None,
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
    def _filter(status: str | None, search: Search, label: str | None = None,
                after: int | None = None, before: int | None = None
                ) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if after is not None:
            clauses.append("d.position > ?")
            params.append(after)
        if before is not None:
            clauses.append("d.position < ?")
            params.append(before)
        if label:
            clauses.append("d.id IN (SELECT doc_id FROM entities WHERE label = ?)")
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
        row = self.db.execute("SELECT status FROM documents INDEXED BY documents_id_status"
                              " WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return str(row[0])

    # -- spans -----------------------------------------------------------------------

    def entity(self, entity_id: int) -> Entity:
        """One entity span by id."""
        row = self.db.execute(
            f"SELECT {_ENTITY_COLS} FROM entities WHERE id = ?", [entity_id]
        ).fetchone()
        if row is None:
            raise KeyError(entity_id)
        return _entity(row)

    def quote(self, quote_id: int) -> Quote:
        """One quote by id."""
        row = self.db.execute(f"SELECT {_QUOTE_COLS} FROM quotes WHERE id = ?", [quote_id])
        found = row.fetchone()
        if found is None:
            raise KeyError(quote_id)
        return _quote(found)

    def doc_of_entity(self, entity_id: int) -> str:
        """The document an entity belongs to."""
        return str(self.db.execute("SELECT doc_id FROM entities WHERE id = ?", [entity_id])
                   .fetchone()[0])

    def add_entity(self, doc_id: str, ent: Entity, annotator: str | None = None) -> Entity:
        """Insert an entity (keeping ``ent.id`` when given, as undo needs)."""
        with self.db.atomic():
            ent = replace(ent, id=self._insert_entity(doc_id, ent))
            self._log(doc_id, "add entity", None, json.loads(_span_json(ent)), annotator)
        return ent

    def update_entity(self, new: Entity, annotator: str | None = None) -> Entity:
        """Replace an entity's fields (same id); returns the previous value."""
        with self.db.atomic():
            old = self.entity(new.id)  # type: ignore[arg-type]
            self._update_entity_row(new)
            self._log(self.doc_of_entity(new.id), "change entity",  # type: ignore[arg-type]
                      json.loads(_span_json(old)), json.loads(_span_json(new)), annotator)
        return old

    def _update_entity_row(self, new: Entity) -> None:
        # Plain SQL: sqlite-utils' update() inspects the table on every call.
        self.db.execute(
            'UPDATE entities SET start = ?, "end" = ?, label = ?, text = ?, normal = ?,'
            " state = ?, annotator = ? WHERE id = ?",
            [new.start, new.end, new.label, new.text, new.normal, new.state, new.annotator,
             new.id])

    def delete_entity(self, entity_id: int, annotator: str | None = None) -> Entity:
        """Remove an entity; quotes it spoke keep their speaker text but lose the link."""
        with self.db.atomic():
            old = self.entity(entity_id)
            doc_id = self.doc_of_entity(entity_id)
            self.db.execute("DELETE FROM entities WHERE id = ?", [entity_id])
            self._log(doc_id, "delete entity", json.loads(_span_json(old)), None, annotator)
        return old

    def add_quote(self, doc_id: str, quote: Quote, annotator: str | None = None) -> Quote:
        """Insert a quote (keeping ``quote.id`` when given)."""
        with self.db.atomic():
            quote = replace(quote, id=self._insert_quote(doc_id, quote))
            self._log(doc_id, "add quote", None, json.loads(_span_json(quote)), annotator)
        return quote

    def update_quote(self, new: Quote, annotator: str | None = None) -> Quote:
        """Replace a quote's fields and speaker (same id); returns the previous value."""
        with self.db.atomic():
            old = self.quote(new.id)  # type: ignore[arg-type]
            doc_id = self._doc_of_quote(new.id)  # type: ignore[arg-type]
            self.db.execute("DELETE FROM quotes WHERE id = ?", [new.id])
            self._insert_quote(doc_id, new)
            self._log(doc_id, "change quote", json.loads(_span_json(old)),
                      json.loads(_span_json(new)), annotator)
        return old

    def delete_quote(self, quote_id: int, annotator: str | None = None) -> Quote:
        """Remove a quote; returns it so undo can put it back with the same id."""
        with self.db.atomic():
            old = self.quote(quote_id)
            doc_id = self._doc_of_quote(quote_id)
            self.db.execute("DELETE FROM quotes WHERE id = ?", [quote_id])
            self._log(doc_id, "delete quote", json.loads(_span_json(old)), None, annotator)
        return old

    def doc_of_quote(self, quote_id: int) -> str:
        """The document a quote belongs to."""
        return self._doc_of_quote(quote_id)

    def _doc_of_quote(self, quote_id: int) -> str:
        return str(self.db.execute("SELECT doc_id FROM quotes WHERE id = ?", [quote_id])
                   .fetchone()[0])

    # -- edits: one user-level edit is one transaction ---------------------------------

    def apply_changes(self, changes: Iterable[Change], annotator: str | None = None,
                      operation: str | None = None) -> tuple[Change, ...]:
        """Apply one edit's span changes atomically; returns them with inserted ids set.

        Each span is first checked against its stored row: when it is no longer what
        ``before`` says (edited elsewhere meanwhile), nothing is written and StoreError
        says so. Inserts keep a given id, so undoing a delete restores the same span.
        """
        done = []
        try:
            with self.db.atomic():
                for change in changes:
                    done.append(self._apply_change(change, annotator, operation))
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"edit refused by the database: {exc}") from None
        return tuple(done)

    def _apply_change(self, ch: Change, annotator: str | None, operation: str | None) -> Change:
        kind = "quote" if ch.is_quote else "entity"
        if ch.before is not None and self._stored(kind, ch.doc_id, ch.before.id) != ch.before:
            raise StoreError(f"{kind} {ch.before.id} was changed elsewhere; edit not applied")
        after = ch.after
        if after is not None and ch.before is not None and after.id != ch.before.id:
            raise StoreError(f"{kind} {ch.before.id}: a change cannot give a span a new id")
        if isinstance(after, Entity) and ch.before is not None:
            # An UPDATE, not delete + insert: deleting would unlink the quotes it speaks.
            self._update_entity_row(after)
        else:
            if ch.before is not None:
                table = "quotes" if kind == "quote" else "entities"
                self.db.execute(f"DELETE FROM {table} WHERE id = ?", [ch.before.id])
            if isinstance(after, Quote):
                after = replace(after, id=self._insert_quote(ch.doc_id, after))
            elif isinstance(after, Entity):
                after = replace(after, id=self._insert_entity(ch.doc_id, after))
        verb = {"added": "add", "removed": "delete", "changed": "change"}[ch.kind]
        self._log(ch.doc_id, f"{verb} {kind}", _as_json(ch.before), _as_json(after),
                  annotator, operation)
        return Change(ch.doc_id, ch.before, after)

    def _stored(self, kind: str, doc_id: str, span_id: int | None) -> Entity | Quote | None:
        if kind == "quote":
            row = self.db.execute(f"SELECT {_QUOTE_COLS} FROM quotes WHERE id = ? AND doc_id = ?",
                                  [span_id, doc_id]).fetchone()
            return _quote(row) if row else None
        row = self.db.execute(f"SELECT {_ENTITY_COLS} FROM entities WHERE id = ? AND doc_id = ?",
                              [span_id, doc_id]).fetchone()
        return _entity(row) if row else None

    def document_text(self, doc_id: str) -> str:
        """A document's text alone (no spans): cheap even for a 10,000-span article."""
        row = self.db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return str(row[0])

    def _overlapping(self, table: str, cols: str, doc_id: str, start: int, end: int
                     ) -> list[tuple]:
        """Rows of ``table`` overlapping ``[start, end)``, by two index range scans.

        ``start < end AND "end" > start`` alone scans every span before ``end``: half an
        article's spans per edit. Short spans that overlap start at most _SHORT before
        ``start`` (one bounded range); long ones are few and have their own index.
        """
        lo = start - _SHORT
        return self.db.execute(
            f'SELECT {cols} FROM {table} WHERE doc_id = ? AND start >= ? AND start < ?'
            f' AND "end" > ? UNION SELECT {cols} FROM {table} WHERE doc_id = ?'
            f' AND ("end" - start) > ? AND start < ? AND "end" > ? ORDER BY 2, 3 DESC',
            [doc_id, lo, end, start, doc_id, _SHORT, end, start]).fetchall()

    def entities_overlapping(self, doc_id: str, start: int, end: int) -> list[Entity]:
        """The entities of a document that share a character with ``[start, end)``."""
        return list(map(_entity, self._overlapping("entities", _ENTITY_COLS, doc_id,
                                                   start, end)))

    def quotes_overlapping(self, doc_id: str, start: int, end: int) -> list[Quote]:
        """The quotes of a document that share a character with ``[start, end)``."""
        return list(map(_quote, self._overlapping("quotes", _QUOTE_COLS, doc_id,
                                                  start, end)))

    def next_in_state(self, doc_id: str, state: str, pos: int, backwards: bool = False
                      ) -> Entity | Quote | None:
        """The first entity or quote in ``state`` starting after ``pos`` (before, backwards)."""
        cmp, order = ("<", "DESC") if backwards else (">", "ASC")
        found: list[Entity | Quote] = []
        for table, cols, make in (("entities", _ENTITY_COLS, _entity),
                                  ("quotes", _QUOTE_COLS, _quote)):
            row = self.db.execute(
                f"SELECT {cols} FROM {table} WHERE doc_id = ? AND start {cmp} ? AND state = ?"
                f" ORDER BY start {order} LIMIT 1", [doc_id, pos, state]).fetchone()
            if row:
                found.append(make(row))
        if not found:
            return None
        pick = max if backwards else min
        return pick(found, key=lambda s: (s.start, s.end))

    def quotes_spoken_by(self, entity_id: int) -> list[Quote]:
        """The quotes whose speaker is linked to this entity."""
        rows = self.db.execute(f"SELECT {_QUOTE_COLS} FROM quotes WHERE speaker_entity = ?",
                               [entity_id]).fetchall()
        return list(map(_quote, rows))

    def normal_of(self, doc_id: str, label: str, text: str) -> str | None:
        """The normal form already given to this text with this label in the document."""
        row = self.db.execute(
            "SELECT normal FROM entities WHERE doc_id = ? AND label = ? AND text = ?"
            " AND normal != '' LIMIT 1", [doc_id, label, text]).fetchone()
        return None if row is None else str(row[0])

    def entities_labelled(self, label: str, doc_id: str | None = None
                          ) -> list[tuple[str, Entity]]:
        """``(doc_id, entity)`` for every entity with this label, in one or all documents."""
        sql = f"SELECT doc_id, {_ENTITY_COLS} FROM entities WHERE label = ?"
        params: list[Any] = [label]
        if doc_id is not None:
            sql, params = sql + " AND doc_id = ?", [label, doc_id]
        rows = self.db.execute(sql + " ORDER BY doc_id, start", params).fetchall()
        return [(r[0], _entity(r[1:])) for r in rows]

    def next_document(self, doc_id: str, statuses: Sequence[str]) -> str | None:
        """The first document after ``doc_id`` (wrapping round) whose status is one of these."""
        marks = ", ".join("?" for _ in statuses)
        row = self.db.execute(
            f"SELECT id FROM documents WHERE status IN ({marks}) AND id != ?"
            " ORDER BY position <= ?, position LIMIT 1",
            [*statuses, doc_id, self._position(doc_id)]).fetchone()
        return None if row is None else str(row[0])

    # -- log and figures -------------------------------------------------------------

    def _log(self, doc_id: str | None, action: str, before: Any, after: Any,
             annotator: str | None = None, operation: str | None = None) -> None:
        # Plain SQL: sqlite-utils' insert() inspects the table on every call, and this
        # runs once per span of every edit.
        self.db.execute(
            "INSERT INTO events (doc_id, at, annotator, action, operation, before, after)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [doc_id, now(), annotator, action, operation,
             None if before is None else json.dumps(before, ensure_ascii=False),
             None if after is None else json.dumps(after, ensure_ascii=False)])

    def events(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        """The event log, oldest first (for one document, or all)."""
        sql = "SELECT id, doc_id, at, annotator, action, operation, before, after FROM events"
        params = [doc_id] if doc_id else []
        rows = self.db.execute(sql + (" WHERE doc_id = ?" if doc_id else "") + " ORDER BY id",
                               params)
        keys = ("id", "doc_id", "at", "annotator", "action", "operation", "before", "after")
        out = []
        for r in rows:
            ev = dict(zip(keys, r))
            for k in ("before", "after"):
                ev[k] = json.loads(ev[k]) if ev[k] else None
            out.append(ev)
        return out

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
