"""doccano JSONL: sequence labeling (``label: [[start, end, label]]``) and relation
projects (``entities`` + ``relations``).

doccano's offsets are UTF-16 code units (its browser front end counts that way, see the
exporter), converted here to code points; an offset inside an emoji is refused. A plain
sequence labeling project does not allow overlapping spans, so a record in that shape
with overlapping spans is refused; relation projects may allow them (quotes contain
entities). QUOTE and SPEAKER labels and ``speaker`` relations give quotes and speakers.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from models.io.importers.common import Record, Region, build_document, scalar_meta
from models.io.jsonshape import RecordError

RESERVED = ("text", "entities", "relations", "label", "labels", "razmetka_id", "status", "id")
RELATION = "speaker"


def is_doccano(obj: Any) -> bool:
    """Whether a JSON record is in one of doccano's span shapes."""
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return False
    ents = obj.get("entities")
    if isinstance(ents, list) and ents and isinstance(ents[0], dict):
        return "start_offset" in ents[0]
    label = obj.get("label")
    return isinstance(label, list) and (not label or isinstance(label[0], list))


def _code_points(raw: str) -> dict[int, int]:
    table, unit = {}, 0
    for i, ch in enumerate(raw):
        table[unit] = i
        unit += 2 if ord(ch) >= 0x10000 else 1
    table[unit] = len(raw)
    return table


def _ints(rid: str, start: Any, end: Any) -> tuple[int, int]:
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        raise RecordError(f"span {rid} without integer offsets")
    return start, end


def _regions(obj: dict[str, Any]) -> tuple[list[Region], bool]:
    if isinstance(obj.get("entities"), list):
        out = []
        for n, e in enumerate(obj["entities"], 1):
            if not isinstance(e, dict):
                raise RecordError(f"entity {n} is not an object")
            rid = str(e.get("id", n))
            start, end = _ints(rid, e.get("start_offset"), e.get("end_offset"))
            out.append(Region(rid, start, end, str(e.get("label", ""))))
        return out, False
    out = []
    for n, e in enumerate(obj.get("label") or [], 1):
        if not isinstance(e, list) or len(e) != 3:
            raise RecordError(f"label {n} is not [start, end, label]")
        start, end = _ints(str(n), e[0], e[1])
        out.append(Region(str(n), start, end, str(e[2])))
    return out, True


def read_record(obj: Any, labels: frozenset[str]) -> Record:
    """One doccano record to a Record; raises RecordError for a bad one."""
    if not is_doccano(obj) and not (isinstance(obj, dict) and isinstance(obj.get("text"), str)):
        raise RecordError('not a doccano record (no "text")')
    raw = obj["text"]
    regions, flat = _regions(obj)
    table = _code_points(raw) if any(ord(ch) >= 0x10000 for ch in raw) else None
    converted = []
    for r in regions:
        if table is not None:
            if r.start not in table or r.end not in table:
                raise RecordError(
                    f"span {r.rid} offsets {r.start}-{r.end} are not on character "
                    "boundaries (UTF-16)"
                )
            r = Region(r.rid, table[r.start], table[r.end], r.label)
        converted.append(r)
    if flat:
        ordered = sorted(converted, key=lambda r: (r.start, r.end))
        for a, b in pairwise(ordered):
            if b.start < a.end:
                raise RecordError(
                    f"spans {a.start}-{a.end} and {b.start}-{b.end} overlap "
                    "(doccano sequence labeling does not allow it)"
                )
    relations = []
    listed = obj.get("relations") or []
    if not isinstance(listed, list):
        raise RecordError('"relations" must be a list')
    for n, rel in enumerate(listed, 1):
        if not isinstance(rel, dict) or rel.get("type") != RELATION:
            raise RecordError(
                f"relation {n}: unknown type {rel.get('type') if isinstance(rel, dict) else rel!r}"
            )
        relations.append((str(rel.get("from_id")), str(rel.get("to_id"))))
    status = obj.get("status") if isinstance(obj.get("status"), str) else None
    doc = build_document(
        raw,
        converted,
        relations,
        labels,
        status=status,
        meta=scalar_meta(obj, RESERVED),
        state="imported",
    )
    return Record(doc)
