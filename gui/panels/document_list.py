"""The document list widget: status, label and annotator filters, a search box and the
on-demand table. The annotator filter shows only in a team database.

It only reports which document the user picked (``document_selected``); opening it is
the main window's job. Searching goes through the store's full-text search, read off the
GUI thread (:mod:`gui.panels.list_search`, the newest query winning); typing is
debounced so a 100,000-document corpus is not queried at every keystroke. Counts and
statuses follow the service's edits after a short pause, so a burst of edits (or an
undo of twenty) re-reads the rows on screen once, and an edit never waits for the list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.article.selection import select_row
from gui.panels.document_list_model import DOC_ID_ROLE, STATUS_TEXT, DocumentListModel
from gui.panels.list_search import ListSearch
from gui.subscribe import subscribe

if TYPE_CHECKING:
    from models import AnnotationService
    from models.service import DocumentListing

SEARCH_DELAY_MS = 250
REFRESH_DELAY_MS = 300


class DocumentListWidget(QWidget):
    """Filter controls above a table of documents."""

    document_selected = Signal(str)
    """The id of the document the user moved to."""

    def __init__(self, service: AnnotationService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentListModel(service)
        self._silent = False
        self.status_box = QComboBox()
        self.status_box.addItem("All statuses", None)
        for status, text in STATUS_TEXT.items():
            self.status_box.addItem(text, status)
        self.status_box.setToolTip("Show only documents with this review status")
        self.label_box = QComboBox()
        self.label_box.addItem("All labels", None)
        for label in (*service.labels.entities, service.labels.quote):
            self.label_box.addItem(label.name, label.name)
        self.label_box.setToolTip("Show only documents with an entity of this label, or a quote")
        self.annotator_box = QComboBox()
        self.annotator_box.setObjectName("annotator_filter")
        self.annotator_box.setToolTip("Show only the documents in this annotator's share")
        self._fill_annotators()
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Search text…")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setToolTip("Full-text search over titles and article text")
        self.table = self._create_table()
        self.search = ListSearch(service, self)
        self.search.found.connect(self._on_search_found)
        self.search.failed.connect(self._on_search_failed)
        self.no_match = QLabel()
        self.no_match.setObjectName("no_documents_match")
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        self.model.modelReset.connect(self._show_no_match)
        self.model.rowsInserted.connect(self._show_no_match)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.returnPressed.connect(self._apply_filter)
        self.status_box.currentIndexChanged.connect(self._apply_filter)
        self.label_box.currentIndexChanged.connect(self._apply_filter)
        self.annotator_box.currentIndexChanged.connect(self._apply_filter)
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._on_refresh_timer_timeout)
        subscribe(service.changes_applied, self._on_service_changed, self)
        subscribe(service.status_changed, self._on_service_changed, self)

        filters = QHBoxLayout()
        filters.addWidget(self.status_box)
        filters.addWidget(self.label_box)
        filters.addWidget(self.annotator_box)
        filters.addWidget(self.search_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.no_match)
        layout.addWidget(self.table)

    def _create_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("document_table")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        # Rows of one height: the view places 100,000 rows without asking each its size.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fit columns to the rows on screen: Qt's default samples 1,000 rows, five pages.
        header.setResizeContentsPrecision(0)
        for col in range(1, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        # Back to the top before a reset: scrolled past the new end, Qt sizes the columns
        # from every row of the new list (15,000 rows read for a status filter).
        self.model.modelAboutToBeReset.connect(table.scrollToTop)
        return table

    # -- API for the window ----------------------------------------------------------

    def current_id(self) -> str | None:
        """The id of the selected document, if any."""
        index = self.table.currentIndex()
        return index.data(DOC_ID_ROLE) if index.isValid() else None

    def select_document(self, doc_id: str) -> bool:
        """Make ``doc_id`` the current row (found by one query), without signal."""
        row = self.model.row_of(doc_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self._silent = True  # the window opened it already; don't echo the choice back
        try:
            select_row(self.table, index)
        finally:
            self._silent = False
        return True

    def sync(self) -> None:
        """Show documents added by another writer (cheap when nothing changed)."""
        if self.model.listing.search:
            self._apply_filter()  # a search is read again off the GUI thread
            return
        current = self.current_id()
        self._fill_annotators()  # a merge may have brought someone new
        if self._guarded(self.model.sync) and current is not None and self.current_id() != current:
            self.select_document(current)  # the list was re-read: select it again

    def refresh(self) -> None:
        """Re-read the list (after an import or an edit), keeping the selection."""
        if self.model.listing.search:
            self._apply_filter()
            return
        current = self.current_id()
        self._fill_annotators()
        self._guarded(self.model.refresh)
        if current is not None:
            self.select_document(current)

    # -- slots -----------------------------------------------------------------------

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        status, text, label, annotator = (
            self.status_box.currentData(),
            self.search_box.text(),
            self.label_box.currentData(),
            self.annotator_box.currentData(),
        )
        if text.strip():
            self.search.start(status, text, label, annotator)  # may be slow: off the GUI thread
            return
        self.search.cancel()
        self._guarded(lambda: self.model.set_filter(status, None, label, annotator))

    def _guarded(self, read: Callable[[], object]) -> object:
        """Run a list query; a database that cannot be read is one line, not a crash."""
        try:
            return read()
        except Exception as exc:  # the model is never left inside a reset
            self._on_search_failed(f"The document list cannot be read: {exc}")
            return None

    def _on_search_found(self, listing: DocumentListing) -> None:
        current = self.current_id()
        if self.model.show(listing) and current is not None:
            self.select_document(current)

    def _on_search_failed(self, message: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 8000)

    def _fill_annotators(self) -> None:
        """The team database's annotators (new ones after a merge); hidden when none."""
        names = self.model.service.team.annotators()
        box = self.annotator_box
        if box.count() and [box.itemData(i) for i in range(1, box.count())] == names:
            return
        chosen = box.currentData()
        box.blockSignals(True)  # the filter itself stays as it was
        box.clear()
        box.addItem("All annotators", None)
        for name in names:
            box.addItem(name, name)
        box.setCurrentIndex(max(box.findData(chosen), 0))
        box.blockSignals(False)
        box.setVisible(bool(names))

    def _show_no_match(self) -> None:
        """Say so when the filters leave no document (not an empty table and silence)."""
        listing = self.model.listing
        what = [f"«{listing.search}»"] if listing.search else []
        if listing.status:
            what.append(f"status {STATUS_TEXT.get(listing.status, listing.status)}")
        if listing.label:
            what.append(f"label {listing.label}")
        self.no_match.setText(f"No documents match {', '.join(what)}." if what else "")
        self.no_match.setVisible(bool(what) and self.model.total == 0)

    def _on_service_changed(self, *_: object) -> None:
        self._refresh_timer.start()

    def _on_refresh_timer_timeout(self) -> None:
        if self.window().isVisible():  # a closed window's store may be closed too
            self.refresh()

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._silent:
            self.document_selected.emit(current.data(DOC_ID_ROLE))
