"""The import progress shown in the status bar: a message, a bar and a Cancel button.

It listens to a :class:`~gui.jobs.jobs.JobRunner` (the window's import runner) and is
hidden while nothing runs, so a reviewer sees that the window is working (loading
models, annotating article N of M) rather than frozen, and can stop a long batch; what
was done by then is kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

if TYPE_CHECKING:
    from gui.jobs.jobs import JobRunner


class ImportStatusWidget(QWidget):
    """Progress of the running job; hides itself when the job ends."""

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.message = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop after the current article; what is done is kept")
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        fixed = QSizePolicy.Policy.Fixed
        self.cancel_button.setSizePolicy(fixed, fixed)  # a button, not a bar across the window
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        runner.started.connect(self._on_runner_started)
        runner.progress.connect(self._on_runner_progress)
        runner.finished.connect(self._on_runner_done)
        runner.failed.connect(self._on_runner_done)
        self.hide()

    def _on_runner_started(self, name: str) -> None:
        self.message.setText(f"Starting the {name}…")
        self.bar.setRange(0, 0)  # busy until the job knows its total
        self.cancel_button.setEnabled(True)
        self.show()

    def _on_runner_progress(self, done: int, total: int, text: str) -> None:
        if self.cancel_button.isEnabled():  # keep "Cancelling…" once asked
            self.message.setText(text)
        self.bar.setRange(0, total)  # (0, 0): busy, the total is not known
        self.bar.setValue(min(done, total))

    def _on_runner_done(self, _result: object) -> None:
        self.hide()

    def _on_cancel_button_clicked(self) -> None:
        self.message.setText("Cancelling after this article…")
        self.cancel_button.setEnabled(False)
        self.runner.cancel()
