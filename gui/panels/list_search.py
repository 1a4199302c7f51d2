"""Searching the document list off the GUI thread, the newest query winning.

A text search over 100,000 documents can take a second (a word most of them hold, a
dozen words), and the list asks for counts, pages and rows again and again. So a search
is read once, in a thread of its own over a connection of its own (the service's
``ListingReader``), into the positions of its matches; the list then answers everything
from them on the GUI thread. Typing on starts a newer search: the one still running is
interrupted, one still waiting is skipped, and only the newest result is shown. Over a
database in memory (one connection) the search runs at once, on the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from gui.jobs.jobs import Job

if TYPE_CHECKING:
    from models import AnnotationService
    from models.service import DocumentListing


class ListSearch(QObject):
    """Reads document listings in one worker thread; reports the newest request's."""

    found = Signal(object)  # DocumentListing: the newest request's, its matches read
    failed = Signal(str)  # the newest request could not be read: why, in one line

    def __init__(self, service: AnnotationService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader = service.listing_reader()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one connection, one query at a time
        self._wanted = 0  # the newest request; older ones are not shown
        self._jobs: dict[int, Job] = {}  # kept alive until they report

    @property
    def busy(self) -> bool:
        """Whether a search is still being read."""
        return bool(self._jobs)

    def start(
        self,
        status: str | None,
        search: str | None,
        label: str | None,
        annotator: str | None = None,
    ) -> None:
        """Read this filter's listing; ``found`` emits it unless a newer one is asked."""
        where = (status, search, label, annotator)
        self._wanted += 1
        request = self._wanted
        if not self._reader.separate:
            self._report((request, *self._read(request, *where)))
            return
        self._reader.interrupt()  # the search running now is not wanted any more
        job = Job(lambda _progress, _cancelled: (request, *self._read(request, *where)))
        job.signals.finished.connect(self._report)
        self._jobs[request] = job
        self.pool.start(job)

    def cancel(self) -> None:
        """Show nothing of the searches asked so far (a filter without words came)."""
        self._wanted += 1
        self._reader.interrupt()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (a window closing, a test)."""
        return self.pool.waitForDone(msecs)

    def _read(
        self,
        request: int,
        status: str | None,
        search: str | None,
        label: str | None,
        annotator: str | None,
    ) -> tuple[DocumentListing | None, str | None]:
        """In the worker: the listing, or why not; nothing for a request overtaken."""
        if request != self._wanted:
            return None, None
        try:
            return self._reader.read(status, search, label, annotator), None
        except Exception as exc:  # interrupted (overtaken), or the file cannot be read
            return None, str(exc) or type(exc).__name__

    def _report(self, result: Any) -> None:
        request, listing, error = result
        self._jobs.pop(request, None)
        if request != self._wanted:
            return
        if listing is not None:
            self.found.emit(listing)
        elif error is not None:
            self.failed.emit(f"Search failed: {error}")
