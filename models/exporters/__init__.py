"""Exporters: the corpus as training data. Only native jsonl so far."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from models.jsonshape import document_to_json
from models.store import Store


@dataclass(frozen=True)
class ExportOptions:
    """Which documents and annotations to export."""

    statuses: list[str] | None = None
    labels: frozenset[str] | None = None
    split: str | None = None
    seed: int = 0
    include_model: bool = False


@dataclass
class ExportReport:
    """How many documents went out, and what the format could not hold."""

    documents: int = 0
    notes: list[str] = field(default_factory=list)


def export(store: Store, fmt: str, out: Path, options: ExportOptions,
           progress: Callable[[int, object], None] | None = None) -> ExportReport:
    """Write the selected documents to ``out`` in format ``fmt``."""
    if fmt != "jsonl":
        raise ValueError(f"format {fmt!r} is not available yet")
    report = ExportReport()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for doc in store.iter_documents(options.statuses):
            if options.include_model:
                doc = store.predictions(doc.id)
            fh.write(json.dumps(document_to_json(doc), ensure_ascii=False) + "\n")
            report.documents += 1
            if progress:
                progress(report.documents, report)
    return report
