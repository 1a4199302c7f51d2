"""Every value of an untrusted database row checked before it is kept.

SQLite's columns take any type, so a crafted file can put a blob where a text belongs, a
string where an offset belongs, offsets outside the text, a label nobody defined, or JSON
that is not JSON. Each function turns one raw row into a ``models.spans`` value or
raises ``Invalid`` with the reason in a few words; merge refuses the whole file then.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from models.io.jsonshape import content_id
from models.spans import STATES, STATUSES, Document, Entity, Noise, Quote, Speaker

NOISE_KINDS = ("caption", "ad", "repeat", "header")
_NAME = 200  # annotator names, labels, actions
_SHORT = 10_000  # normal forms, titles, operations


class Invalid(ValueError):
    """A row that razmetka would never have written."""


def text_value(value: Any, what: str, limit: int | None = _SHORT, empty: bool = True) -> str:
    """A string (not a blob, not a number), at most ``limit`` characters."""
    if not isinstance(value, str):
        raise Invalid(f"{what} is {type(value).__name__}, not text")
    if limit is not None and len(value) > limit:
        raise Invalid(f"{what} is longer than {limit} characters")
    if not empty and not value.strip():
        raise Invalid(f"{what} is empty")
    return value


def optional_text(value: Any, what: str, limit: int = _SHORT) -> str | None:
    """None, or a string as ``text_value`` wants it."""
    return None if value is None else text_value(value, what, limit)


def integer(value: Any, what: str) -> int:
    """An integer (a bool or a float is not one)."""
    if type(value) is not int:
        raise Invalid(f"{what} is {type(value).__name__}, not an integer")
    return value


def stamp(value: Any, what: str) -> str:
    """An ISO 8601 time as razmetka writes them."""
    text = text_value(value, what, 64)
    try:
        datetime.fromisoformat(text)
    except ValueError:
        raise Invalid(f"{what} is not a time ({text[:30]!r})") from None
    return text


def json_value(value: Any, what: str, kind: type | None = None) -> Any:
    """Parsed JSON text (of type ``kind`` when given)."""
    try:
        parsed = json.loads(text_value(value, what, None))
    except (ValueError, RecursionError):
        raise Invalid(f"{what} is not JSON") from None
    if kind is not None and not isinstance(parsed, kind):
        raise Invalid(f"{what} is not a JSON {kind.__name__}")
    return parsed


def offsets(start: Any, end: Any, length: int, what: str) -> tuple[int, int]:
    """``0 <= start < end <= length``."""
    s, e = integer(start, f"{what} start"), integer(end, f"{what} end")
    if not 0 <= s < e <= length:
        raise Invalid(f"{what} [{s}, {e}) is outside the text ({length} characters)")
    return s, e


def document(row: Sequence[Any]) -> tuple[Document, str]:
    """A document row (``untrusted.DOC_COLS``) as a Document and its ``updated_at``.

    The id must be the hash of the text, as every razmetka database makes it: a file
    cannot pass one text off under another document's id.
    """
    doc_id, text, title, date, source, file, meta, noise, status, created, updated = row
    doc_id = text_value(doc_id, "a document id", 64)
    what = f"document {doc_id}"
    text = text_value(text, f"{what} text", None)
    if content_id(text) != doc_id:
        raise Invalid(f"{what}: its id is not the hash of its text")
    for value, name in ((title, "title"), (date, "date"), (source, "source"), (file, "file")):
        text_value(value, f"{what} {name}")
    meta = json_value(meta, f"{what} meta", dict)
    if status not in STATUSES:
        raise Invalid(f"{what} status {str(status)[:20]!r} is not one of {', '.join(STATUSES)}")
    stamp(created, f"{what} created_at")
    spans = []
    for n in json_value(noise, f"{what} noise", list):
        if not isinstance(n, dict) or set(n) != {"start", "end", "kind"}:
            raise Invalid(f"{what} noise is not a list of ranges")
        if n["kind"] not in NOISE_KINDS:
            raise Invalid(f"{what} noise kind {str(n['kind'])[:20]!r} is unknown")
        spans.append(Noise(*offsets(n["start"], n["end"], len(text), f"{what} noise"), n["kind"]))
    return Document(doc_id, text, meta, status, noise=tuple(spans)), stamp(
        updated, f"{what} updated_at"
    )


def entity(row: Sequence[Any], text: str, labels: Collection[str]) -> Entity:
    """An entity row (``untrusted.ENTITY_COLS``) on ``text``."""
    ent_id, _doc, start, end, label, words, normal, state, annotator = row
    what = f"entity {integer(ent_id, 'an entity id')}"
    s, e = offsets(start, end, len(text), what)
    if label not in labels:
        raise Invalid(f"{what} label {str(label)[:20]!r} is not a known label")
    return Entity(
        s,
        e,
        label,
        _same_text(words, text, s, e, what),
        text_value(normal, f"{what} normal"),
        ent_id,
        _state(state, what),
        optional_text(annotator, f"{what} annotator", _NAME),
    )


def quote(row: Sequence[Any], text: str, entity_ids: Collection[int]) -> Quote:
    """A quote row (``untrusted.QUOTE_COLS``) on ``text``; its speaker link must be
    one of the document's ``entity_ids``."""
    q_id, _doc, start, end, words, ss, se, s_text, s_normal, s_entity, state, annotator = row
    what = f"quote {integer(q_id, 'a quote id')}"
    s, e = offsets(start, end, len(text), what)
    speaker = None
    if (ss, se, s_text, s_normal, s_entity) != (None,) * 5:
        sp_s, sp_e = offsets(ss, se, len(text), f"{what} speaker")
        if s_entity is not None and integer(s_entity, f"{what} speaker link") not in entity_ids:
            raise Invalid(f"{what} speaker links to an entity outside its document")
        speaker = Speaker(
            sp_s,
            sp_e,
            text_value(s_text, f"{what} speaker text"),
            optional_text(s_normal, f"{what} speaker normal") or "",
            s_entity,
        )
    return Quote(
        s,
        e,
        _same_text(words, text, s, e, what),
        speaker,
        q_id,
        _state(state, what),
        optional_text(annotator, f"{what} annotator", _NAME),
    )


def event(row: Sequence[Any], doc_ids: Collection[str]) -> tuple[Any, ...]:
    """An event row (``untrusted.EVENT_COLS``), checked; its JSON stays as written."""
    ev_id, doc_id, at, annotator, action, operation, before, after = row
    what = f"event {integer(ev_id, 'an event id')}"
    if doc_id is not None and doc_id not in doc_ids:
        raise Invalid(f"{what} names a document the file does not hold")
    for value, name in ((before, "before"), (after, "after")):
        if value is not None:
            json_value(value, f"{what} {name}")
    return (
        ev_id,
        doc_id,
        stamp(at, f"{what} time"),
        optional_text(annotator, f"{what} annotator", _NAME),
        text_value(action, f"{what} action", _NAME),
        optional_text(operation, f"{what} operation"),
        before,
        after,
    )


def predictions(raw: tuple[Any, Any], doc: Document, labels: Collection[str]) -> Document:
    """The model snapshot ``(entities JSON, quotes JSON)`` of ``doc``, checked."""
    what = f"document {doc.id} predictions"
    ents, quotes = [], []
    for n, e in enumerate(json_value(raw[0], what, list)):
        if not isinstance(e, dict):
            raise Invalid(f"{what} are not a list of spans")
        row = (n, None, e.get("start"), e.get("end"), e.get("label"), e.get("text"))
        ents.append(
            entity(
                (*row, e.get("normal", ""), e.get("state"), e.get("annotator")), doc.text, labels
            )
        )
    for n, q in enumerate(json_value(raw[1], what, list)):
        sp = q.get("speaker") if isinstance(q, dict) else None
        if not isinstance(q, dict) or not isinstance(sp, (dict, type(None))):
            raise Invalid(f"{what} are not a list of quotes")
        sp = sp or {}
        fields = [sp.get(k) for k in ("start", "end", "text", "normal")]
        cols = (n, None, q.get("start"), q.get("end"), q.get("text"), *fields, None)
        quotes.append(quote((*cols, q.get("state"), q.get("annotator")), doc.text, ()))
    ents = [
        Entity(e.start, e.end, e.label, e.text, e.normal, None, e.state, e.annotator) for e in ents
    ]
    quotes = [Quote(q.start, q.end, q.text, q.speaker, None, q.state, q.annotator) for q in quotes]
    return doc.with_annotations(ents, quotes)


def _same_text(words: Any, text: str, start: int, end: int, what: str) -> str:
    if words != text[start:end]:
        raise Invalid(f"{what} text is not the words at its offsets")
    return text[start:end]


def _state(state: Any, what: str) -> str:
    if state not in STATES:
        raise Invalid(f"{what} state {str(state)[:20]!r} is unknown")
    return str(state)
