"""Background import: natasha's models and pre-annotation run off the GUI thread.

Loading the models takes about a second and each article tens of milliseconds; done on
the GUI thread that would freeze the window. :class:`ImportRunner` runs
``models.importer.import_paths`` in a ``QThreadPool`` worker and reports through
signals, which Qt delivers on the GUI thread. A file database gets its own connection
in the worker (SQLite WAL lets the window read while the worker writes); an in-memory
one, which cannot be opened twice, is shared.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from models.importer import ImportReport, import_paths
from models.ner import load_models
from models.schema import StoreError
from models.store import Store

if TYPE_CHECKING:
    from collections.abc import Iterable


class ImportSignals(QObject):
    """What an import job reports; connected slots run on the GUI thread."""

    models_loading = Signal()
    models_loaded = Signal()
    progress = Signal(int, int)  # inputs handled, documents added
    document_added = Signal(str)
    finished = Signal(object)  # ImportReport (also after a cancel: what was done)
    failed = Signal(str)  # one line: why the whole import stopped


class ImportJob(QRunnable):
    """One import of files and folders into a store; cancellable between documents."""

    def __init__(self, store: Store, paths: Iterable[str | Path], jobs: int = 1) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it; the runner drops it when done
        self.store = store
        self.paths = [Path(p) for p in paths]
        self.jobs = jobs
        self.signals = ImportSignals()
        self._cancel = threading.Event()
        self._added = 0

    def cancel(self) -> None:
        """Stop after the document being annotated; what is stored stays."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self._cancel.is_set()

    def run(self) -> None:
        """Load the models, then import; every outcome ends in one signal."""
        try:
            self.signals.models_loading.emit()
            load_models()
            self.signals.models_loaded.emit()
            store = self.store if self.store.path is None else Store(self.store.path)
            try:
                report = import_paths(store, self.paths, self.jobs, self._on_progress,
                                      self._cancel.is_set)
            finally:
                if store is not self.store:
                    store.close()
        except StoreError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - a worker must never die silently
            self.signals.failed.emit(f"import failed: {type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(report)

    def _on_progress(self, done: int, report: ImportReport) -> None:
        added = len(report.added)
        if added != self._added:
            self._added = added
            self.signals.document_added.emit(report.added[-1])
        self.signals.progress.emit(done, added)


class ImportRunner(QObject):
    """Starts import jobs one at a time and re-emits their signals."""

    started = Signal()
    models_loaded = Signal()
    progress = Signal(int, int)
    document_added = Signal(str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, store: Store, pool: QThreadPool | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.pool = pool or QThreadPool(self)  # own pool: wait() waits for ours only
        self.job: ImportJob | None = None

    @property
    def busy(self) -> bool:
        """Whether an import is running."""
        return self.job is not None

    def start(self, paths: Iterable[str | Path]) -> bool:
        """Import ``paths`` in the background; False when one is already running."""
        if self.job is not None:
            return False
        job = ImportJob(self.store, paths)
        job.signals.models_loaded.connect(self.models_loaded)
        job.signals.progress.connect(self.progress)
        job.signals.document_added.connect(self.document_added)
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        self.job = job
        self.started.emit()
        self.pool.start(job)
        return True

    def cancel(self) -> None:
        """Ask the running import to stop after its current document."""
        if self.job is not None:
            self.job.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the running import has stopped (used when the window closes)."""
        return self.pool.waitForDone(msecs)

    def _on_job_finished(self, report: ImportReport) -> None:
        self.job = None
        self.finished.emit(report)

    def _on_job_failed(self, message: str) -> None:
        self.job = None
        self.failed.emit(message)
