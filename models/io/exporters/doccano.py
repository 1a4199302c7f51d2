"""doccano JSONL for a sequence labeling project with relations.

One record a line: ``text``, ``entities`` (id, label, start_offset, end_offset) and
``relations`` (id, from_id, to_id, type); other keys (razmetka_id, status, meta fields)
are kept by doccano as the example's metadata. Quotes are entities labelled QUOTE and
the speaker a ``speaker`` relation from the quote to the entity at the same offsets, or
to a SPEAKER entity. doccano counts offsets in UTF-16 code units (its browser front end
does; doccano issue #2290), so offsets are converted after any emoji. Enable "Allow
overlapping spans" in the doccano project: quotes contain entities.
"""

from __future__ import annotations

import json
from typing import Any

from models.io.exporters.common import (
    Item,
    LineWriter,
    note_normal_forms,
    utf16_offsets,
)
from models.labels import load_labels
from models.spans import Document

SUFFIX = ".jsonl"
RELATION = "speaker"
RESERVED = ("text", "entities", "relations", "razmetka_id", "status", "id", "label")


def record(doc: Document) -> dict[str, Any]:
    """The doccano record for one document."""
    ls = load_labels()
    table = utf16_offsets(doc.text)

    def unit(i: int) -> int:
        return table[i] if table else i

    entities: list[dict[str, Any]] = []
    by_offsets: dict[tuple[int, int], int] = {}

    def add(label: str, start: int, end: int) -> int:
        entities.append(
            {
                "id": len(entities) + 1,
                "label": label,
                "start_offset": unit(start),
                "end_offset": unit(end),
            }
        )
        return len(entities)

    for e in doc.entities:
        by_offsets.setdefault((e.start, e.end), add(e.label, e.start, e.end))
    relations: list[dict[str, Any]] = []
    for q in doc.quotes:
        quote = add(ls.quote.name, q.start, q.end)
        s = q.speaker
        if s is not None:
            who = by_offsets.get((s.start, s.end)) or add(ls.speaker.name, s.start, s.end)
            relations.append(
                {"id": len(relations) + 1, "from_id": quote, "to_id": who, "type": RELATION}
            )
    out: dict[str, Any] = {
        "text": doc.text,
        "entities": entities,
        "relations": relations,
        "razmetka_id": doc.id,
        "status": doc.status,
    }
    out.update({k: v for k, v in doc.meta.items() if k not in RESERVED})
    return out


class Writer(LineWriter):
    """Writes one doccano record a line to ``path``."""

    def write(self, item: Item) -> None:
        """Append one document."""
        doc = item.doc
        note_normal_forms(self._report, doc, "doccano")
        self._fh.write(json.dumps(record(doc), ensure_ascii=False) + "\n")
