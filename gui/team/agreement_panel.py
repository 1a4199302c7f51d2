"""The agreement panel: how well the annotators of a team database agree.

Three tables from one :class:`models.team.agreement.AgreementReport`, all in view at
once — per annotator pair (all pairs first) above per label, and beside them per
document, worst first — with the overlap threshold to measure at. The report tokenizes
every compared document, so it is measured in a worker thread
(:class:`gui.jobs.jobs.JobRunner`) with a progress bar; the window stays live. A click
on a document row asks the window to open it.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.jobs.jobs import JobRunner
from gui.team.agreement_model import (
    DOC_ID_ROLE,
    AgreementTableModel,
    document_rows,
    label_rows,
    pair_rows,
)
from models.team import jobs

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QShowEvent

    from gui.jobs.jobs import Progress
    from models import AnnotationService
    from models.team.agreement import AgreementReport


def _measure(
    service: AnnotationService, threshold: float, progress: Progress, _cancelled: Callable[[], bool]
) -> AgreementReport:
    return jobs.agreement(service, threshold, progress)


class AgreementPanel(QWidget):
    """Threshold and Measure above the pair, label and document tables."""

    document_requested = Signal(str)
    measured = Signal(object)  # the AgreementReport shown now

    def __init__(self, service: AnnotationService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreement_panel")
        self.service = service
        self.report: AgreementReport | None = None
        self.runner = JobRunner(parent=self)
        self.runner.progress.connect(self._on_runner_progress)
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)
        self.threshold = QDoubleSpinBox(decimals=2, minimum=0.05, maximum=1.0, singleStep=0.05)
        self.threshold.setValue(0.5)
        self.threshold.setToolTip("Spans of one label overlap when their IoU is at least this")
        self.measure_button = QPushButton("Measure")
        self.measure_button.setToolTip("Measure agreement again (in the background)")
        self.measure_button.clicked.connect(self.measure)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.summary = QLabel("Not measured yet")
        self.summary.setWordWrap(True)
        self.tables = {
            "pairs": self._table("Annotator pair"),
            "labels": self._table("Label"),
            "documents": self._table("Document, worst first [annotators]"),
        }
        for key, column in (("labels", 1), ("labels", 6), ("documents", 1)):
            self.tables[key].setColumnHidden(column, True)  # always empty there
        self.tables["documents"].clicked.connect(self._on_documents_clicked)
        self._layout()

    def _table(self, first: str) -> QTableView:
        table = QTableView()
        table.setModel(AgreementTableModel(first))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    def _layout(self) -> None:
        controls = QHBoxLayout()
        controls.addWidget(QLabel("Overlap IoU ≥"))
        controls.addWidget(self.threshold)
        controls.addWidget(self.measure_button)
        controls.addWidget(self.progress, 1)
        controls.addStretch()
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.tables["pairs"])
        left.addWidget(self.tables["labels"])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.tables["documents"])
        split.setSizes([500, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    def model(self, key: str) -> AgreementTableModel:
        """The item model of the ``pairs``, ``labels`` or ``documents`` table."""
        return self.tables[key].model()  # type: ignore[return-value]

    # -- measuring ---------------------------------------------------------------------

    def measure(self) -> bool:
        """Measure in the background at the chosen threshold; False when already busy."""
        work = partial(_measure, self.service, self.threshold.value())
        if not self.runner.run(work, "agreement"):
            return False
        self.measure_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        return True

    def show_report(self, report: AgreementReport) -> None:
        """Fill the tables from ``report``."""
        self.report = report
        t = report.threshold
        self.model("pairs").set_rows(pair_rows(report) if report.documents else [], t)
        self.model("labels").set_rows(label_rows(report), t)
        self.model("documents").set_rows(document_rows(report), t)
        if not report.documents:
            self.summary.setText("No document has two or more finished versions yet.")
        else:
            self.summary.setText(
                f"{len(report.documents)} documents finished by two or more of "
                f"{', '.join(report.annotators)}. Kappa and alpha on razdel tokens "
                "(O outside every span); click a document to open it."
            )
        self.measured.emit(report)

    def _on_runner_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(text)

    def _on_runner_finished(self, report: AgreementReport) -> None:
        self.progress.setVisible(False)
        self.measure_button.setEnabled(True)
        self.show_report(report)

    def _on_runner_failed(self, message: str) -> None:
        self.progress.setVisible(False)
        self.measure_button.setEnabled(True)
        self.summary.setText(message)

    def _on_documents_clicked(self, index: QModelIndex) -> None:
        doc_id = index.data(DOC_ID_ROLE)
        if doc_id:
            self.document_requested.emit(doc_id)

    def showEvent(self, event: QShowEvent) -> None:
        """The first time it is shown, measure."""
        super().showEvent(event)
        if self.report is None and not self.runner.busy:
            self.measure()
