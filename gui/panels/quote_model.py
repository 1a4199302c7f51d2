"""The quote panel's table: quote text, speaker (normal form), paragraph number.

A row per quote in text order; ``SPAN_ROLE`` gives the quote's code-point span and
``QUOTE_ID_ROLE`` its id, so the panel can select it in the view and the view can point
back at the row. A new document resets the table (``set_quotes``); an edit changes its
rows in place (``apply_changes``: one row inserted, removed or changed).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from gui.article.paragraphs import Paragraphs
from models import Quote

if TYPE_CHECKING:
    from collections.abc import Sequence

    from models import Change

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Quote", "Speaker", "¶")
SPAN_ROLE = Qt.ItemDataRole.UserRole + 1
QUOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
NO_SPEAKER = "—"
PREVIEW = 160


def speaker_name(quote: Quote) -> str:
    """Who said it, as the panel shows it: normal form, else the mention, else a dash."""
    if quote.speaker is None:
        return NO_SPEAKER
    return quote.speaker.normal or quote.speaker.text


def _pos(quote: Quote) -> tuple[int, int]:
    return quote.start, quote.end


class QuoteTableModel(QAbstractTableModel):
    """The quotes of one document."""

    def __init__(self) -> None:
        super().__init__()
        self._quotes: list[Quote] = []
        self._paragraphs: list[int] = []
        self._text = Paragraphs("")

    def set_quotes(self, quotes: Sequence[Quote], text: str) -> None:
        """Show a document's quotes in text order."""
        self.beginResetModel()
        self._text = Paragraphs(text)
        self._quotes = sorted(quotes, key=_pos)
        self._paragraphs = [self._text.number(q.start) for q in self._quotes]
        self.endResetModel()

    def apply_changes(self, changes: Sequence[Change]) -> None:
        """Show one committed edit: each quote's row changed, removed or inserted."""
        for c in changes:
            before = c.before if isinstance(c.before, Quote) else None
            after = c.after if isinstance(c.after, Quote) else None
            if before is not None and after is not None and _pos(before) == _pos(after):
                row = self._row(before)
                self._quotes[row] = after
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
                continue
            if before is not None:
                row = self._row(before)
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._quotes[row], self._paragraphs[row]
                self.endRemoveRows()
            if after is not None:
                row = bisect_left(self._quotes, _pos(after), key=_pos)
                self.beginInsertRows(QModelIndex(), row, row)
                self._quotes.insert(row, after)
                self._paragraphs.insert(row, self._text.number(after.start))
                self.endInsertRows()

    def _row(self, quote: Quote) -> int:
        row = bisect_left(self._quotes, _pos(quote), key=_pos)
        while self._quotes[row].id != quote.id:  # IndexError: not shown (a bug to see)
            row += 1
        return row

    def quote(self, row: int) -> Quote:
        """The quote in ``row``."""
        return self._quotes[row]

    def row_of(self, quote_id: int) -> int | None:
        """The row of a quote id, if shown."""
        return next((r for r, q in enumerate(self._quotes) if q.id == quote_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One row per quote."""
        return 0 if parent.isValid() else len(self._quotes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Quote, speaker, paragraph."""
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, full text as tooltip, span and id roles."""
        if not index.isValid() or index.row() >= len(self._quotes):
            return None
        q, col = self._quotes[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                flat = " ".join(q.text.split())
                return flat if len(flat) <= PREVIEW else flat[: PREVIEW - 1] + "…"
            return speaker_name(q) if col == 1 else self._paragraphs[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            said = f"\n— {q.speaker.text}" if q.speaker else ""
            return f"«{q.text}»{said}"
        if role == SPAN_ROLE:
            return (q.start, q.end)
        if role == QUOTE_ID_ROLE:
            return q.id
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column names."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None
