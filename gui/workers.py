"""Background import and export: natasha and long writes run off the GUI thread.

Loading the models takes about a second and each article tens of milliseconds; done on
the GUI thread that would freeze the window. :class:`ImportRunner` runs
``models.importers.import_files`` (every input format, with merge) as a
:class:`~gui.jobs.Job` and reports through the runner's signals. A file database gets
its own connection in the worker (SQLite WAL lets the window read while the worker
writes, and the window's connection is never used from two threads); an in-memory one,
which cannot be opened twice, is shared. :func:`export_work` is the export's job body,
run the same way by the export dialog.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from gui.jobs import JobError, JobRunner, Progress
from models.exporters import ExportOptions, ExportReport, count, export
from models.importers import ImportReport, import_files
from models.importers.detect import SUFFIXES
from models.ner import load_models
from models.store import Store

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from PySide6.QtCore import QObject, QThreadPool


def count_inputs(paths: Iterable[Path]) -> int:
    """How many documents the inputs hold when that is known up front (0: not known).

    A text file is one document; a JSON file holds any number, so with one of those the
    bar shows activity instead of a fraction.
    """
    n = 0
    for path in paths:
        if not path.is_dir():
            if path.suffix.lower() in (".json", ".jsonl"):
                return 0
            n += 1  # a document, or one error naming the file
            continue
        found = 0
        for f in path.rglob("*"):
            suffix = f.suffix.lower()
            if suffix not in SUFFIXES or not f.is_file():
                continue
            if suffix in (".json", ".jsonl"):
                return 0
            found += suffix == ".txt" or not f.with_suffix(".txt").is_file()
        n += max(found, 1)  # an empty folder is one error
    return n


def import_work(store: Store, paths: list[Path], fmt: str, merge: bool,
                progress: Progress, cancelled: Callable[[], bool]) -> ImportReport:
    """The import job's body: load the models, then import into the worker's store."""
    progress(0, 0, "Loading language models…")
    load_models()
    total = count_inputs(paths)
    progress(0, total, "Pre-annotating…")

    def tick(done: int, report: ImportReport) -> None:
        progress(done, total, f"Pre-annotating: {done} read, {len(report.added)} added")

    own = store if store.path is None else Store(store.path)
    try:
        return import_files(own, paths, fmt, merge, 1, tick, cancelled)
    finally:
        if own is not store:
            own.close()


def export_work(store: Store, fmt: str, out: Path, options: ExportOptions,
                progress: Progress, cancelled: Callable[[], bool]) -> ExportReport:
    """The export job's body: stream the selected documents to ``out``.

    A bad option, an unusable ``out`` or a missing reader library (``MissingDependency``)
    is a ValueError with a one-line message; it ends the job as that line.
    """
    own = store if store.path is None else Store(store.path)
    try:
        total = count(own, options)
        progress(0, total, f"Exporting {total} documents…")

        def tick(done: int, _report: ExportReport) -> None:
            progress(done, total, f"Exported {done} of {total}")

        return export(own, fmt, out, options, tick, cancelled)
    except ValueError as exc:
        raise JobError(str(exc)) from None
    finally:
        if own is not store:
            own.close()


class ImportRunner(JobRunner):
    """Starts imports one at a time; ``finished`` carries the ImportReport."""

    def __init__(self, store: Store, pool: QThreadPool | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(pool, parent)
        self.store = store

    def start(self, paths: Iterable[str | Path], fmt: str = "auto", merge: bool = False
              ) -> bool:
        """Import ``paths`` in the background; False when one is already running."""
        work = partial(import_work, self.store, [Path(p) for p in paths], fmt, merge)
        return self.run(work, "import")
