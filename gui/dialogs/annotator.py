"""The annotator's name for the edit log: asked once, remembered, overridable.

``--annotator NAME`` wins and is remembered; otherwise the name saved in QSettings; on
the very first interactive start a small dialog asks for it. Tests never see the dialog:
only :func:`resolve_annotator` with ``ask=True`` shows it.
"""

from __future__ import annotations

import getpass

from PySide6.QtWidgets import QInputDialog, QWidget

from gui.settings import settings

KEY = "annotator/name"


def remembered_annotator() -> str | None:
    """The name saved earlier, if any."""
    value = settings().value(KEY)
    return str(value) if value else None


def remember_annotator(name: str) -> None:
    """Save the name for the next start."""
    store = settings()
    store.setValue(KEY, name)
    store.sync()


def _default_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in a container
        return ""


def name_dialog(parent: QWidget | None = None) -> QInputDialog:
    """The first-start question: the name to log edits under (the login name offered)."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("annotator_dialog")
    dialog.setWindowTitle("razmetka")
    dialog.setLabelText("Your name for the edit log\n(every edit is saved with it and the time):")
    dialog.setTextValue(_default_name())
    return dialog


def resolve_annotator(
    given: str | None, ask: bool = False, parent: QWidget | None = None
) -> str | None:
    """The name to log edits under: given > remembered > asked (once) > None."""
    if given:
        remember_annotator(given)
        return given
    known = remembered_annotator()
    if known or not ask:
        return known
    dialog = name_dialog(parent)
    name = dialog.textValue().strip() if dialog.exec() else ""
    if name:
        remember_annotator(name)
        return name
    return None
