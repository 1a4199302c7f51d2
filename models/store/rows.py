"""Rows to values and back for the store: column lists, converters, span inserts, the
list row type.

Shared by the store's modules (store.py, spans.py, lists.py, log.py), which together are
the only code that knows table names or writes SQL.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

from models.spans import Entity, Quote, Speaker
from models.store.dbopen import SafeDatabase

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
    versions: tuple[tuple[str, str], ...] = ()  # (annotator, status) in a team database


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
    out = {f: getattr(span, f) for f in span.__slots__}
    if isinstance(span, Quote) and span.speaker is not None:
        out["speaker"] = {f: getattr(span.speaker, f) for f in span.speaker.__slots__}
    return out


def _span_json(span: Entity | Quote) -> str:
    return json.dumps(asdict(span), ensure_ascii=False)


def position(db: SafeDatabase, doc_id: str) -> int:
    """A document's place in import order (KeyError when it is not stored)."""
    row = db.execute("SELECT position FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is None:
        raise KeyError(doc_id)
    return int(row[0])


def insert_entity(db: SafeDatabase, doc_id: str, ent: Entity) -> int:
    """Insert one entity row (keeping ``ent.id`` when given); returns its id."""
    # Plain SQL: sqlite-utils' insert() inspects the table on every call, which was
    # most of an import's database time (40 spans a document).
    cur = db.conn.execute(
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


def insert_quote(db: SafeDatabase, doc_id: str, q: Quote) -> int:
    """Insert one quote row with its speaker columns; returns its id."""
    s = q.speaker
    speaker = [s.start, s.end, s.text, s.normal, s.entity] if s else [None] * 5
    cur = db.conn.execute(
        'INSERT INTO quotes (id, doc_id, start, "end", text, speaker_start, speaker_end,'
        " speaker_text, speaker_normal, speaker_entity, state, annotator)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [q.id, doc_id, q.start, q.end, q.text, *speaker, q.state, q.annotator],
    )
    return int(cur.lastrowid)  # type: ignore[arg-type]
