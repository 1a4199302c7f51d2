"""The quote panel: each quote of the open document with its speaker and paragraph.

Clicking a row asks for the quote's span to be selected in the document view
(``span_requested``); the main window wires it, as for the entity panel. The panel
follows an :class:`~models.OpenDocument`: a new document fills the table, an edit
changes its rows in place, and a row that moves because of an edit asks for nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from gui.article.selection import select_row
from gui.panels.quote_model import SPAN_ROLE, QuoteTableModel
from gui.subscribe import subscribe

if TYPE_CHECKING:
    from collections.abc import Sequence

    from models import Change, Document, OpenDocument


class QuotePanel(QWidget):
    """A table of quotes; emits the span of the row the user picks."""

    span_requested = Signal(int, int)
    """``(start, end)`` in code points of the picked quote."""

    def __init__(self, document: OpenDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QuoteTableModel()
        self.table = QTableView()
        self.table.setObjectName("quote_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.clicked.connect(self._on_table_clicked)
        self.table.selectionModel().currentChanged.connect(self._on_table_current_changed)
        self._silent = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        subscribe(document.opened, self._on_document_opened, self)
        subscribe(document.edited, self._on_document_edited, self)
        self._on_document_opened(document.document)

    def show_quote(self, quote_id: int) -> None:
        """Select a quote's row without asking for its span."""
        row = self.model.row_of(quote_id)
        if row is not None:
            self._silent = True
            try:
                select_row(self.table, self.model.index(row, 0))
            finally:
                self._silent = False

    def _on_document_opened(self, doc: Document | None) -> None:
        self._silent = True
        try:
            self.model.set_quotes(doc.quotes if doc else (), doc.text if doc else "")
        finally:
            self._silent = False

    def _on_document_edited(self, changes: Sequence[Change]) -> None:
        self._silent = True
        try:
            self.model.apply_changes(changes)
        finally:
            self._silent = False

    def _request(self, index: QModelIndex) -> None:
        span = index.siblingAtColumn(0).data(SPAN_ROLE)
        if span:
            self.span_requested.emit(*span)

    def _on_table_clicked(self, index: QModelIndex) -> None:
        self._request(index)

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._silent and current.isValid():
            self._request(current)
