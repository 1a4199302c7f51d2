"""Prodigy JSONL: one task per document with tokens and token-aligned entity spans.

Tokens carry ``start``/``end``/``id``/``ws``; spans carry character offsets and
``token_start``/``token_end`` (inclusive, as Prodigy counts), so ``prodigy db-in`` and
the ner recipes read the file as it is. Prodigy's NER spans may not overlap: nested
entities are left out, and quotes and speakers have no place in an NER task; both are
counted in the export notes. ``answer`` is ``accept`` for reviewed documents and
``ignore`` for skipped ones; ``meta`` carries the document id, status and metadata.
"""

from __future__ import annotations

import json
from typing import Any

from models.io.exporters.common import (
    ExportReport,
    Item,
    LineWriter,
    note_no_quotes,
    note_normal_forms,
)
from models.io.exporters.tokens import sentences, token_spans

SUFFIX = ".jsonl"
PROSE = True  # the noise is cut out (outgoing.without_noise)


def task(item: Item, report: ExportReport) -> dict[str, Any]:
    """The Prodigy task for one document."""
    doc = item.doc
    flat = [t for s in sentences(doc.text) for t in s]
    tokens = [
        {
            "text": t.text,
            "start": t.start,
            "end": t.end,
            "id": i,
            "ws": t.end < len(doc.text) and doc.text[t.end].isspace(),
        }
        for i, t in enumerate(flat)
    ]
    spans = [
        {
            "start": flat[first].start,
            "end": flat[stop - 1].end,
            "token_start": first,
            "token_end": stop - 1,
            "label": e.label,
        }
        for first, stop, e in token_spans(flat, doc.entities, report, "Prodigy")
    ]
    meta = {"id": doc.id, "status": doc.status, **doc.meta}
    return {
        "text": doc.text,
        "tokens": tokens,
        "spans": spans,
        "meta": meta,
        "answer": "ignore" if doc.status == "skipped" else "accept",
    }


class Writer(LineWriter):
    """Writes one Prodigy task a line to ``path``."""

    def write(self, item: Item) -> None:
        """Append one document."""
        doc, report = item.doc, self._report
        note_no_quotes(report, doc, "a Prodigy NER task")
        note_normal_forms(report, doc, "Prodigy")
        record = task(item, report)
        report.count(item.part, [span["label"] for span in record["spans"]])
        report.count(item.part, {"tokens": len(record["tokens"])})
        self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
