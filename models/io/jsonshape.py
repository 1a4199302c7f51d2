"""The one JSON shape of DESIGN.md: ``annotate`` output, native export and import.

Entity ids in JSON are per document (``e1``, ``e2`` … in text order); the database ids
stay inside the store. Reading checks every span against the text so a corrupt span is
refused with a reason instead of entering the corpus.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from typing import Any

from models.spans import STATUSES, Document, Entity, Quote, Speaker


class RecordError(ValueError):
    """A record that cannot be imported; the message is the reason, for one line."""


_SURROGATE = re.compile("[\ud800-\udfff]")
# What json raises besides JSONDecodeError: RecursionError past ~1,000 levels of
# nesting, ValueError for an integer longer than Python converts (4,300 digits).
JSON_ERRORS = (ValueError, RecursionError)


def json_problem(exc: Exception) -> str:
    """The one-line reason a text is not JSON razmetka can read."""
    if isinstance(exc, json.JSONDecodeError):
        return f"broken JSON ({exc.msg}, column {exc.colno})"
    if isinstance(exc, RecursionError):
        return "broken JSON (nested too deeply)"
    return "broken JSON (a number with too many digits)"


def _strings(obj: Any) -> Iterator[str]:
    stack = [obj]  # not recursive: a deep record must not exhaust the stack here
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def check_unicode(obj: Any) -> None:
    """Refuse a record holding a lone surrogate (``\\ud800``): not text, not storable."""
    for s in _strings(obj):
        m = _SURROGATE.search(s)
        if m:
            raise RecordError(
                f"the record holds a lone surrogate (\\u{ord(m.group()):04x}), which is not "
                "valid Unicode text"
            )


def content_id(text: str) -> str:
    """A document's identity: the hash of its (normalized) text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def document_to_json(doc: Document) -> dict[str, Any]:
    """The native JSON object for one document."""
    ids: dict[Any, str] = {}
    entities = []
    for n, e in enumerate(doc.entities, 1):
        ids[e.id if e.id is not None else (e.start, e.end)] = f"e{n}"
        ids.setdefault((e.start, e.end), f"e{n}")
        entities.append(
            {
                "id": f"e{n}",
                "start": e.start,
                "end": e.end,
                "label": e.label,
                "text": e.text,
                "normal": e.normal,
                "origin": e.origin,
                "annotator": e.annotator,
            }
        )
    quotes = []
    for n, q in enumerate(doc.quotes, 1):
        speaker = None
        if q.speaker is not None:
            s = q.speaker
            link = ids.get(s.entity) if s.entity is not None else ids.get((s.start, s.end))
            speaker = {
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "normal": s.normal,
                "entity": link,
            }
        quotes.append(
            {
                "id": f"q{n}",
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "speaker": speaker,
                "origin": q.origin,
                "annotator": q.annotator,
            }
        )
    meta = {k: v for k, v in doc.meta.items() if v not in (None, "")}
    return {
        "id": doc.id,
        "text": doc.text,
        "status": doc.status,
        "meta": meta,
        "entities": entities,
        "quotes": quotes,
    }


def _offsets(text: str, obj: Any, what: str) -> tuple[int, int]:
    if not isinstance(obj, dict):
        raise RecordError(f"{what} must be a JSON object")
    start, end = obj.get("start"), obj.get("end")
    if (
        not isinstance(start, int)
        or not isinstance(end, int)
        or isinstance(start, bool)
        or isinstance(end, bool)
    ):
        raise RecordError(f"{what} without integer start/end")
    if not 0 <= start < end <= len(text):
        raise RecordError(f"{what} offsets {start}-{end} outside the text (length {len(text)})")
    if "text" in obj and obj["text"] is not None and obj["text"] != text[start:end]:
        raise RecordError(
            f"{what} {start}-{end} says {obj['text']!r} but the text there is {text[start:end]!r}"
        )
    return start, end


def _list(obj: dict[str, Any], key: str) -> list[Any]:
    value = obj.get(key) or []
    if not isinstance(value, list):
        raise RecordError(f'"{key}" must be a list')
    return value


def _normal(span: dict[str, Any], what: str) -> str:
    normal = span.get("normal")
    if normal is not None and not isinstance(normal, str):
        raise RecordError(f"{what} normal form {normal!r} is not text")
    return normal or ""


def _meta(obj: dict[str, Any]) -> dict[str, Any]:
    meta = obj.get("meta") or {}
    if not isinstance(meta, dict):
        raise RecordError('"meta" must be an object')
    for key in ("title", "date", "source", "file"):
        value = meta.get(key)
        if isinstance(value, (dict, list)):
            kind = "an object" if isinstance(value, dict) else "a list"
            raise RecordError(f"meta.{key} is {kind}, not text")
    return dict(meta)


def _annotator(span: dict[str, Any]) -> str | None:
    who = span.get("annotator")
    if who is not None and not isinstance(who, str):
        raise RecordError(f"annotator {who!r} is not a name")
    return who


def _name(span: Any, i: int) -> Any:
    return span.get("id", i) if isinstance(span, dict) else i


def document_from_json(
    obj: Any, labels: frozenset[str] | None = None, state: str = "imported"
) -> Document:
    """Build a Document from a native JSON object, validating every span.

    Spans in the record become gold with ``state`` (``imported``); a record with text
    only gives a document without spans, to be pre-annotated.
    """
    if not isinstance(obj, dict):
        raise RecordError("a record must be a JSON object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RecordError('no "text" in the record')
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    status = obj.get("status") or "new"
    if status not in STATUSES:
        raise RecordError(f"unknown status {status!r}")
    meta = _meta(obj)
    entities = []
    for i, e in enumerate(_list(obj, "entities"), 1):
        start, end = _offsets(text, e, f"entity {_name(e, i)}")
        label = e.get("label")
        if not isinstance(label, str) or not label or (labels is not None and label not in labels):
            raise RecordError(f"entity {_name(e, i)} has unknown label {label!r}")
        ent = Entity(
            start,
            end,
            label,
            text[start:end],
            _normal(e, f"entity {_name(e, i)}"),
            state=state,
            annotator=_annotator(e),
        )
        entities.append(ent)
    quotes = []
    for i, q in enumerate(_list(obj, "quotes"), 1):
        start, end = _offsets(text, q, f"quote {_name(q, i)}")
        speaker = None
        sp = q.get("speaker")
        if sp is not None:
            s_start, s_end = _offsets(text, sp, f"speaker of quote {_name(q, i)}")
            normal = _normal(sp, f"speaker of quote {_name(q, i)}")
            speaker = Speaker(s_start, s_end, text[s_start:s_end], normal)
        quotes.append(
            Quote(start, end, text[start:end], speaker, state=state, annotator=_annotator(q))
        )
    doc_id = content_id(text)
    return Document(doc_id, text, meta, status).with_annotations(entities, quotes)
