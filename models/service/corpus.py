"""Import into and export from the service's database, as bodies for background jobs.

The window runs these in a worker thread (gui/jobs). An import into a database file
runs in a child process (``models.io.import_process``): natasha there never competes
with the window for Python's interpreter lock, and the window does not carry the
models' memory; SQLite WAL lets the window read while the child writes. An in-memory
database, which no other process can open, is imported on the window's connection. An
export reads through its own connection when the database is a file, so the worker
thread never shares the window's.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from pathlib import Path

from models.io.exporters import FORMATS, MODULES, ExportOptions, ExportReport, count, export
from models.io.import_process import ImportProcessError, import_in_process
from models.io.importers import ImportReport, import_files
from models.io.importers.detect import SUFFIXES
from models.nlp.ner import load_models
from models.store.store import Store

__all__ = ["FORMATS", "Corpus", "JobError", "count_inputs", "export_suffix"]

Cancelled = Callable[[], bool]


class JobError(Exception):
    """A reason a whole import or export stopped that the user can act on (one line)."""


def count_inputs(paths: Iterable[Path]) -> int:
    """How many documents the inputs hold when that is known up front (0: not known).

    A text file is one document; a JSON file holds any number, so with one of those a
    progress bar shows activity instead of a fraction.
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


class Corpus:
    """Whole-corpus jobs on one store: import files, count and write exports."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def import_files(
        self,
        paths: list[Path],
        fmt: str = "auto",
        merge: bool = False,
        progress: Callable[[int, int, int], None] | None = None,
        cancelled: Cancelled = lambda: False,
        paragraphs: Callable[[int, int], None] | None = None,
    ) -> ImportReport:
        """Import and pre-annotate ``paths``; ``progress(done, total, documents_added)``.

        ``done`` counts inputs read, ``total`` is 0 when not known up front (see
        ``count_inputs``); ``done`` 0 comes once the language models are loaded.
        ``paragraphs(done, total)`` follows a long document through its paragraphs (a
        cancel stops within it). JobError (one line) when the import process failed;
        what it stored stays.
        """
        total = count_inputs(paths)

        def tick(done: int, added: int) -> None:
            if progress is not None:
                progress(done, total, added)

        if self.store.path is not None:
            try:
                return import_in_process(
                    self.store.path, paths, fmt, merge, tick, cancelled, paragraphs
                )
            except ImportProcessError as exc:
                raise JobError(str(exc)) from None
        load_models()
        tick(0, 0)
        return import_files(
            self.store,
            paths,
            fmt,
            merge,
            1,
            lambda done, report: tick(done, len(report.added)),
            cancelled,
            paragraphs=paragraphs,
        )

    def export_count(self, options: ExportOptions) -> int:
        """How many documents an export with ``options`` writes."""
        return count(self.store, options)

    def export(
        self,
        fmt: str,
        out: Path,
        options: ExportOptions,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Cancelled = lambda: False,
        force: bool = False,
    ) -> ExportReport:
        """Stream the selected documents to ``out``; ``progress(done, total)``.

        An existing one-file ``out`` is replaced only with ``force`` (the user said so).
        A bad option, an unusable ``out`` or a missing reader library is JobError with
        its one-line message.
        """
        tick = progress or (lambda _done, _total: None)
        own = self.store if self.store.path is None else Store(self.store.path)
        try:
            total = count(own, options)
            tick(0, total)
            return export(
                own, fmt, out, options, lambda done, _r: tick(done, total), cancelled, force
            )
        except ValueError as exc:
            raise JobError(str(exc)) from None
        finally:
            if own is not self.store:
                own.close()


def export_suffix(fmt: str) -> str | None:
    """The file suffix a format writes, or None for a folder (the module is light)."""
    return importlib.import_module(f"models.io.exporters.{MODULES[fmt]}").SUFFIX
