"""The merged view of one document's versions as a Qt table: each span, who has it.

One row per candidate (a span some versions have) in text order: the disagreement it
belongs to (numbered as Tab walks them) or ✓ when every version has it, its words and
label (a quote's speaker), a dot under each annotator who has it, and what the gold holds
now: accepted, pending (still a suggestion: undecided) or left out. The rows of the
current disagreement are highlighted. Read from an ``Adjudication`` after every edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from models import Quote
from models.service import shorten
from models.team.goldplan import gold_of

if TYPE_CHECKING:
    from models.team.adjudicate import Adjudication
    from models.team.candidates import Candidate, Disagreement

Index = QModelIndex | QPersistentModelIndex

FIXED = ("#", "Span", "Label")
HOLDS = "●"
CURRENT_BG = QColor("#FFF1B8")
AGREED_FG = QColor("#777777")
STATE_FG = {"accepted": "#1B7F3B", "pending": "#B35900", "left out": "#9A2F2F"}


@dataclass(frozen=True, slots=True)
class Row:
    """One candidate with its disagreement (None: agreed) and its state in the gold."""

    candidate: Candidate
    disagreement: int | None
    state: str


def describe_label(c: Candidate) -> str:
    """An entity's label, or a quote's speaker."""
    span = c.span
    if isinstance(span, Quote):
        who = span.speaker
        return f"QUOTE ← {shorten(who.normal or who.text, 20)}" if who else "QUOTE, no speaker"
    return span.label


class CandidateTableModel(QAbstractTableModel):
    """Every candidate of one adjudication; ``current`` marks a disagreement's rows."""

    def __init__(self) -> None:
        super().__init__()
        self.annotators: tuple[str, ...] = ()
        self.rows: list[Row] = []
        self.disagreements: list[Disagreement] = []
        self.current: int | None = None  # index into ``disagreements``

    def load(self, adjudication: Adjudication | None) -> None:
        """Read the candidates, the disagreements and the gold again."""
        self.beginResetModel()
        self.rows, self.disagreements = [], []
        self.annotators = adjudication.annotators if adjudication else ()
        if adjudication is not None:
            self.disagreements = adjudication.disagreements()
            gold = gold_of(adjudication.service, adjudication.doc_id)
            where = {c.key: i for i, d in enumerate(self.disagreements) for c in d.candidates}
            for c in adjudication.candidates():
                spans = gold.get(c.key, ())
                state = (
                    "left out"
                    if not spans
                    else "pending"
                    if any(s.state == "suggested" for s in spans)
                    else "accepted"
                )
                self.rows.append(Row(c, where.get(c.key), state))
        self.endResetModel()

    def set_current(self, number: int | None) -> None:
        """Highlight the rows of disagreement ``number`` (None: none)."""
        self.current = number
        if self.rows:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, last))

    def summary(self, title: str, prepared: bool) -> str:
        """The view's header: the document, the annotators by key, what is left."""
        if not self.annotators:
            return "This document has no annotators' versions to adjudicate."
        who = " · ".join(f"<b>{n}</b> {escape(a)}" for n, a in enumerate(self.annotators, 1))
        left = sum(d.pending for d in self.disagreements)
        text = f"<b>{escape(title)}</b> — versions: {who} — "
        text += f"<b>{left}</b> of {len(self.disagreements)} disagreements to decide"
        if self.disagreements and not left:
            text += "; all decided: Ctrl+Enter marks the document done"
        return text if prepared else text + " (Ctrl+Shift+J accepts the agreed spans)"

    def first_row(self, number: int) -> int | None:
        """The first row of a disagreement (for scrolling to it)."""
        return next((i for i, r in enumerate(self.rows) if r.disagreement == number), None)

    # -- Qt model API ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One row per candidate."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number, span, label, one per annotator, gold."""
        return 0 if parent.isValid() else len(FIXED) + len(self.annotators) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, colours, and the row's disagreement in the current one's colour."""
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        here = row.disagreement is not None and row.disagreement == self.current
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.BackgroundRole and here:
            return QBrush(CURRENT_BG)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.columnCount() - 1:
                return QBrush(QColor(STATE_FG[row.state]))
            return QBrush(AGREED_FG) if row.disagreement is None else None
        if role == Qt.ItemDataRole.FontRole and here:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col != 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == 1:
            return row.candidate.span.text
        return None

    def _text(self, row: Row, col: int) -> str:
        c = row.candidate
        if col == 0:
            return "✓" if row.disagreement is None else str(row.disagreement + 1)
        if col == 1:
            return f"«{shorten(c.span.text, 48)}»"
        if col == 2:
            return describe_label(c)
        if col < len(FIXED) + len(self.annotators):
            return HOLDS if self.annotators[col - len(FIXED)] in c.holders else ""
        return row.state

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column names; annotators numbered as keys 1-9 take their side."""
        if orientation != Qt.Orientation.Horizontal:
            return None
        names = [*FIXED, *(f"{n} {a}" for n, a in enumerate(self.annotators, 1)), "Gold"]
        if role == Qt.ItemDataRole.DisplayRole:
            return names[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == 0:
                return "The disagreement a span belongs to (✓: every version has it)"
            if len(FIXED) <= section < len(names) - 1:
                who = self.annotators[section - len(FIXED)]
                return (
                    f"● where {who} has the span; key {section - len(FIXED) + 1} takes their side"
                )
            return "What the gold holds now" if section == len(names) - 1 else None
        return None
