"""Background import and export: natasha and long writes run off the GUI thread.

Loading the models takes about a second and each article tens of milliseconds; done on
the GUI thread that would freeze the window. :class:`ImportRunner` runs
``models.io.importers.import_files`` (every input format, with merge) as a
:class:`~gui.jobs.jobs.Job` and reports through the runner's signals. For a database file
the job hands the import to a child process (``models.io.import_process``: natasha there
never competes with the event loop for Python's interpreter lock, and the window does
not carry the models' memory); SQLite WAL lets the window read while the child writes.
An in-memory database, which no other process can open, is imported in the job's
thread on the window's connection. :func:`export_work` is the export's job body,
run the same way by the export dialog.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from gui.jobs.jobs import JobError, JobRunner, Progress
from models.io.exporters import ExportOptions, ExportReport, count, export
from models.io.import_process import ImportProcessError, import_in_process
from models.io.importers import ImportReport, import_files
from models.io.importers.detect import SUFFIXES
from models.nlp.ner import load_models
from models.store.store import Store

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


def import_work(
    store: Store,
    paths: list[Path],
    fmt: str,
    merge: bool,
    progress: Progress,
    cancelled: Callable[[], bool],
) -> ImportReport:
    """The import job's body: a child process for a database file, else this thread."""
    progress(0, 0, "Loading language models…")
    total = count_inputs(paths)

    def tick(done: int, added: int) -> None:
        progress(
            done,
            total,
            f"Pre-annotating: {done} read, {added} added" if done else "Pre-annotating…",
        )

    def part(done: int, of: int) -> None:
        progress(done, of, f"Pre-annotating a long document: paragraph {done:,} of {of:,}")

    if store.path is not None:
        try:
            return import_in_process(store.path, paths, fmt, merge, tick, cancelled, part)
        except ImportProcessError as exc:
            raise JobError(str(exc)) from None
    # In memory (tests, screenshots): no other process can open it, so import here.
    load_models()
    tick(0, 0)
    return import_files(
        store, paths, fmt, merge, 1, lambda done, report: tick(done, len(report.added)), cancelled
    )


def export_work(
    store: Store,
    fmt: str,
    out: Path,
    options: ExportOptions,
    progress: Progress,
    cancelled: Callable[[], bool],
) -> ExportReport:
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

    def __init__(
        self, store: Store, pool: QThreadPool | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(pool, parent)
        self.store = store

    def start(self, paths: Iterable[str | Path], fmt: str = "auto", merge: bool = False) -> bool:
        """Import ``paths`` in the background; False when one is already running."""
        work = partial(import_work, self.store, [Path(p) for p in paths], fmt, merge)
        return self.run(work, "import")
