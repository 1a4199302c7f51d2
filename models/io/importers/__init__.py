"""Importers: gold annotations from razmetka's own JSONL, Label Studio, doccano and brat.

``import_files`` reads files and folders (the format recognized per file or record, or
forced), reports every bad record by file and line and imports the good ones. Spans that
come with a document become its curated gold (state ``imported``); the model still
pre-annotates each new document so the snapshot exists for model-vs-gold comparison
(Label Studio predictions, when present, are that snapshot instead). A document already
in the database is never duplicated: it is left alone, or with ``merge`` its curated
annotations (and status) are replaced by the imported ones.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from models.io.importers.common import Record
from models.io.importers.detect import FORMATS, read_paths
from models.io.ingest import IngestError
from models.io.printable import printable
from models.labels import load_labels
from models.spans import Document

__all__ = ["FORMATS", "ImportReport", "import_files"]


@dataclass
class ImportReport:
    """What an import did; ``errors`` are one-line messages naming file, line and reason."""

    added: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # stored documents that came with annotations, left alone for want of ``merge``
    not_merged: list[str] = field(default_factory=list)

    @property
    def done(self) -> int:
        """Inputs handled so far, stored or not."""
        return len(self.added) + len(self.merged) + len(self.already) + len(self.errors)


def _merge(store: Any, record: Record, report: ImportReport) -> None:
    doc = record.doc
    store.replace_annotations(doc)
    if store.document_status(doc.id) != doc.status:
        store.set_status(doc.id, doc.status)
    report.merged.append(doc.id)


def import_files(
    store: Any,
    paths: Iterable[str | Path],
    fmt: str = "auto",
    merge: bool = False,
    jobs: int = 1,
    progress: Callable[[int, ImportReport], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    labels: frozenset[str] | None = None,
    paragraphs: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import files and folders into ``store``; bad records are reported, not raised.

    Parameters
    ----------
    fmt : str
        ``auto`` (by file and record shape) or one of ``jsonl``, ``labelstudio``,
        ``doccano``, ``brat``.
    merge : bool
        Replace the curated annotations of documents already stored with the imported
        ones; without it such documents are counted as ``already`` and left alone.
    jobs : int
        Processes for the model's pre-annotation.
    paragraphs : callable, optional
        ``paragraphs(done, total)`` while a long document is pre-annotated; ``cancelled``
        is asked between its windows of paragraphs too.
    """
    labels = labels if labels is not None else load_labels().names
    report = ImportReport()
    pending: deque[Record] = deque()
    merges: deque[Record] = deque()
    # With jobs > 1 the pool reads this generator in its own thread: the store is
    # written only from the calling thread, so merges wait in a queue there.
    inline = jobs <= 1

    def tick() -> None:
        if progress:
            progress(report.done, report)

    def fresh() -> Iterator[Document]:
        seen: set[str] = set()
        for item in read_paths(paths, fmt, labels):
            if cancelled():
                return
            if isinstance(item, IngestError):
                report.errors.append(str(item))
            elif item.doc.id in seen:
                report.already.append(item.doc.id)
            elif store.has_document(item.doc.id):
                seen.add(item.doc.id)
                gold = bool(item.doc.entities or item.doc.quotes)
                if not (merge and gold):
                    report.already.append(item.doc.id)
                    if gold:
                        report.not_merged.append(item.doc.id)
                elif inline:
                    _merge(store, item, report)
                else:
                    merges.append(item)
            else:
                seen.add(item.doc.id)
                pending.append(item)
                yield item.doc
                continue
            tick()

    from models.pipeline import pre_annotate_many
    from models.store.schema import StoreError

    results = pre_annotate_many(fresh(), jobs, paragraphs, cancelled)
    try:
        for curated, model, lemmas in results:
            record = pending.popleft()
            if record.model is not None:
                model = record.model
                if not (record.doc.entities or record.doc.quotes):
                    curated = replace(record.model, status=record.doc.status)
            stored = store.add_document(curated, model, lemmas)
            (report.added if stored else report.already).append(curated.id)
            while merges:
                _merge(store, merges.popleft(), report)
            tick()
            if cancelled():
                break
        while merges:
            _merge(store, merges.popleft(), report)
            tick()
    except StoreError as exc:
        # The disk is full or another program holds the lock: every later write would
        # fail the same way, so stop; what was stored stays stored.
        report.errors.append(printable(f"{exc} (stopped after {len(report.added)} new documents)"))
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # stops the worker pool at once on a cancel or a write error
    return report
