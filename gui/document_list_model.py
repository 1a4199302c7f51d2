"""The document list as a Qt table model over ``Store.summaries``, fetched lazily.

A corpus can hold 100,000 documents; the view asks for rows as it scrolls
(``canFetchMore``/``fetchMore``), so opening the window reads one page, not the table.
Filters (status, label, text search) are passed through to the store, which owns the SQL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from models.occurrences import search_terms

if TYPE_CHECKING:
    from models.store import DocumentSummary, Store

Index = QModelIndex | QPersistentModelIndex

PAGE = 200
COLUMNS = ("Title", "Date", "Status", "E", "Q")
COLUMN_TIPS = ("Title", "Date of the article", "Review status", "Entity spans", "Quotes")
STATUS_TEXT = {"new": "new", "in_progress": "in progress", "done": "done", "skipped": "skipped"}
DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class DocumentListModel(QAbstractTableModel):
    """Rows of :class:`~models.store.DocumentSummary`, one page at a time."""

    def __init__(self, store: Store, page: int = PAGE) -> None:
        super().__init__()
        self.store = store
        self.page = page
        self.status: str | None = None
        self.search: str | None = None
        self.label: str | None = None  # only documents with an entity of this label
        self._rows: list[DocumentSummary] = []
        self._terms: list[list[str]] | None = None
        self._total = 0
        self._reload(self.page)

    # -- filters and refresh ---------------------------------------------------------

    def set_filter(self, status: str | None = None, search: str | None = None,
                   label: str | None = None) -> None:
        """Show only documents with ``status``, matching ``search``, with a ``label``."""
        self.status = status or None
        self.search = (search or "").strip() or None
        self.label = label or None
        self.beginResetModel()
        self._reload(self.page)
        self.endResetModel()

    def refresh(self) -> None:
        """Re-read the rows already shown (new documents, changed counts or status)."""
        self.beginResetModel()
        self._reload(max(len(self._rows), self.page))
        self.endResetModel()

    def sync(self) -> bool:
        """Take in documents another writer added; True when the list changed.

        New documents come last (the list is in import order), so they arrive like a
        further page, without a reset: selection and scroll position stay, and a list
        scrolled through 100,000 rows is not read again. When the rows already loaded
        changed instead (deleted, or moved out of the filter), the list is re-read.
        """
        total = self.store.count_documents(self.status, self._terms, self.label)
        if total == self._total:
            return False
        last = self._rows[-1].id if self._rows else None
        still = self.store.summaries(len(self._rows) - 1, 1, self.status, self._terms,
                                     self.label) if self._rows else []
        if total < self._total or [s.id for s in still] != ([last] if last else []):
            self.refresh()
            return True
        complete = len(self._rows) >= self._total
        self._total = total
        if complete:
            self.fetchMore()
        return True

    def _reload(self, limit: int) -> None:
        # Each word with its normal forms: "Путина" finds a text that says "Путин".
        self._terms = terms = search_terms(self.search) if self.search else None
        self._total = self.store.count_documents(self.status, terms, self.label)
        self._rows = self.store.summaries(0, limit, self.status, terms, self.label)

    @property
    def total(self) -> int:
        """How many documents match the filter (loaded or not)."""
        return self._total

    def summary(self, row: int) -> DocumentSummary:
        """The summary shown in ``row``."""
        return self._rows[row]

    def row_of(self, doc_id: str, fetch: bool = True) -> int | None:
        """The row of a document, fetching further pages when needed."""
        while True:
            for row, summary in enumerate(self._rows):
                if summary.id == doc_id:
                    return row
            if not (fetch and self.canFetchMore()):
                return None
            self.fetchMore()

    # -- Qt model API ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows loaded so far (the view fetches more as it scrolls)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Title, date, status, entity count, quote count."""
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """Whether the store holds rows not loaded yet."""
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """Load the next page of summaries."""
        if parent.isValid():
            return
        more = self.store.summaries(len(self._rows), self.page, self.status, self._terms,
                                    self.label)
        if not more:
            self._total = len(self._rows)  # the table shrank under us (another writer)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, the document id (``DOC_ID_ROLE``), alignment and tooltips."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        s, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (s.title or "(untitled)", s.date, STATUS_TEXT.get(s.status, s.status),
                    s.entities, s.quotes)[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return s.title
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == DOC_ID_ROLE:
            return s.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column names."""
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMN_TIPS[section]
        return None
