"""The question before marking a document done while suggestions nobody looked at are left.

Ctrl+Enter on a document with 200 untouched model suggestions would otherwise put them
all into the gold unreviewed. The prompt says how many, offers to confirm them all first,
to mark done anyway, or to cancel; "Do not ask again" remembers the choice (QSettings),
and Review > "Ask before marking done" brings the question back.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from gui.settings import settings

KEY = "review/before_done"
ACTION_NAME = "ask_before_done"
ASK, CONFIRM, KEEP, CANCEL = "ask", "confirm", "keep", "cancel"


def remembered() -> str:
    """``ask`` (the default), or the remembered ``confirm`` or ``keep``."""
    value = str(settings().value(KEY, ASK))
    return value if value in (CONFIRM, KEEP) else ASK


def remember(choice: str) -> None:
    """Save ``ask``, ``confirm`` or ``keep`` for the next Ctrl+Enter."""
    store = settings()
    store.setValue(KEY, choice)
    store.sync()


class DonePrompt(QMessageBox):
    """ "N suggestions nobody looked at": confirm all and mark done, mark done anyway, cancel."""

    def __init__(self, left: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("done_prompt")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle("Mark done")
        plural = "suggestion" if left == 1 else "suggestions"
        self.setText(f"{left} model {plural} in this document nobody looked at yet.")
        self.setInformativeText(
            "Marked done, they go into the gold as the model made them. Tab walks them."
        )
        self.confirm_button = self.addButton(
            "Confirm all and mark done", QMessageBox.ButtonRole.AcceptRole
        )
        self.keep_button = self.addButton(
            "Mark done anyway", QMessageBox.ButtonRole.DestructiveRole
        )
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)
        self.remember_box = QCheckBox("Do not ask again (Review menu: ask again)")
        self.setCheckBox(self.remember_box)

    def choice(self) -> str:
        """What the clicked button means."""
        clicked = self.clickedButton()
        if clicked is self.confirm_button:
            return CONFIRM
        return KEEP if clicked is self.keep_button else CANCEL


def ask_before_done(parent: QWidget | None, left: int) -> str:
    """``confirm``, ``keep`` or ``cancel``: asked, unless a choice was remembered."""
    known = remembered()
    if known != ASK:
        return known
    prompt = DonePrompt(left, parent)
    prompt.exec()
    choice = prompt.choice()
    if choice != CANCEL and prompt.remember_box.isChecked():
        remember(choice)
        for action in parent.findChildren(QAction, ACTION_NAME) if parent else ():
            action.setChecked(False)  # the Review menu's tick follows
    return choice


def ask_action(parent: QWidget) -> QAction:
    """Review > "Ask before marking done with suggestions left", checkable, remembered."""
    action = QAction("Ask before marking done with suggestions left", parent, checkable=True)
    action.setObjectName(ACTION_NAME)
    action.setToolTip("Ctrl+Enter asks first when model suggestions are still unconfirmed")
    action.setChecked(remembered() == ASK)
    # triggered, not toggled: refreshing the tick from the setting must not rewrite it.
    action.triggered.connect(lambda on: remember(ASK if on else KEEP))
    return action
