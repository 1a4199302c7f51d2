"""Noticing writes by other processes, so the window never needs a restart to see them.

A reviewer keeps the window open while ``main.py import`` (or a colleague's window, or
the window's own import worker on its separate connection) adds documents to the same
database file. SQLite tells each connection when another one committed (the service's
``data_version``), and asking costs microseconds, so a slow timer polls it and emits
``changed`` only when something was written elsewhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from models import AnnotationService

POLL_MS = 2000


class DatabaseWatcher(QObject):
    """Polls the database's data version; ``changed`` after another connection's commit."""

    changed = Signal()

    def __init__(
        self,
        service: AnnotationService,
        interval_ms: int = POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self._version = service.data_version()
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> bool:
        """Check now; True (and ``changed`` emitted) when another connection wrote."""
        try:
            version = self.service.data_version()
        except Exception:  # the database was closed under us: nothing more to watch
            self.timer.stop()
            return False
        if version == self._version:
            return False
        self._version = version
        self.changed.emit()
        return True
