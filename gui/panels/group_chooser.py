"""What the Entities panel types names with: the in-place name editor and the chooser.

F2 opens an editor over a group row (or a mention row, holding its group's name); what
the reviewer types there is handed to the panel as a request, never written into the
tree, so the tree shows only committed edits. M opens :class:`GroupChooser`, a small
dialog whose editable list completes a group's name as it is typed (type "Але", press
Enter), so a label with hundreds of groups is chosen from as quickly as one with three.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QLineEdit,
    QStyledItemDelegate,
    QWidget,
)

from gui.panels.entity_model import LEVEL_ROLE

if TYPE_CHECKING:
    from collections.abc import Callable

    Index = QModelIndex | QPersistentModelIndex


class NameDelegate(QStyledItemDelegate):
    """Edits a row's group name and hands the typed name to ``committed``."""

    def __init__(self, committed: Callable[[QModelIndex, str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._committed = committed

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """The group's name, also on a mention row (which shows the mention's words)."""
        group = index.parent() if index.data(LEVEL_ROLE) == "mention" else index
        if isinstance(editor, QLineEdit):
            editor.setText(str(group.data()))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """A changed name becomes a request; the model itself is left as it is."""
        if not isinstance(editor, QLineEdit):
            return
        group = index.parent() if index.data(LEVEL_ROLE) == "mention" else index
        text = editor.text()
        if " ".join(text.split()) != group.data():
            self._committed(index, text)  # type: ignore[arg-type]


class GroupChooser(QInputDialog):
    """A group's name picked from a label's groups (most mentions first), or typed."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget, label: str, prompt: str, names: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{label} groups")
        self.setLabelText(prompt)
        self.setComboBoxItems(names)
        self.setComboBoxEditable(True)
        self.setTextValue(names[0] if names else "")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.textValueSelected.connect(self._on_text_value_selected)
        combo = self.findChild(QComboBox)
        line = combo.lineEdit() if combo is not None else None
        if line is not None:  # an editable combo box keeps Enter: the dialog stayed open
            line.returnPressed.connect(self.accept)

    def _on_text_value_selected(self, text: str) -> None:
        if text.strip():
            self.chosen.emit(text)
