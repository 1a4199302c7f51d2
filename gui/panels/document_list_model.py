"""The document list as a Qt table model over a service ``DocumentListing``, on demand.

A corpus can hold 100,000 documents. The model reports every matching row at once (the
filtered count), so the scroll bar spans the whole list from the start; a row's summary
is read when the view first asks for it, a page of rows per query, and the last pages
used are kept (an LRU), so dragging to the end or jumping anywhere reads one or two
pages. Pages are found by position (an index seek) when the list is unfiltered or the
previous page is known, and by OFFSET otherwise. Filters (status, label, text search, an
annotator's share) make a new listing (the service expands the search words into their
forms); the store behind it owns the SQL. In a team database a last column marks each
document's versions (finished of all, and whose in its tooltip).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from models import AnnotationService
    from models.service import DocumentListing, DocumentSummary

Index = QModelIndex | QPersistentModelIndex

PAGE = 200
MAX_PAGES = 50  # 10,000 summaries at most, ~2 MB
COLUMNS = ("Title", "Date", "Status", "E", "Q")
COLUMN_TIPS = ("Title", "Date of the article", "Review status", "Entity spans", "Quotes")
VERSIONS_COLUMN = ("V", "Annotators' versions: finished of all (a row's tooltip names them)")
STATUS_TEXT = {"new": "new", "in_progress": "in progress", "done": "done", "skipped": "skipped"}
DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class DocumentListModel(QAbstractTableModel):
    """Every matching document as a row; summaries read a page at a time when shown."""

    def __init__(
        self, service: AnnotationService, page: int = PAGE, max_pages: int = MAX_PAGES
    ) -> None:
        super().__init__()
        self.service = service
        self.page = page
        self.max_pages = max_pages
        self.listing: DocumentListing = service.listing()
        self.pages_read = 0  # queries for pages so far (tests and benchmarks read it)
        self._pages: OrderedDict[int, list[DocumentSummary]] = OrderedDict()
        self._total = 0
        self._last = 0  # position of the last matching document (0 when none)
        self.team = False  # a team database: the versions column is shown
        self._reload()

    # -- filters and refresh ---------------------------------------------------------

    def set_filter(
        self,
        status: str | None = None,
        search: str | None = None,
        label: str | None = None,
        annotator: str | None = None,
    ) -> None:
        """Show only documents with ``status``, matching ``search``, with a ``label``, in
        an ``annotator``'s share."""
        self.show(self.service.listing(status, search, label, annotator))

    def show(self, listing: DocumentListing) -> bool:
        """Show ``listing`` (made here, or read by the search thread); True when rows came
        or went. The same filter read again keeps the view's place: the rows change in
        place, or new ones are appended; anything else resets the model. A listing that
        fails to answer leaves the model as it was (never inside a reset).
        """
        how = listing.compare(self.listing)
        extent = listing.extent()
        self.listing = listing
        if how == "same":
            self._reread_in_place()
            return False
        if how == "appended":
            self._append(*extent)
        else:
            self._reset(extent)
        return True

    def refresh(self) -> None:
        """Read the rows again (changed counts or status, documents added or gone).

        When the number of rows stayed the same, the rows only change in place: the
        view keeps its selection and scroll position and re-reads what it shows.
        """
        extent = self._extent()
        if extent != (self._total, self._last) or self._is_team() != self.team:
            self._reset(extent)
            return
        self._reread_in_place()

    def sync(self) -> bool:
        """Take in what another writer did; True when rows were added or removed.

        New documents come last (the list is in import order), so they are inserted
        after the last row, without a reset: selection and scroll position stay. When
        rows before that changed instead (deleted, or moved out of the filter), the
        list is read again from the start. With the same rows, statuses and counts may
        still have changed (a colleague marked a document done): the rows on screen are
        read again in place.
        """
        total, last = self._extent()
        if self._is_team() != self.team:  # a merge made it a team database
            self._reset()
            return True
        if (total, last) == (self._total, self._last):
            self._reread_in_place()
            return False
        appended = total > self._total and self.listing.count_before(self._last + 1) == self._total
        if not appended:
            self._reset((total, last))
            return True
        self._append(total, last)
        return True

    def _append(self, total: int, last: int) -> None:
        """Rows ``self._total..total - 1`` are new, after the last: insert them."""
        first = self._total
        if first % self.page:
            self._pages.pop(first // self.page, None)  # the short last page grows
        self.beginInsertRows(QModelIndex(), first, total - 1)
        self._total, self._last = total, last
        self.endInsertRows()

    def _reread_in_place(self) -> None:
        """Forget the cached pages; the view reads again the rows it shows."""
        self._pages.clear()
        if self._total:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(0, 0), self.index(self._total - 1, last))

    def _extent(self) -> tuple[int, int]:
        return self.listing.extent()

    def _is_team(self) -> bool:
        return bool(self.service.team.annotators())

    def _reload(self) -> None:
        self._pages.clear()
        self._total, self._last = self._extent()
        self.team = self._is_team()

    def _reset(self, extent: tuple[int, int] | None = None) -> None:
        # Everything that may fail (a query) before beginResetModel: a view whose model
        # stays inside a reset shows nothing and asks nothing again.
        total, last = extent if extent is not None else self._extent()
        team = self._is_team()
        self.beginResetModel()
        self._pages.clear()
        self._total, self._last, self.team = total, last, team
        self.endResetModel()

    # -- rows --------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many documents match the filter (every one is a row)."""
        return self._total

    @property
    def pages_cached(self) -> int:
        """How many pages of summaries are held now (at most ``max_pages``)."""
        return len(self._pages)

    def summary(self, row: int) -> DocumentSummary:
        """The summary shown in ``row`` (IndexError past the end)."""
        if not 0 <= row < self._total:
            raise IndexError(row)
        rows = self._page(row // self.page)
        if row % self.page >= len(rows):
            raise IndexError(row)  # the table shrank under us; the next sync re-reads it
        return rows[row % self.page]

    def row_of(self, doc_id: str) -> int | None:
        """The row of a document under the filter, or None (one query, no pages read)."""
        for number, rows in self._pages.items():
            for i, s in enumerate(rows):
                if s.id == doc_id:
                    return number * self.page + i
        return self.listing.row_of(doc_id)

    def _page(self, number: int) -> list[DocumentSummary]:
        rows = self._pages.get(number)
        if rows is not None:
            self._pages.move_to_end(number)
            return rows
        after = self._position_before(number)
        self.pages_read += 1
        rows = self.listing.page(number * self.page, self.page, after=after)
        self._pages[number] = rows
        if len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)
        return rows

    def _position_before(self, number: int) -> int | None:
        """The position just before a page's first row, when known without a scan."""
        if number == 0:
            return 0
        if not self.listing.filtered and self._last == self._total:
            return number * self.page  # positions run 1..total with no gaps: row r is r + 1
        previous = self._pages.get(number - 1)
        if previous is not None and len(previous) == self.page:
            return previous[-1].position
        return None

    # -- Qt model API ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Every matching document, read or not (the scroll bar spans the whole list)."""
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Title, date, status, entity count, quote count (and versions in a team)."""
        return 0 if parent.isValid() else len(COLUMNS) + self.team

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, the document id (``DOC_ID_ROLE``), alignment and tooltips."""
        if not index.isValid():
            return None
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:  # no page read for a layout question
            return (
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col >= 3
                else None
            )
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, DOC_ID_ROLE):
            return None
        try:
            s = self.summary(index.row())
        except IndexError:
            return None
        except Exception:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                s.title or "(untitled)",
                s.date,
                STATUS_TEXT.get(s.status, s.status),
                s.entities,
                s.quotes,
                versions_mark(s),
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return s.title if col == 0 else versions_tip(s) if col == len(COLUMNS) else None
        return s.id

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column names."""
        if orientation != Qt.Orientation.Horizontal:
            return None
        names, tips = (*COLUMNS, VERSIONS_COLUMN[0]), (*COLUMN_TIPS, VERSIONS_COLUMN[1])
        if role == Qt.ItemDataRole.DisplayRole:
            return names[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tips[section]
        return None


def versions_mark(s: DocumentSummary) -> str:
    """``done/all`` of a document's versions ("" when it has none)."""
    if not s.versions:
        return ""
    return f"{sum(status == 'done' for _, status in s.versions)}/{len(s.versions)}"


def versions_tip(s: DocumentSummary) -> str:
    """Whose versions a document has, with their status."""
    if not s.versions:
        return "No annotator's version"
    return "\n".join(f"{name}: {STATUS_TEXT.get(st, st)}" for name, st in s.versions)
