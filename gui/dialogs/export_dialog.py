"""File > Export…: the corpus as training data, written in the background with progress.

The same export as ``main.py export`` (the service's ``corpus.export``), with the same
choices: format, output, which statuses, a train/dev/test split with its seed, and the
model's snapshot instead of the gold. It runs as a :class:`~gui.jobs.jobs.Job`, so the
window stays usable while a big corpus streams out, and it can be cancelled (the output
then holds the documents written so far, and the notes say so). At the end the dialog
lists what the format could not hold, so nothing is dropped silently; a problem the user
can fix (a missing library, a non-empty folder, a bad split) is its one line.

Nothing is overwritten without asking: an existing output file is replaced only after
"Replace …?" (then with ``force``), and a folder that already holds files is written
into only after the user agreed (a previous razmetka export there is replaced, anything
else stops the export untouched).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs import file_dialogs
from gui.jobs.jobs import JobRunner
from gui.jobs.workers import export_work
from gui.panels.document_list_model import STATUS_TEXT
from models.service import FORMATS, ExportOptions, export_suffix

if TYPE_CHECKING:
    from models import AnnotationService
    from models.service import ExportReport

FORMAT_TEXT = {
    "jsonl": "razmetka JSONL",
    "spacy": "spaCy DocBin",
    "conll": "CoNLL IOB2",
    "brat": "brat standoff",
    "labelstudio": "Label Studio tasks",
    "doccano": "doccano JSONL",
    "prodigy": "Prodigy JSONL",
    "hf": "Hugging Face datasets",
}


class ExportDialog(QDialog):
    """Export options, a progress bar with Cancel, and the report at the end."""

    def __init__(
        self, service: AnnotationService, parent: QWidget | None = None, folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle("Export corpus")
        self.service = service
        self.runner = JobRunner(parent=self)
        self.report: ExportReport | None = None
        self._create_form(folder or Path.home())
        self._create_progress()
        self._wire()
        self._on_format_changed()
        self._update_count()

    # -- composition -----------------------------------------------------------------

    def _create_form(self, folder: Path) -> None:
        self.format_box = QComboBox()
        for fmt in FORMATS:
            self.format_box.addItem(f"{FORMAT_TEXT.get(fmt, fmt)} ({fmt})", fmt)
        self.format_box.setToolTip("The training-data format to write")
        self.out_edit = QLineEdit(str(folder / "razmetka-export.jsonl"))
        self.out_edit.setToolTip("A file, or a folder for spaCy, brat, Hugging Face and splits")
        self.browse_button = QPushButton("Browse…")
        self.browse_button.setToolTip("Choose where to write the export")
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(self.browse_button)
        self.status_box = QComboBox()
        self.status_box.addItem("done", ["done"])
        for status, text in STATUS_TEXT.items():
            if status != "done":
                self.status_box.addItem(text, [status])
        self.status_box.addItem("all statuses", None)
        self.status_box.setToolTip("Which documents: by default those marked done")
        self.count_label = QLabel()
        self.split_edit = QLineEdit()
        self.split_edit.setPlaceholderText("no split, e.g. train=0.8,dev=0.1,test=0.1")
        self.split_edit.setToolTip(
            "Parts and fractions; each part is a file or folder in the output folder"
        )
        self.seed_box = QSpinBox()
        self.seed_box.setRange(0, 2**31 - 1)
        self.seed_box.setToolTip(
            "The same seed puts a document in the same part, even after more documents are added"
        )
        self.model_check = QCheckBox("Export the model's snapshot instead of the gold")
        self.model_check.setToolTip("For comparing the pre-annotation with the reviewed gold")
        self.noise_check = QCheckBox("Keep captions, ad markers, repeats and the header line")
        self.noise_check.setToolTip(
            "In the sentence and token formats (CoNLL, spaCy, HF…); left out by default"
        )
        self.paths_check = QCheckBox("Keep each file's full path in meta.file")
        self.paths_check.setToolTip("By default only the file's name: paths name your machine")
        self.part_edit = QLineEdit("all")
        self.part_edit.setToolTip("The name of the one part of an export without a split")
        form = QFormLayout()
        form.addRow("Format", self.format_box)
        form.addRow("Output", out_row)
        form.addRow("Documents", self.status_box)
        form.addRow("", self.count_label)
        form.addRow("Split", self.split_edit)
        form.addRow("Seed", self.seed_box)
        form.addRow("Part name", self.part_edit)
        form.addRow("", self.model_check)
        form.addRow("", self.noise_check)
        form.addRow("", self.paths_check)
        self.form = QWidget()
        self.form.setLayout(form)

    def _create_progress(self) -> None:
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.hide()
        self.notes = QPlainTextEdit(readOnly=True)
        self.notes.setPlaceholderText("What the export wrote and what the format left out")
        self.notes.setMaximumHeight(140)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setToolTip("Write the export in the background")
        self.export_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setToolTip("Stop the export (what is written stays) or close")
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.bar)
        layout.addWidget(self.notes)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _wire(self) -> None:
        self.format_box.currentIndexChanged.connect(self._on_format_changed)
        self.split_edit.editingFinished.connect(self._on_format_changed)
        self.status_box.currentIndexChanged.connect(self._update_count)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.runner.progress.connect(self._on_runner_progress)
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)

    # -- API -------------------------------------------------------------------------

    @property
    def fmt(self) -> str:
        """The chosen format's name (as on the command line)."""
        return str(self.format_box.currentData())

    def options(self) -> ExportOptions:
        """The options as chosen in the form."""
        return ExportOptions(
            statuses=self.status_box.currentData(),
            split=self.split_edit.text().strip() or None,
            seed=self.seed_box.value(),
            include_model=self.model_check.isChecked(),
            part=(self.part_edit.text().strip() or "all") if self.part_edit.isEnabled() else "all",
            keep_noise=self.noise_check.isChecked(),
            keep_paths=self.paths_check.isChecked(),
        )

    def start(self) -> bool:
        """Start the export in the background; False when one runs or there is no path."""
        out = self.out_edit.text().strip()
        if not out:
            self.message.setText("Choose where to write the export.")
            return False
        path = Path(out).expanduser()
        one_file = not self.split_edit.text().strip() and export_suffix(self.fmt) is not None
        force = file_dialogs.agree_to_replace(self, path, one_file)
        if force is None:
            self.message.setText("Not exported: choose another output, or agree to replace.")
            return False
        work = partial(export_work, self.service, self.fmt, path, self.options(), force)
        if not self.runner.run(work, "export"):
            return False
        self.report = None
        self.notes.clear()
        self.form.setEnabled(False)
        self.export_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Cancel")
        self.message.setText("Exporting…")
        self.bar.setRange(0, 0)
        self.bar.show()
        return True

    def done(self, result: int) -> None:  # Qt override: every way the dialog closes
        """Closing while an export runs cancels it (what is written stays) first."""
        if self.runner.busy:
            self.runner.cancel()
            self.runner.wait(30_000)
        super().done(result)

    # -- slots -----------------------------------------------------------------------

    def _update_count(self) -> None:
        n = self.service.corpus.export_count(ExportOptions(statuses=self.status_box.currentData()))
        self.count_label.setText(f"{n} document{'s' if n != 1 else ''} to export")

    def _on_format_changed(self) -> None:
        """Keep the output's suffix (or folder) in step with the format and the split."""
        self.part_edit.setEnabled(not self.split_edit.text().strip())
        text = self.out_edit.text().strip()
        if not text:
            return
        suffix = None if self.split_edit.text().strip() else export_suffix(self.fmt)
        path = Path(text)
        self.out_edit.setText(str(path.with_suffix(suffix or "")))

    def _on_browse_button_clicked(self) -> None:
        suffix = export_suffix(self.fmt)
        kind = (
            f"{self.fmt} (*{suffix})"
            if suffix and not self.split_edit.text().strip()
            else "A new folder (*)"
        )
        path = file_dialogs.export_path(self, self.out_edit.text(), kind)
        if path:
            self.out_edit.setText(path)
            self._on_format_changed()

    def _on_cancel_button_clicked(self) -> None:
        if self.runner.busy:
            self.message.setText("Cancelling…")
            self.cancel_button.setEnabled(False)
            self.runner.cancel()
        else:
            self.reject()

    def _on_runner_progress(self, done: int, total: int, text: str) -> None:
        if self.cancel_button.isEnabled():
            self.message.setText(text)
        self.bar.setRange(0, total)
        self.bar.setValue(min(done, total))

    def _on_runner_finished(self, report: ExportReport) -> None:
        self.report = report
        self._idle()
        where = self.out_edit.text().strip()
        file_dialogs.remember_folder("export", Path(where).expanduser().parent)
        n = report.documents
        self.message.setText(
            f"{n} document{'s' if n != 1 else ''} exported as {self.fmt} → {where}"
        )
        self.notes.setPlainText("\n".join(report.notes) or "Nothing was left out.")

    def _on_runner_failed(self, message: str) -> None:
        self._idle()
        self.message.setText(message)

    def _idle(self) -> None:
        self.bar.hide()
        self.form.setEnabled(True)
        self.export_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Close")
