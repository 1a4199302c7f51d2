"""Spans in the store: reading them, and applying a user's edit as one transaction.

``Store.spans`` is one of these. An edit arrives as a list of ``Change``s (each span
before and after, with its id); it is written whole, with its event-log rows, or not at
all, and a span that no longer matches what the edit expects makes it refuse.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from models.changes import Change, Span
from models.overlap import overlap_message, overlapping_quote, short
from models.spans import Entity, Quote
from models.store.dbopen import SafeDatabase
from models.store.log import EventLog
from models.store.rows import (
    _ENTITY_COLS,
    _QUOTE_COLS,
    _SHORT,
    _as_json,
    _entity,
    _quote,
    _span_json,
    insert_entity,
    insert_quote,
)
from models.store.schema import StoreError

ELSEWHERE = "in another window or process"


class ConflictError(StoreError):
    """An edit refused because the spans it changes are no longer as it saw them.

    Another window or process changed them meanwhile; nothing was written. ``doc_id``
    is the document concerned (when known), which a window should read again.
    """

    def __init__(self, reason: str, doc_id: str | None = None) -> None:
        super().__init__(f"not applied — {reason}")
        self.doc_id = doc_id


def describe(span: Span) -> str:
    """A span as a message names it: «words» (LABEL), or the quote «words»."""
    if isinstance(span, Quote):
        return f"the quote «{short(span.text)}»"
    return f"«{short(span.text)}» ({span.label})"


def _made_speaker(quote_text: str) -> str:
    return f"was made the speaker of the quote «{short(quote_text)}» {ELSEWHERE}"


def _speaker_of(q: Quote) -> str:
    return f"the speaker «{short(q.speaker.text if q.speaker else '')}» of {describe(q)}"


def _new_link(before: Span | None, q: Quote) -> int | None:
    """The entity a quote's speaker links to when the change sets (or moves) it."""
    was = before.speaker if isinstance(before, Quote) else None
    return q.speaker.entity if q.speaker is not None and q.speaker != was else None


class SpanTable:
    """Entity and quote rows: look-ups by id, position, state and label; edits."""

    def __init__(self, db: SafeDatabase, log: EventLog) -> None:
        self.db = db
        self.log = log

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
        """The document an entity belongs to (KeyError when it is not stored)."""
        row = self.db.execute("SELECT doc_id FROM entities WHERE id = ?", [entity_id]).fetchone()
        if row is None:
            raise KeyError(entity_id)
        return str(row[0])

    def add_entity(self, doc_id: str, ent: Entity, annotator: str | None = None) -> Entity:
        """Insert an entity (keeping ``ent.id`` when given, as undo needs)."""
        with self.db.atomic():
            ent = replace(ent, id=insert_entity(self.db, doc_id, ent))
            self.log.write(doc_id, "add entity", None, json.loads(_span_json(ent)), annotator)
        return ent

    def update_entity(self, new: Entity, annotator: str | None = None) -> Entity:
        """Replace an entity's fields (same id); returns the previous value."""
        if new.id is None:
            raise ValueError("an entity to update needs its id")
        with self.db.atomic():
            old = self.entity(new.id)
            self._update_entity_row(new)
            self.log.write(
                self.doc_of_entity(new.id),
                "change entity",
                json.loads(_span_json(old)),
                json.loads(_span_json(new)),
                annotator,
            )
        return old

    def _update_entity_row(self, new: Entity) -> None:
        # Plain SQL: sqlite-utils' update() inspects the table on every call.
        self.db.execute(
            'UPDATE entities SET start = ?, "end" = ?, label = ?, text = ?, normal = ?,'
            " state = ?, annotator = ? WHERE id = ?",
            [new.start, new.end, new.label, new.text, new.normal, new.state, new.annotator, new.id],
        )

    def delete_entity(self, entity_id: int, annotator: str | None = None) -> Entity:
        """Remove an entity; quotes it spoke keep their speaker text but lose the link."""
        with self.db.atomic():
            old = self.entity(entity_id)
            doc_id = self.doc_of_entity(entity_id)
            self.db.execute("DELETE FROM entities WHERE id = ?", [entity_id])
            self.log.write(doc_id, "delete entity", json.loads(_span_json(old)), None, annotator)
        return old

    def doc_of_quote(self, quote_id: int) -> str:
        """The document a quote belongs to (KeyError when it is not stored)."""
        row = self.db.execute("SELECT doc_id FROM quotes WHERE id = ?", [quote_id]).fetchone()
        if row is None:
            raise KeyError(quote_id)
        return str(row[0])

    # -- edits: one user-level edit is one transaction ---------------------------------

    def apply_changes(
        self, changes: Iterable[Change], annotator: str | None = None, operation: str | None = None
    ) -> tuple[Change, ...]:
        """Apply one edit's span changes atomically; returns them with inserted ids set.

        Inside the write transaction each span is checked against its stored row, so the
        log's ``before`` is what really was there: a span that is no longer what
        ``before`` says (changed elsewhere meanwhile), a restored span already back, an
        entity that a quote outside the edit now names as its speaker, a speaker link to
        an entity gone or moved, or a quote that would overlap another makes the whole
        edit refused with ConflictError, and nothing is written. Inserts keep a given id,
        so undoing a delete restores the same span.
        """
        done = []
        try:
            with self.db.atomic():
                for change in changes:
                    done.append(self._apply_change(change, annotator, operation))
                for change in done:
                    self._check_links(change)
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"edit refused by the database: {exc}") from None
        return tuple(done)

    def _apply_change(self, ch: Change, annotator: str | None, operation: str | None) -> Change:
        kind = "quote" if ch.is_quote else "entity"
        self._check_before(kind, ch)
        after = ch.after
        if after is not None and ch.before is not None and after.id != ch.before.id:
            raise StoreError(f"{kind} {ch.before.id}: a change cannot give a span a new id")
        if isinstance(after, Quote):
            self._check_quote(ch.doc_id, ch.before, after)
        if isinstance(after, Entity) and ch.before is not None:
            # An UPDATE, not delete + insert: deleting would unlink the quotes it speaks.
            self._update_entity_row(after)
        else:
            if ch.before is not None:
                table = "quotes" if kind == "quote" else "entities"
                if kind == "entity":
                    self._check_unlinked(ch.doc_id, ch.before)
                self.db.execute(f"DELETE FROM {table} WHERE id = ?", [ch.before.id])
            if isinstance(after, Quote):
                after = replace(after, id=insert_quote(self.db, ch.doc_id, after))
            elif isinstance(after, Entity):
                after = replace(after, id=insert_entity(self.db, ch.doc_id, after))
        verb = {"added": "add", "removed": "delete", "changed": "change"}[ch.kind]
        self.log.write(
            ch.doc_id, f"{verb} {kind}", _as_json(ch.before), _as_json(after), annotator, operation
        )
        return Change(ch.doc_id, ch.before, after)

    # -- the checks that make the log's "before" true ----------------------------------

    def _check_before(self, kind: str, ch: Change) -> None:
        """The stored row is ``before`` (and a span restored under its id is not back)."""
        if ch.before is not None:
            stored = self._stored(kind, ch.doc_id, ch.before.id)
            if stored != ch.before:
                done = "deleted" if stored is None else "changed"
                raise ConflictError(f"{describe(ch.before)} was {done} {ELSEWHERE}", ch.doc_id)
        elif (
            ch.after is not None
            and ch.after.id is not None
            and self._stored(kind, ch.doc_id, ch.after.id) is not None
        ):
            raise ConflictError(f"{describe(ch.after)} was put back {ELSEWHERE}", ch.doc_id)

    def _check_unlinked(self, doc_id: str, ent: Span) -> None:
        """No quote outside the edit names this entity as its speaker.

        The edit unlinks the quotes it knows of first; a quote still linked was linked
        elsewhere meanwhile, and deleting the entity would unlink it silently (the
        foreign key's ON DELETE SET NULL), with no line in the log.
        """
        row = self.db.execute(
            "SELECT text FROM quotes WHERE speaker_entity = ? LIMIT 1", [ent.id]
        ).fetchone()
        if row is not None:
            raise ConflictError(f"{describe(ent)} {_made_speaker(row[0])}", doc_id)

    def _check_quote(self, doc_id: str, before: Span | None, q: Quote) -> None:
        """A quote written overlaps no other, and links only to an entity that exists."""
        if before is None or (before.start, before.end) != (q.start, q.end):
            found = self.quotes_overlapping(doc_id, q.start, q.end)
            other = overlapping_quote(found, q.start, q.end, q.id)
            if other is not None:
                raise ConflictError(overlap_message(q.start, q.end, q.text, other), doc_id)
        link = _new_link(before, q)
        if link is not None and self._stored("entity", doc_id, link) is None:
            raise ConflictError(f"{_speaker_of(q)} was deleted {ELSEWHERE}", doc_id)

    def _check_links(self, ch: Change) -> None:
        """After the edit, every speaker link it touched has its entity's offsets."""
        after = ch.after
        if isinstance(after, Quote) and after.speaker is not None:
            link = _new_link(ch.before, after)
            ent = None if link is None else self._stored("entity", ch.doc_id, link)
            if link is not None and (
                ent is None or (ent.start, ent.end) != (after.speaker.start, after.speaker.end)
            ):
                raise ConflictError(f"{_speaker_of(after)} was changed {ELSEWHERE}", ch.doc_id)
        elif (
            isinstance(after, Entity)
            and ch.before is not None
            and (after.start, after.end) != (ch.before.start, ch.before.end)
        ):
            row = self.db.execute(
                "SELECT text FROM quotes WHERE speaker_entity = ?"
                " AND (speaker_start != ? OR speaker_end != ?) LIMIT 1",
                [after.id, after.start, after.end],
            ).fetchone()
            if row is not None:
                raise ConflictError(f"{describe(ch.before)} {_made_speaker(row[0])}", ch.doc_id)

    def _stored(self, kind: str, doc_id: str, span_id: int | None) -> Span | None:
        if kind == "quote":
            row = self.db.execute(
                f"SELECT {_QUOTE_COLS} FROM quotes WHERE id = ? AND doc_id = ?", [span_id, doc_id]
            ).fetchone()
            return _quote(row) if row else None
        row = self.db.execute(
            f"SELECT {_ENTITY_COLS} FROM entities WHERE id = ? AND doc_id = ?", [span_id, doc_id]
        ).fetchone()
        return _entity(row) if row else None

    def _overlapping(self, table: str, cols: str, doc_id: str, start: int, end: int) -> list[tuple]:
        """Rows of ``table`` overlapping ``[start, end)``, by two index range scans.

        ``start < end AND "end" > start`` alone scans every span before ``end``: half an
        article's spans per edit. Short spans that overlap start at most _SHORT before
        ``start`` (one bounded range); long ones are few and have their own index.
        """
        lo = start - _SHORT
        return self.db.execute(
            f"SELECT {cols} FROM {table} WHERE doc_id = ? AND start >= ? AND start < ?"
            f' AND "end" > ? UNION SELECT {cols} FROM {table} WHERE doc_id = ?'
            f' AND ("end" - start) > ? AND start < ? AND "end" > ? ORDER BY 2, 3 DESC',
            [doc_id, lo, end, start, doc_id, _SHORT, end, start],
        ).fetchall()

    def entities_overlapping(self, doc_id: str, start: int, end: int) -> list[Entity]:
        """The entities of a document that share a character with ``[start, end)``."""
        return list(map(_entity, self._overlapping("entities", _ENTITY_COLS, doc_id, start, end)))

    def quotes_overlapping(self, doc_id: str, start: int, end: int) -> list[Quote]:
        """The quotes of a document that share a character with ``[start, end)``."""
        return list(map(_quote, self._overlapping("quotes", _QUOTE_COLS, doc_id, start, end)))

    def next_in_state(
        self,
        doc_id: str,
        state: str,
        pos: int,
        backwards: bool = False,
        current: Span | None = None,
    ) -> Span | None:
        """The first entity or quote in ``state`` after ``current`` (or starting after ``pos``).

        Spans are walked in text order: start, then the longer first, entities before
        quotes, then id, so two suggestions that start at one character are both visited.
        """
        big = 1 << 62
        if current is not None:
            key = (current.start, -current.end, int(isinstance(current, Quote)), current.id or 0)
        else:
            key = (pos, -big if backwards else big, 0, 0)
        found: list[Span] = []
        for rank, table, cols in ((0, "entities", _ENTITY_COLS), (1, "quotes", _QUOTE_COLS)):
            row = self._next_row(table, cols, doc_id, state, key, rank, backwards)
            if row:
                found.append(_quote(row) if rank else _entity(row))
        if not found:
            return None
        pick = max if backwards else min
        return pick(found, key=lambda s: (s.start, -s.end, int(isinstance(s, Quote)), s.id))

    def _next_row(
        self,
        table: str,
        cols: str,
        doc_id: str,
        state: str,
        key: tuple[int, int, int, int],
        rank: int,
        backwards: bool,
    ) -> tuple | None:
        """The row of ``table`` whose walk key comes right after (before) ``key``."""
        start, neg_end, k_rank, k_id = key
        gt, order = ("<", "DESC") if backwards else (">", "ASC")
        if (rank > k_rank) != backwards and rank != k_rank:
            tie = "1"  # this table's spans come after (before) the key's kind at one place
        elif rank == k_rank:
            tie = f"id {gt} {int(k_id)}"
        else:
            tie = "0"
        where = f'(start {gt} ? OR (start = ? AND (-"end" {gt} ? OR (-"end" = ? AND {tie}))))'
        return self.db.execute(
            f"SELECT {cols} FROM {table} WHERE doc_id = ? AND state = ? AND {where}"
            f' ORDER BY start {order}, -"end" {order}, id {order} LIMIT 1',
            [doc_id, state, start, start, neg_end, neg_end],
        ).fetchone()

    def quotes_spoken_by(self, entity_id: int) -> list[Quote]:
        """The quotes whose speaker is linked to this entity."""
        rows = self.db.execute(
            f"SELECT {_QUOTE_COLS} FROM quotes WHERE speaker_entity = ?", [entity_id]
        ).fetchall()
        return list(map(_quote, rows))

    def normal_of(self, doc_id: str, label: str, text: str) -> str | None:
        """The normal form already given to this text with this label in the document."""
        row = self.db.execute(
            "SELECT normal FROM entities WHERE doc_id = ? AND label = ? AND text = ?"
            " AND normal != '' LIMIT 1",
            [doc_id, label, text],
        ).fetchone()
        return None if row is None else str(row[0])

    def entities_labelled(self, label: str, doc_id: str | None = None) -> list[tuple[str, Entity]]:
        """``(doc_id, entity)`` for every entity with this label, in one or all documents."""
        sql = f"SELECT doc_id, {_ENTITY_COLS} FROM entities WHERE label = ?"
        params: list[Any] = [label]
        if doc_id is not None:
            sql, params = sql + " AND doc_id = ?", [label, doc_id]
        rows = self.db.execute(sql + " ORDER BY doc_id, start", params).fetchall()
        return [(r[0], _entity(r[1:])) for r in rows]
