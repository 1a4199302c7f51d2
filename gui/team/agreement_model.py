"""An agreement table as a Qt model: one row per annotator pair, label or document.

Every row shows the figures of :class:`models.team.agreement.Agreement` as
``agreement`` prints them: span F1 exact and at the overlap threshold, Cohen's kappa and
Krippendorff's alpha on tokens, and for quotes their F1 and speaker agreement. Figures
are tinted from red (0.5 or below: poor for a gold standard) to green (1) so the weak
spots stand out; an undefined figure (no spans on either side) is a dash.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

if TYPE_CHECKING:
    from models.team.agreement import Agreement, AgreementReport

Index = QModelIndex | QPersistentModelIndex

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LOW, HIGH = QColor("#F3C5BE"), QColor("#C6E6C3")
FLOOR = 0.5  # figures at or below this are as red as it gets


@dataclass(frozen=True, slots=True)
class AgreementRow:
    """A named scope: its entity (or one label's) figures, its quote figures."""

    name: str
    documents: int | None
    spans: Agreement
    quotes: Agreement | None = None
    doc_id: str | None = None


def pair_rows(report: AgreementReport) -> list[AgreementRow]:
    """All pairs together, then each pair of annotators."""
    rows = [AgreementRow("all pairs", len(report.documents), report.entities, report.quotes)]
    rows += [
        AgreementRow(f"{p.a} – {p.b}", p.documents, p.entities, p.quotes) for p in report.pairs
    ]
    return rows


def label_rows(report: AgreementReport) -> list[AgreementRow]:
    """Each label's figures (QUOTE's are the quotes', with speaker agreement)."""
    return [AgreementRow(name, None, a) for name, a in report.labels.items()]


def document_rows(report: AgreementReport) -> list[AgreementRow]:
    """Each compared document, worst first."""
    return [
        AgreementRow(f"{d.title} [{', '.join(d.annotators)}]", None, d.entities, d.quotes, d.doc_id)
        for d in report.documents
    ]


def number(value: float | None) -> str:
    """A figure as the command line prints it."""
    return "—" if value is None else f"{value:.3f}"


def tint(value: float) -> QColor:
    """Red at ``FLOOR`` or below, green for 1, in between by linear mix."""
    t = min(max((value - FLOOR) / (1 - FLOOR), 0.0), 1.0)
    return QColor(
        round(LOW.red() + (HIGH.red() - LOW.red()) * t),
        round(LOW.green() + (HIGH.green() - LOW.green()) * t),
        round(LOW.blue() + (HIGH.blue() - LOW.blue()) * t),
    )


class AgreementTableModel(QAbstractTableModel):
    """Rows of agreement figures under a first column named ``first``."""

    def __init__(self, first: str) -> None:
        super().__init__()
        self.rows: list[AgreementRow] = []
        self.threshold = 0.5
        self.first = first

    def set_rows(self, rows: list[AgreementRow], threshold: float) -> None:
        """Show these rows (measured at this overlap threshold)."""
        self.beginResetModel()
        self.rows, self.threshold = rows, threshold
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def headers(self) -> list[str]:
        """Column names (the threshold in the overlap column's)."""
        return [
            self.first,
            "Docs",
            "F1 exact",
            f"F1 IoU≥{self.threshold:g}",
            "κ",
            "α",
            "Quote F1",
            "Speakers",
        ]

    def values(self, row: AgreementRow) -> list[float | None]:
        """The figures of a row, in column order from F1 exact on."""
        a, q = row.spans, row.quotes
        quotes = q if q is not None else a
        return [
            a.exact.f1,
            a.overlap.f1,
            a.kappa,
            a.alpha,
            q.overlap.f1 if q is not None else None,
            quotes.speaker_agreement,
        ]

    # -- Qt model API ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One row per scope."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Name, documents, six figures."""
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Figures, their tint, the document id of a document row (``DOC_ID_ROLE``)."""
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        value = self.values(row)[col - 2] if col >= 2 else None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.name
            if col == 1:
                return "" if row.documents is None else str(row.documents)
            text = number(value)
            if col == 7 and value is not None:
                compared = (row.quotes or row.spans).speakers_compared
                text += f" of {compared}"
            return text
        if role == Qt.ItemDataRole.BackgroundRole and value is not None:
            return QBrush(tint(value))
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return row.name
        if role == DOC_ID_ROLE:
            return row.doc_id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column names, and what each figure is in its tooltip."""
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return TIPS[section].format(t=f"{self.threshold:g}")
        return None


TIPS = (
    "",
    "Documents compared",
    "Span F1, same offsets and label",
    "Span F1, same label and character overlap (IoU) at least {t}, one-to-one",
    "Cohen's kappa on tokens (mean over pairs)",
    "Krippendorff's alpha on tokens, every annotator a coder",
    "Quote span F1 at the overlap threshold",
    "Speaker agreement on the quotes both found",
)
