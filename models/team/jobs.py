"""Team computations as bodies for the window's background jobs: agreement, the report.

Agreement tokenizes every compared document and the report reads every event, so the
window runs both in a worker thread (gui/jobs). Like an export, each reads a database
file through a read-only connection of its own, so the worker never shares the window's
connection; an in-memory database, which no other connection can open, is read on the
service's. ``save_report`` writes the HTML page where ``stats --html`` would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from models.service.annotation import AnnotationService
from models.store.store import Store
from models.team.agreement import AgreementReport
from models.team.html import render, save
from models.team.queries import TeamQueries
from models.team.report import ReportData, collect

__all__ = ["agreement", "report", "report_name", "save_report"]

Progress = Callable[[int, int, str], None]


@contextmanager
def _reading(service: AnnotationService) -> Iterator[Store]:
    """A read-only connection to the service's database (its own one when in memory)."""
    if service.store.path is None:
        yield service.store
        return
    own = Store(service.store.path, readonly=True)
    try:
        yield own
    finally:
        own.close()


def agreement(
    service: AnnotationService, threshold: float = 0.5, progress: Progress | None = None
) -> AgreementReport:
    """Agreement over the documents two or more annotators finished (AgreementReport);
    ``progress(done, total, text)`` per document read, then once before measuring."""
    tick = progress or (lambda _done, _total, _text: None)

    def read(done: int, total: int) -> None:
        tick(done, total, f"Agreement: read {done} of {total} documents")

    with _reading(service) as store:
        tick(0, 0, "Agreement: finding the documents to compare…")
        return TeamQueries(store).agreement(threshold, progress=read)


def report_name(service: AnnotationService) -> str:
    """What the report calls the database: its file name."""
    path = service.store.path
    return path.name if path is not None else "in-memory database"


def report(
    service: AnnotationService, threshold: float = 0.5, progress: Progress | None = None
) -> ReportData:
    """Every figure of the progress report (what the dashboard draws)."""
    if progress is not None:
        progress(0, 0, "Report: reading the event logs and measuring agreement…")
    with _reading(service) as store:
        return collect(store, report_name(service), threshold)


def save_report(data: ReportData, out: Path) -> None:
    """Write ``data`` as the standalone HTML page to ``out``; ReportError (one line) when
    ``out`` is a folder, someone else's file, or cannot be written."""
    save(render(data), out)
