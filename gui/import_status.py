"""The import progress shown in the status bar: a message, a bar and a Cancel button.

It listens to an :class:`~gui.workers.ImportRunner` and is hidden while nothing runs,
so a reviewer sees that the window is working (loading models, annotating article N)
rather than frozen, and can stop a long batch; what was done by then is kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

if TYPE_CHECKING:
    from gui.workers import ImportRunner
    from models.importer import ImportReport


class ImportStatusWidget(QWidget):
    """Progress of the running import; hides itself when the import ends."""

    def __init__(self, runner: ImportRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.message = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the import after the current article")
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        runner.started.connect(self._on_runner_started)
        runner.models_loaded.connect(self._on_runner_models_loaded)
        runner.progress.connect(self._on_runner_progress)
        runner.finished.connect(self._on_runner_done)
        runner.failed.connect(self._on_runner_done)
        self.hide()

    def _on_runner_started(self) -> None:
        self.message.setText("Loading language models…")
        self.bar.setRange(0, 0)  # busy: the number of inputs is not known up front
        self.cancel_button.setEnabled(True)
        self.show()

    def _on_runner_models_loaded(self) -> None:
        self.message.setText("Pre-annotating…")

    def _on_runner_progress(self, done: int, added: int) -> None:
        self.message.setText(f"Pre-annotating: {done} read, {added} added")

    def _on_runner_done(self, _result: ImportReport | str) -> None:
        self.hide()

    def _on_cancel_button_clicked(self) -> None:
        self.message.setText("Cancelling after this article…")
        self.cancel_button.setEnabled(False)
        self.runner.cancel()
