"""Batch import: read inputs, skip what is stored, pre-annotate the rest, store each.

Each document is committed on its own, so a killed import leaves only whole documents
and running it again adds exactly the missing ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from models.ingest import IngestError, load_paths
from models.pipeline import pre_annotate_many
from models.schema import StoreError
from models.spans import Document
from models.store import Store

Progress = Callable[[int, "ImportReport"], None]


@dataclass
class ImportReport:
    """What an import did; ``errors`` are one-line messages naming file and reason."""

    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def done(self) -> int:
        """Inputs handled so far, stored or not."""
        return len(self.added) + len(self.already) + len(self.errors)


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    jobs: int = 1,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportReport:
    """Import files and folders into ``store``; bad inputs are reported, not raised."""
    report = ImportReport()

    def fresh() -> Iterator[Document]:
        seen: set[str] = set()
        for item in load_paths(paths):
            if cancelled():
                return
            if isinstance(item, IngestError):
                report.errors.append(str(item))
            elif item.id in seen or store.has_document(item.id):
                report.already.append(item.id)
            else:
                seen.add(item.id)
                yield item
            if progress:
                progress(report.done, report)

    results = pre_annotate_many(fresh(), jobs)
    for curated, model, lemmas in results:
        try:
            stored = store.add_document(curated, model, lemmas)
        except StoreError as exc:
            # The disk is full or another program holds the lock: every later write
            # would fail the same way, so stop; what was stored stays stored.
            report.errors.append(f"{exc} (stopped after {len(report.added)} new documents)")
            break
        (report.added if stored else report.already).append(curated.id)
        if progress:
            progress(report.done, report)
        if cancelled():
            break
    close = getattr(results, "close", None)
    if close is not None:
        close()  # stops the worker pool at once on a cancel or a write error
    return report
