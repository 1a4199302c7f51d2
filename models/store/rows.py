"""Rows to values and back for the store: column lists, converters, the list row type.

Shared by the store's modules (store.py, store_list.py, store_spans.py), which together
are the only code that knows table names or writes SQL.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

from models.spans import Entity, Quote, Speaker

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
