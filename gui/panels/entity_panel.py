"""The entity panel: the open document's entities grouped by label and normal form.

Clicking (or moving the keyboard to) a mention asks for its span to be selected in the
document view (``span_requested``); clicking a name selects its first mention. The
panel follows an :class:`~models.OpenDocument`: a new document rebuilds the tree, an
edit changes it in place. Rows that move because of an edit never ask for a span. The
panel does not know the view: the main window wires the signal.

Groups are edited here by keyboard and context menu: F2 renames a group in place (on a
mention row: names that mention alone), M merges the selected group into another or
moves the selected mention to another group (a chooser that completes names as they
are typed). The panel only asks (``rename_requested``, ``merge_requested``,
``move_requested``); undo commands make the edits (gui/editing/groups.py), and the tree
shows them when they are committed, like any other edit.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gui.actions import create_group_actions
from gui.article.selection import select_row
from gui.panels.entity_model import ENTITY_ID_ROLE, LEVEL_ROLE, EntityTreeModel
from gui.panels.group_chooser import GroupChooser, NameDelegate
from gui.subscribe import subscribe

if TYPE_CHECKING:
    from collections.abc import Sequence

    from models import Change, Document, LabelSet, OpenDocument


MENU_GROUPS = 15  # groups listed in the context menu; M's chooser offers every one
Row = tuple[str, str, str, "int | None"]  # level, label, group name, entity id


def _request(row: Row) -> tuple[object, ...]:
    """The request a chosen group completes: merge this group, or move this mention."""
    level, label, name, entity_id = row
    return ("merge", label, name) if level == "group" else ("move", entity_id)


class EntityPanel(QWidget):
    """A tree of entities; emits the span of the row the user picks."""

    span_requested = Signal(int, int)
    """``(start, end)`` in code points of the picked mention."""
    rename_requested = Signal(str, str, str)
    """``(label, name, new name)``: every mention of a group takes the new name."""
    merge_requested = Signal(str, str, str)
    """``(label, group, into)``: a group's mentions take another group's name."""
    move_requested = Signal(int, str)
    """``(entity id, group name)``: one mention takes another (or a new) group's name."""

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
        self._create_group_edits()
        self._open: set[tuple[str, str]] = set()  # groups the reviewer opened
        self._silent = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree)
        subscribe(document.opened, self._on_document_opened, self)
        subscribe(document.edited, self._on_document_edited, self)
        self._on_document_opened(document.document)

    def _create_group_edits(self) -> None:
        """F2 and M on the tree, its context menu, the name editor and the chooser."""
        self.tree.setItemDelegateForColumn(0, NameDelegate(self._on_name_edited, self.tree))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_tree_context_menu)
        self.group_actions = create_group_actions(self.tree)
        self.group_actions.rename.triggered.connect(self._rename)
        self.group_actions.merge.triggered.connect(self._choose)
        self.group_actions.move.triggered.connect(self._choose)
        self.chooser: GroupChooser | None = None
        self.menu: QMenu | None = None

    def show_entity(self, entity_id: int) -> None:
        """Reveal and select an entity's mention row without asking for its span."""
        index = self.model.index_of_entity(entity_id)
        if index.isValid():
            with self._quiet():
                select_row(self.tree, index)

    def show_group(self, key: tuple[str, str]) -> None:
        """Select a ``(label, name)`` group row (after a group edit made it)."""
        index = self.model.group_index(key)
        if index.isValid():
            with self._quiet():
                select_row(self.tree, index)
            self._update_actions()

    # -- group edits -------------------------------------------------------------------

    def _current(self) -> Row | None:
        """``(level, label, group name, entity id)`` of the current row (not a label)."""
        index = self.tree.currentIndex().siblingAtColumn(0)
        level = index.data(LEVEL_ROLE)
        if level == "group":
            return level, index.parent().data(), index.data(), None
        if level == "mention":
            group = index.parent()
            return level, group.parent().data(), group.data(), index.data(ENTITY_ID_ROLE)
        return None

    def _others(self, label: str, name: str) -> list[str]:
        """The label's other group names, in the tree's order (most mentions first)."""
        head = self._labels()[label]
        names = [self.model.index(r, 0, head).data() for r in range(self.model.rowCount(head))]
        return [n for n in names if n != name]

    def _update_actions(self) -> None:
        cur = self._current()
        group = self.tree.currentIndex().siblingAtColumn(0)
        merge = cur is not None and cur[0] == "group" and self.model.rowCount(group.parent()) > 1
        self.group_actions.rename.setEnabled(cur is not None)
        self.group_actions.merge.setEnabled(merge)
        self.group_actions.move.setEnabled(cur is not None and cur[0] == "mention")

    def _rename(self) -> None:
        index = self.tree.currentIndex().siblingAtColumn(0)
        if self._current() is not None:
            self.tree.edit(index)

    def _on_name_edited(self, index: QModelIndex, text: str) -> None:
        """A name typed over a row: a group renamed, or one mention moved."""
        args: tuple[object, ...] = ("move", index.data(ENTITY_ID_ROLE), text)
        if index.data(LEVEL_ROLE) == "group":
            args = ("rename", index.parent().data(), index.data(), text)
        # After the editor has closed: the edit takes this row away and makes another.
        QTimer.singleShot(0, lambda: self._ask(*args))

    def _ask(self, what: object, *args: object) -> None:
        if what == "rename":
            self.rename_requested.emit(*args)
        elif what == "merge":
            self.merge_requested.emit(*args)
        else:
            self.move_requested.emit(*args)

    def _choose(self) -> None:
        """M: the chooser for the group the current group or mention should join."""
        cur = self._current()
        if cur is None:
            return
        level, label, name, _ = cur
        prompt = f"Move this mention of «{name}» to the group (or type a new name):"
        if level == "group":
            prompt = f"Merge «{name}» into the group:"
        what = _request(cur)
        self.chooser = GroupChooser(self, label, prompt, self._others(label, name))
        self.chooser.chosen.connect(lambda target: self._ask(*what, target))
        self.chooser.open()

    def _on_tree_context_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        cur = self._current()
        if cur is None:
            return
        self.menu = QMenu(self)
        self.menu.addAction(self.group_actions.rename)
        level, label, name, _ = cur
        into = self.menu.addMenu("Merge into" if level == "group" else "Move to")
        what = _request(cur)
        for other in self._others(label, name)[:MENU_GROUPS]:
            into.addAction(other).triggered.connect(
                lambda _=False, target=other: self._ask(*what, target)
            )
        into.addSeparator()
        into.addAction(self.group_actions.merge if level == "group" else self.group_actions.move)
        self.menu.popup(self.tree.viewport().mapToGlobal(pos))

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
        self._update_actions()

    def _on_document_edited(self, changes: Sequence[Change]) -> None:
        shown = self._labels()
        with self._quiet():
            self.model.apply_changes(changes)
        for label, index in self._labels().items():
            if label not in shown:  # a label's first entity: open, as labels open
                self.tree.expand(index)
        for key in list(self._open):  # a group that moved (a row taken and put back)
            self.tree.expand(self.model.group_index(key))
        self._update_actions()

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
        self._update_actions()
        if not self._silent and current.isValid():
            self._request(current)
