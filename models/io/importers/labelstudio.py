"""Label Studio JSON exports: the newest annotation is the gold, predictions the snapshot.

Reads the tasks Label Studio exports as "JSON" (and the ones razmetka's exporter
writes): text regions (``type: labels``) with code point offsets, ``relation`` items
linking a quote to its speaker, normal forms from a region's ``meta.text``. A task
whose only annotations were cancelled is ``skipped``; one with none is ``new`` and its
predictions become the curated suggestions. Other result types (choices, text areas)
describe the whole task and are not spans; they are ignored.
"""

from __future__ import annotations

from typing import Any, TypeGuard

from models.io.importers.common import Record, Region, as_model, build_document, scalar_meta
from models.io.jsonshape import RecordError

RESERVED = ("text", "razmetka_id", "status")


def is_task(obj: Any) -> bool:
    """Whether a JSON record looks like a Label Studio task."""
    return isinstance(obj, dict) and isinstance(obj.get("data"), dict)


def _text(data: dict[str, Any]) -> str:
    text = data.get("text")
    if not isinstance(text, str):
        strings = [v for v in data.values() if isinstance(v, str) and v.strip()]
        text = max(strings, key=len) if len(strings) == 1 else None
    if not isinstance(text, str) or not text.strip():
        raise RecordError('task data has no "text"')
    return text


def _parse(result: Any, where: str) -> tuple[list[Region], list[tuple[str, str]]]:
    if not isinstance(result, list):
        raise RecordError(f"{where} has no result list")
    regions: list[Region] = []
    relations = []
    for n, item in enumerate(result, 1):
        if not isinstance(item, dict):
            raise RecordError(f"{where} result item {n} is not an object")
        if item.get("type") == "relation":
            labels = item.get("labels") or []
            if not isinstance(labels, list) or any(lb != "speaker" for lb in labels):
                raise RecordError(f"{where}: unknown relation label {labels!r}")
            relations.append((str(item.get("from_id")), str(item.get("to_id"))))
        elif item.get("type") == "labels":
            regions.append(_region(item, n, where))
    _no_repeats(regions, where)
    return regions, relations


def _region(item: dict[str, Any], n: int, where: str) -> Region:
    value, rid = item.get("value"), str(item.get("id", n))
    if not isinstance(value, dict):
        raise RecordError(f"{where} region {rid} value is not an object")
    start, end = value.get("start"), value.get("end")
    if not (_offset(start) and _offset(end)):
        raise RecordError(f"{where} region {rid} has no integer character offsets")
    labels = value.get("labels") or []
    if not isinstance(labels, list) or len(labels) != 1:
        raise RecordError(f"{where} region {rid} has {labels!r} as labels, not one label")
    meta = item.get("meta")
    normal = (meta.get("text") if isinstance(meta, dict) else None) or [""]
    text = value.get("text")
    return Region(
        rid,
        start,
        end,
        str(labels[0]),
        str(normal[0] if isinstance(normal, list) else normal),
        text if isinstance(text, str) else None,
    )


def _offset(x: Any) -> TypeGuard[int]:
    return isinstance(x, int) and not isinstance(x, bool)


def _no_repeats(regions: list[Region], where: str) -> None:
    """Refuse a region id used twice, or the same span with the same label twice."""
    ids: set[str] = set()
    spans: dict[tuple[int, int, str], str] = {}
    for r in regions:
        if r.rid in ids:
            raise RecordError(f"{where} region id {r.rid} appears twice")
        ids.add(r.rid)
        first = spans.setdefault((r.start, r.end, r.label), r.rid)
        if first != r.rid:
            raise RecordError(f"{where} region {r.rid} repeats region {first} (same span, label)")


def _newest(annotations: list[Any]) -> tuple[Any, bool]:
    """The most recent annotation that was not cancelled, and whether any was cancelled."""
    live = [a for a in annotations if isinstance(a, dict) and not a.get("was_cancelled")]
    cancelled = len(live) < len(annotations)
    if not live:
        return None, cancelled
    order = sorted(
        enumerate(live),
        key=lambda p: (str(p[1].get("updated_at") or p[1].get("created_at") or ""), p[0]),
    )
    return order[-1][1], cancelled


def read_task(obj: Any, labels: frozenset[str]) -> Record:
    """One task to a Record; raises RecordError for a bad one."""
    if not is_task(obj):
        raise RecordError('not a Label Studio task (no "data" object)')
    data = obj["data"]
    raw = _text(data)
    meta = scalar_meta(data, RESERVED)
    annotations = obj.get("annotations") or obj.get("completions") or []
    annotation, cancelled = _newest(annotations if isinstance(annotations, list) else [])
    status = data.get("status") if isinstance(data.get("status"), str) else None
    if status is None:
        status = "done" if annotation is not None else "skipped" if cancelled else "new"
    regions, relations = _parse(annotation.get("result"), "annotation") if annotation else ([], [])
    gold = build_document(
        raw, regions, relations, labels, status=status, meta=meta, state="imported"
    )
    model = None
    predictions = obj.get("predictions") or []
    if isinstance(predictions, list) and predictions and isinstance(predictions[0], dict):
        p_regions, p_relations = _parse(predictions[0].get("result", []), "prediction")
        snapshot = build_document(
            raw, p_regions, p_relations, labels, status=status, meta=meta, state="suggested"
        )
        model = as_model(snapshot)
    return Record(gold, model)
