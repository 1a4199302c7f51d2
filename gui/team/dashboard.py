"""The dashboard: a team's progress and the data's quality as charts.

Six pyqtgraph plots drawn from :func:`models.team.report.collect` — documents by status
over time, each annotator's finished documents over time, span edits per active hour per
person, spans per label (gold and each annotator's versions), agreement per label, and
the model's precision and recall per label against the documents marked done (what the
pre-annotation is worth). The same figures as ``stats --html``; collecting them reads
every event, so it runs in a worker thread. "Save HTML report…" writes that page.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.jobs.jobs import JobRunner
from gui.panels.document_list_model import STATUS_TEXT
from gui.team import charts
from models.team import jobs
from models.team.html import ReportError

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QShowEvent

    from gui.jobs.jobs import Progress
    from models import AnnotationService
    from models.team.report import ReportData

PLOTS = (
    ("statuses", "Documents by status"),
    ("done", "Finished documents per annotator"),
    ("rates", "Span edits per active hour"),
    ("labels", "Spans per label"),
    ("agreement", "Agreement per label"),
    ("model", "The model against the reviewed gold"),
)
COLUMNS = 2


def _collect(
    service: AnnotationService, progress: Progress, _cancelled: Callable[[], bool]
) -> ReportData:
    return jobs.report(service, progress=progress)


class Dashboard(QWidget):
    """A window of six charts with Refresh and Save HTML report…."""

    drawn = Signal(object)  # the ReportData drawn now

    def __init__(self, service: AnnotationService, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("dashboard")
        self.setWindowTitle("Dashboard — razmetka")
        self.service = service
        self.data: ReportData | None = None
        self.runner = JobRunner(parent=self)
        self.runner.progress.connect(self._on_runner_progress)
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.setToolTip("Gather the figures again (in the background)")
        self.refresh_button.clicked.connect(self.refresh)
        self.save_button = QPushButton("Save HTML report…")
        self.save_button.setToolTip("Write these figures as one standalone HTML page")
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.save_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.summary = QLabel()
        self.canvas = pg.GraphicsLayoutWidget()
        self.plots: dict[str, pg.PlotItem] = {}
        for n, (key, title) in enumerate(PLOTS):
            plot = self.canvas.addPlot(row=n // COLUMNS, col=n % COLUMNS, title=title)
            plot.showGrid(y=True, alpha=0.25)
            plot.setMenuEnabled(False)
            self.plots[key] = plot
        self._layout()
        self.resize(1200, 860)

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.summary, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)

    # -- gathering and drawing -------------------------------------------------------

    def refresh(self) -> bool:
        """Gather the figures in the background; False when already gathering."""
        if not self.runner.run(partial(_collect, self.service), "report"):
            return False
        self.refresh_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        return True

    def draw(self, data: ReportData) -> None:
        """Draw every chart from ``data``."""
        self.data = data
        p = self.plots
        statuses = {STATUS_TEXT.get(k, k): v for k, v in data.statuses.series.items()}
        charts.lines(p["statuses"], data.statuses.x, statuses)
        charts.lines(p["done"], data.done.x, data.done.series)
        people = list(data.rates)
        rates = [edits / hours if hours else 0.0 for edits, hours in data.rates.values()]
        charts.bars(p["rates"], people, {"span edits per hour": rates} if people else {})
        labels = sorted({lb for counts in data.labels.values() for lb in counts})
        charts.bars(
            p["labels"],
            labels,
            {who: [float(c.get(lb, 0)) for lb in labels] for who, c in data.labels.items()},
        )
        self._draw_agreement(data)
        self._draw_model(data)
        stats = data.stats
        by_status = ", ".join(f"{n} {STATUS_TEXT.get(s, s)}" for s, n in stats["by_status"].items())
        self.summary.setText(f"{data.name}: {stats['documents']} documents ({by_status})")
        self.save_button.setEnabled(True)
        self.drawn.emit(data)

    def _draw_agreement(self, data: ReportData) -> None:
        report = data.agreement
        items = list(report.labels.items()) if report is not None else []
        names = [k for k, _ in items]
        threshold = report.threshold if report is not None else 0.5
        series = {
            "F1 exact": [a.exact.f1 for _, a in items],
            f"F1 IoU≥{threshold:g}": [a.overlap.f1 for _, a in items],
            "alpha": [None if a.alpha is None else max(0.0, a.alpha) for _, a in items],
        }
        charts.bars(self.plots["agreement"], names, series if items else {}, 1.0)

    def _draw_model(self, data: ReportData) -> None:
        m = data.model
        scores = {k: v for k, v in m["entities"].items() if k != "ALL"} if m["documents"] else {}
        if scores:
            scores["QUOTE"] = m["quotes"]
        names = list(scores)
        series = {
            "precision": [float(scores[k]["precision"]) for k in names],
            "recall": [float(scores[k]["recall"]) for k in names],
        }
        charts.bars(self.plots["model"], names, series if names else {}, 1.0)

    # -- saving ------------------------------------------------------------------------

    def save_report(self, out: Path) -> bool:
        """Write the figures shown as the HTML report to ``out``; the outcome is shown."""
        if self.data is None:
            return False
        try:
            jobs.save_report(self.data, out)
        except ReportError as exc:
            self.summary.setText(str(exc))
            return False
        self.summary.setText(f"Report saved to {out}")
        return True

    def _on_save_button_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the HTML report", "report.html", "HTML pages (*.html)"
        )
        if name:
            self.save_report(Path(name))

    # -- slots -----------------------------------------------------------------------

    def _on_runner_progress(self, _done: int, _total: int, text: str) -> None:
        self.progress.setFormat(text)

    def _on_runner_finished(self, data: ReportData) -> None:
        self.progress.setVisible(False)
        self.refresh_button.setEnabled(True)
        self.draw(data)

    def _on_runner_failed(self, message: str) -> None:
        self.progress.setVisible(False)
        self.refresh_button.setEnabled(True)
        self.summary.setText(message)

    def showEvent(self, event: QShowEvent) -> None:
        """Each time it is shown, gather the figures again."""
        super().showEvent(event)
        if not self.runner.busy:
            self.refresh()
