"""The keyboard map (F1 or ?): every annotation key, read from the actions themselves.

Generated from :class:`gui.actions.EditActions` (plus undo and redo), so it lists the
keys that really work, and a legend of how span states are drawn. A letter key is shown
as it reads in both layouts ("P · З", "Ctrl+Z · Ctrl+Я"): the same physical key works in
ЙЦУКЕН (:mod:`gui.editing.key_layout`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.article.span_styles import DESCRIPTIONS
from gui.editing.key_layout import cyrillic_text

if TYPE_CHECKING:
    from gui.actions import EditActions

EXTRA = (
    ("Undo", "Ctrl+Z", "Undo the last edit (listed in the Edit menu)"),
    ("Redo", "Ctrl+Shift+Z", "Redo the edit last undone"),
)
MOUSE = (
    ("Select a span", "click", "Click it; click again for the span around it"),
    (
        "Resize a span",
        "drag its edge",
        "Drag the selected span's start or end; hold Alt for exact characters",
    ),
)


def key_text(sequence: QKeySequence) -> str:
    """The keys in the Latin layout, and in the Russian one when that reads otherwise."""
    latin = sequence.toString(QKeySequence.SequenceFormat.NativeText)
    cyrillic = cyrillic_text(sequence)
    return f"{latin} · {cyrillic}" if cyrillic else latin


def keymap_rows(actions: EditActions) -> list[tuple[str, str, str]]:
    """``(action, keys, what it does)`` for every action that has a key."""
    rows: list[tuple[str, str, str]] = []
    for action in actions.all():
        keys = " or ".join(key_text(k) for k in action.shortcuts())
        if keys and not any(r[1] == keys for r in rows):
            rows.append((action.text(), keys, action.statusTip()))
    rows += [(a, key_text(QKeySequence(k)), t) for a, k, t in EXTRA]
    return rows + list(MOUSE)


class KeymapDialog(QDialog):
    """A table of keys; closes with Esc or the button."""

    def __init__(self, actions: EditActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keymap_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Keyboard map")
        rows = keymap_rows(actions)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels(["Action", "Keys", "What it does"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        legend = QLabel(
            "Spans: "
            + "; ".join(DESCRIPTIONS.values())
            + ". Letter keys work by the same physical key in the Russian layout."
        )
        legend.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(legend)
        layout.addWidget(buttons)
        self.resize(760, 640)
