"""The entity panel: the document's entities grouped by label and normal form.

Clicking (or moving the keyboard to) a mention asks for its span to be selected in the
document view (``span_requested``); clicking a name selects its first mention. The
panel does not know the view: the main window wires the signal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QVBoxLayout, QWidget

from gui.article.selection import select_row
from gui.panels.entity_model import EntityTreeModel

if TYPE_CHECKING:
    from collections.abc import Sequence

    from models.labels import LabelSet
    from models.spans import Entity


class EntityPanel(QWidget):
    """A tree of entities; emits the span of the row the user picks."""

    span_requested = Signal(int, int)
    """``(start, end)`` in code points of the picked mention."""

    def __init__(self, labels: LabelSet, parent: QWidget | None = None) -> None:
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
        self._silent = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree)

    def set_entities(self, entities: Sequence[Entity], text: str) -> None:
        """Show a document's entities, labels expanded."""
        self._silent = True
        try:
            self.model.set_entities(entities, text)
        finally:
            self._silent = False
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row in range(self.model.rowCount()):
            self.tree.expand(self.model.index(row, 0))

    def show_entity(self, entity_id: int) -> None:
        """Reveal and select an entity's mention row without asking for its span."""
        index = self.model.index_of_entity(entity_id)
        if not index.isValid():
            return
        self._silent = True
        try:
            select_row(self.tree, index)
        finally:
            self._silent = False

    def _request(self, index: QModelIndex) -> None:
        span = self.model.span(index)
        if span is not None:
            self.span_requested.emit(*span)

    def _on_tree_clicked(self, index: QModelIndex) -> None:
        self._request(index)  # also when the row already was current

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._silent and current.isValid():
            self._request(current)
