"""Selecting a row in an item view from code, the same way in every list and panel."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QAbstractItemView


def select_row(view: QAbstractItemView, index: QModelIndex) -> None:
    """Make ``index`` the current, only selected row and scroll it into view."""
    view.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.scrollTo(index)
