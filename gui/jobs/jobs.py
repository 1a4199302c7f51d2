"""Long jobs (import, export) off the GUI thread: one generic worker and its runner.

Pre-annotating a thousand articles or exporting a corpus takes minutes; on the GUI
thread the window would freeze. A :class:`Job` runs a plain function
``work(progress, cancelled)`` in a ``QThreadPool`` thread and reports through signals,
which Qt delivers on the GUI thread. Progress is throttled (a few updates a second) so
a job that handles thousands of small documents a second cannot flood the event loop.
Whatever the function raises ends in one ``failed`` line, never in a dead thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from models import StoreError
from models.service import JobError

Progress = Callable[[int, int, str], None]
"""``progress(done, total, text)``: total 0 means not known yet."""
Work = Callable[[Progress, Callable[[], bool]], Any]
"""``work(progress, cancelled) -> result``: the job's body, run in the worker thread."""

PROGRESS_INTERVAL_S = 0.1


class JobSignals(QObject):
    """What a job reports; connected slots run on the GUI thread."""

    progress = Signal(int, int, str)  # done, total (0: unknown), what is happening
    finished = Signal(object)  # the work's result (also after a cancel: what was done)
    failed = Signal(str)  # one line: why the whole job stopped


class Job(QRunnable):
    """One run of ``work`` in a pool thread; cancellable when ``work`` polls the flag."""

    def __init__(self, work: Work, name: str = "job") -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it; the runner drops it when done
        self.work = work
        self.name = name
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self._last = 0.0

    def cancel(self) -> None:
        """Ask ``work`` to stop at its next check; what it did stays done."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self._cancel.is_set()

    def run(self) -> None:
        """Run ``work``; every outcome ends in exactly one signal."""
        try:
            result = self.work(self._progress, self._cancel.is_set)
        except (StoreError, JobError) as exc:  # the user's to fix: one line, as written
            self.signals.failed.emit(str(exc))
        except Exception as exc:
            self.signals.failed.emit(f"{self.name} failed: {type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(result)

    def _progress(self, done: int, total: int = 0, text: str = "") -> None:
        """Forward progress at most every PROGRESS_INTERVAL_S (the first and last always)."""
        now = time.monotonic()
        if now - self._last < PROGRESS_INTERVAL_S and done and done != total:
            return
        self._last = now
        self.signals.progress.emit(done, total, text)


class JobRunner(QObject):
    """Runs jobs one at a time in its own pool and re-emits their signals."""

    started = Signal(str)  # the job's name
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool(self)  # own pool: wait() waits for ours only
        self.job: Job | None = None

    @property
    def busy(self) -> bool:
        """Whether a job is running."""
        return self.job is not None

    def run(self, work: Work, name: str = "job") -> bool:
        """Start ``work`` in the background; False when a job is already running."""
        if self.job is not None:
            return False
        job = Job(work, name)
        job.signals.progress.connect(self.progress)
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        self.job = job
        self.started.emit(name)
        self.pool.start(job)
        return True

    def cancel(self) -> None:
        """Ask the running job to stop at its next check."""
        if self.job is not None:
            self.job.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the running job has stopped (used when a window closes)."""
        return self.pool.waitForDone(msecs)

    def _on_job_finished(self, result: object) -> None:
        self.job = None
        self.finished.emit(result)

    def _on_job_failed(self, message: str) -> None:
        self.job = None
        self.failed.emit(message)
