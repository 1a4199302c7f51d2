"""Background import and export: natasha and long writes run off the GUI thread.

Loading the models takes about a second and each article tens of milliseconds; done on
the GUI thread that would freeze the window. :class:`ImportRunner` runs the service's
``corpus.import_files`` (every input format, with merge; a child process for a database
file) as a :class:`~gui.jobs.jobs.Job` and reports through the runner's signals;
:func:`export_work` is the export's job body, run the same way by the export dialog.
Here the progress becomes the words the status bar shows.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from gui.jobs.jobs import JobRunner, Progress

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from PySide6.QtCore import QObject, QThreadPool

    from models import AnnotationService
    from models.service import ExportOptions, ExportReport, ImportReport


def report_errors(errors: Iterable[str]) -> None:
    """One line on stderr per input that could not be imported."""
    for error in errors:
        print(f"razmetka: {error}", file=sys.stderr)


def import_work(
    service: AnnotationService,
    paths: list[Path],
    fmt: str,
    merge: bool,
    progress: Progress,
    cancelled: Callable[[], bool],
) -> ImportReport:
    """The import job's body."""
    progress(0, 0, "Loading language models…")

    def tick(done: int, total: int, added: int) -> None:
        text = f"Pre-annotating: {done} read, {added} added" if done else "Pre-annotating…"
        progress(done, total, text)

    def part(done: int, of: int) -> None:
        progress(done, of, f"Pre-annotating a long document: paragraph {done:,} of {of:,}")

    return service.corpus.import_files(paths, fmt, merge, tick, cancelled, part)


def export_work(
    service: AnnotationService,
    fmt: str,
    out: Path,
    options: ExportOptions,
    force: bool,
    progress: Progress,
    cancelled: Callable[[], bool],
) -> ExportReport:
    """The export job's body: stream the selected documents to ``out`` (``force``:
    replace an existing file, as the user agreed)."""

    def tick(done: int, total: int) -> None:
        progress(
            done, total, f"Exported {done} of {total}" if done else f"Exporting {total} documents…"
        )

    return service.corpus.export(fmt, out, options, tick, cancelled, force)


class ImportRunner(JobRunner):
    """Starts imports one at a time; ``finished`` carries the ImportReport."""

    def __init__(
        self,
        service: AnnotationService,
        pool: QThreadPool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(pool, parent)
        self.service = service

    def start(self, paths: Iterable[str | Path], fmt: str = "auto", merge: bool = False) -> bool:
        """Import ``paths`` in the background; False when one is already running."""
        work = partial(import_work, self.service, [Path(p) for p in paths], fmt, merge)
        return self.run(work, "import")
