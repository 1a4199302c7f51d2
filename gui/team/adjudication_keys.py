"""The adjudication view's keys, as actions that work while the view has focus.

Tab and Shift+Tab walk the disagreements, 1-9 take that annotator's side, R rejects
every candidate, E makes the final span the adjudicator's own. They are attached to the
view (``WidgetWithChildrenShortcut``), so the same keys in the article keep their own
meaning there (Tab: next suggestion, 1-9: speaker candidates).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

HINT = (
    "Tab / Shift+Tab: next / previous disagreement · 1–9: take that annotator's side · "
    "R: reject all · E: edit the final span in the article · Ctrl+Z: undo"
)


@dataclass(frozen=True)
class AdjudicationKeys:
    """The view's actions; ``sides[n - 1]`` takes annotator n's side."""

    next: QAction
    previous: QAction
    sides: tuple[QAction, ...]
    reject: QAction
    edit: QAction

    def decisions(self) -> list[QAction]:
        """The actions that need a current disagreement."""
        return [*self.sides, self.reject, self.edit]


def _action(widget: QWidget, text: str, keys: str, tip: str) -> QAction:
    action = QAction(text, widget)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.setToolTip(f"{tip} ({keys})")
    action.setStatusTip(tip)
    widget.addAction(action)  # shortcuts work only on actions added to a widget
    return action


def create_keys(widget: QWidget) -> AdjudicationKeys:
    """The actions, on ``widget``; the caller connects them."""
    a = _action
    return AdjudicationKeys(
        a(widget, "Next disagreement", "Tab", "Go to the next disagreement"),
        a(widget, "Previous disagreement", "Shift+Tab", "Go to the previous disagreement"),
        tuple(
            a(widget, f"Take side {n}", str(n), f"Take annotator {n}'s spans here")
            for n in range(1, 10)
        ),
        a(widget, "Reject", "R", "Keep none of the candidates here"),
        a(widget, "Edit final span", "E", "Make the final span your own and edit it"),
    )
