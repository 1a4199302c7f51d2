"""Label Studio tasks JSON, with the labeling config XML that opens them.

One task per document: ``data`` holds the text and the document's id, status and meta
(shown as columns in Label Studio's data manager); the curated spans are the task's
``annotations`` and the model's untouched snapshot its ``predictions``, so a reviewer
sees both. Quotes are regions labelled QUOTE; the speaker is a ``relation`` from the
quote to the entity region at the same offsets, or to a SPEAKER region when no entity is
there. Normal forms ride in each region's ``meta.text``. A document still ``new`` with
no human edit has not been reviewed, so it gets predictions only; a ``skipped`` one a
cancelled annotation. Offsets are code points, which is what Label Studio stores.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from models.io.exporters.common import ExportOptions, ExportReport, Item
from models.io.safe_files import create_new
from models.labels import load_labels
from models.spans import Document

SUFFIX = ".json"
FROM_NAME, TO_NAME, RELATION = "label", "text", "speaker"
MODEL_VERSION = "razmetka-natasha"
RESERVED = ("text", "razmetka_id", "status")
WITH_MODEL = True  # predictions come from the model snapshot


def labeling_config(labels: list[str]) -> str:
    """The project's labeling config: entity labels, QUOTE, SPEAKER and the relation."""
    ls = load_labels()
    rows = [(lb.name, lb.color, lb.hotkey) for lb in ls.entities if lb.name in labels]
    rows += [
        (ls.quote.name, ls.quote.color, ls.quote.hotkey),
        (ls.speaker.name, ls.speaker.color, ls.speaker.hotkey),
    ]
    items = "".join(
        f"    <Label value={quoteattr(name)} background={quoteattr(color)}"
        f" hotkey={quoteattr(key.lower())}/>\n"
        for name, color, key in rows
    )
    return (
        f'<View>\n  <Relations>\n    <Relation value="{RELATION}"/>\n  </Relations>\n'
        f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">\n{items}  </Labels>\n'
        f'  <Text name="{TO_NAME}" value="$text"/>\n</View>\n'
    )


def _region(
    rid: str, doc: Document, start: int, end: int, label: str, normal: str
) -> dict[str, Any]:
    text = doc.text[start:end]
    region: dict[str, Any] = {
        "id": rid,
        "from_name": FROM_NAME,
        "to_name": TO_NAME,
        "type": "labels",
        "value": {"start": start, "end": end, "text": text, "labels": [label]},
    }
    if normal and normal != text:
        region["meta"] = {"text": [normal]}
    return region


def result(doc: Document) -> list[dict[str, Any]]:
    """Label Studio result items for a document's spans, with speaker relations."""
    ls = load_labels()
    out: list[dict[str, Any]] = []
    by_offsets: dict[tuple[int, int], str] = {}
    for n, e in enumerate(doc.entities, 1):
        out.append(_region(f"e{n}", doc, e.start, e.end, e.label, e.normal))
        by_offsets.setdefault((e.start, e.end), f"e{n}")
    relations = []
    for n, q in enumerate(doc.quotes, 1):
        out.append(_region(f"q{n}", doc, q.start, q.end, ls.quote.name, ""))
        s = q.speaker
        if s is None:
            continue
        who = by_offsets.get((s.start, s.end))
        if who is None:
            who = f"s{n}"
            out.append(_region(who, doc, s.start, s.end, ls.speaker.name, s.normal))
        relations.append(
            {
                "from_id": f"q{n}",
                "to_id": who,
                "type": "relation",
                "direction": "right",
                "labels": [RELATION],
            }
        )
    return out + relations


def task(item: Item, include_model: bool, n: int = 1) -> dict[str, Any]:
    """Label Studio task ``n`` of the file for a document, with ids as Label Studio's own
    export has them (the task's, its annotation's and its prediction's: ``n``)."""
    doc = item.doc
    data = {"text": doc.text, "razmetka_id": doc.id, "status": doc.status}
    data.update({k: v for k, v in doc.meta.items() if k not in RESERVED})
    out: dict[str, Any] = {"id": n, "data": data}
    touched = any(s.origin == "human" for s in (*doc.entities, *doc.quotes))
    if not include_model and (doc.status != "new" or touched):
        out["annotations"] = [
            {
                "id": n,
                "task": n,
                "result": result(doc),
                "was_cancelled": doc.status == "skipped",
                "ground_truth": False,
            }
        ]
    model = item.model if item.model is not None else doc
    out["predictions"] = [
        {"id": n, "task": n, "model_version": MODEL_VERSION, "result": result(model)}
    ]
    return out


class Writer:
    """Streams a JSON array of tasks to ``path`` and writes the config beside it."""

    def __init__(self, path: Path, options: ExportOptions, report: ExportReport) -> None:
        self._fh = create_new(path)
        self._fh.write("[")
        self._count = 0
        self._include_model = options.include_model
        report.files.append(path)
        labels = [
            lb.name
            for lb in load_labels().entities
            if options.labels is None or lb.name in options.labels
        ]
        config = path.with_name(path.stem + ".config.xml")
        with create_new(config) as fh:
            fh.write(labeling_config(labels))
        report.files.append(config)

    def write(self, item: Item) -> None:
        """Append one task."""
        self._fh.write("\n" if self._count == 0 else ",\n")
        self._count += 1
        record = task(item, self._include_model, self._count)
        self._fh.write(json.dumps(record, ensure_ascii=False))

    def close(self) -> None:
        """Close the array and the file."""
        self._fh.write("\n]\n")
        self._fh.close()
