"""The entity panel: the open document's entities grouped by label and normal form.

Clicking (or moving the keyboard to) a mention asks for its span to be selected in the
document view (``span_requested``); clicking a name selects its first mention. The
panel follows an :class:`~models.OpenDocument`: a new document rebuilds the tree, an
edit changes it in place. Rows that move because of an edit never ask for a span. The
panel does not know the view: the main window wires the signal.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QVBoxLayout, QWidget

from gui.article.selection import select_row
from gui.panels.entity_model import EntityTreeModel
from gui.subscribe import subscribe

if TYPE_CHECKING:
    from collections.abc import Sequence

    from models import Change, Document, LabelSet, OpenDocument


class EntityPanel(QWidget):
    """A tree of entities; emits the span of the row the user picks."""

    span_requested = Signal(int, int)
    """``(start, end)`` in code points of the picked mention."""

    def __init__(
        self, document: OpenDocument, labels: LabelSet, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = EntityTreeModel(labels)
        self.tree = QTreeView()
        self.tree.setObjectName("entity_tree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)  # keeps 10,000 mentions cheap to lay out
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.clicked.connect(self._on_tree_clicked)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.tree.expanded.connect(self._on_tree_expanded)
        self.tree.collapsed.connect(self._on_tree_collapsed)
        self._open: set[tuple[str, str]] = set()  # groups the reviewer opened
        self._silent = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree)
        subscribe(document.opened, self._on_document_opened, self)
        subscribe(document.edited, self._on_document_edited, self)
        self._on_document_opened(document.document)

    def show_entity(self, entity_id: int) -> None:
        """Reveal and select an entity's mention row without asking for its span."""
        index = self.model.index_of_entity(entity_id)
        if index.isValid():
            with self._quiet():
                select_row(self.tree, index)

    @contextmanager
    def _quiet(self) -> Iterator[None]:
        """Moves of the current row made by code, not by the user: no span request."""
        self._silent = True
        try:
            yield
        finally:
            self._silent = False

    def _labels(self) -> dict[str, QModelIndex]:
        return {
            self.model.index(r, 0).data(): self.model.index(r, 0)
            for r in range(self.model.rowCount())
        }

    def _on_document_opened(self, doc: Document | None) -> None:
        self._open.clear()
        with self._quiet():
            self.model.set_entities(doc.entities if doc else (), doc.text if doc else "")
        header = self.tree.header()  # a rebuilt model has new columns: size them again
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for index in self._labels().values():
            self.tree.expand(index)

    def _on_document_edited(self, changes: Sequence[Change]) -> None:
        shown = self._labels()
        with self._quiet():
            self.model.apply_changes(changes)
        for label, index in self._labels().items():
            if label not in shown:  # a label's first entity: open, as labels open
                self.tree.expand(index)
        for key in list(self._open):  # a group that moved (a row taken and put back)
            self.tree.expand(self.model.group_index(key))

    def _on_tree_expanded(self, index: QModelIndex) -> None:
        if index.parent().isValid():
            self._open.add((index.parent().data(), index.data()))

    def _on_tree_collapsed(self, index: QModelIndex) -> None:
        self._open.discard((index.parent().data(), index.data()))

    def _request(self, index: QModelIndex) -> None:
        span = self.model.span_of(index)
        if span is not None:
            self.span_requested.emit(*span)

    def _on_tree_clicked(self, index: QModelIndex) -> None:
        self._request(index)  # also when the row already was current

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._silent and current.isValid():
            self._request(current)
