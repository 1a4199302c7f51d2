"""Help > About: the version, the database in use, the annotator, where to read more.

A reviewer who asks "which database am I writing into?" finds it here, with the path
selectable for copying.
"""

from __future__ import annotations

from html import escape
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from models import AnnotationService


def razmetka_version() -> str:
    """The installed version, or the checkout's when it is not installed."""
    try:
        return version("razmetka")
    except PackageNotFoundError:
        return "not installed (a checkout)"


class AboutDialog(QDialog):
    """Version, database path and annotator, with a Close button."""

    def __init__(self, service: AnnotationService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle("About razmetka")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.text = QLabel(
            "<b>razmetka</b> — gold-standard Russian news corpora: entities, quotes and "
            "their speakers.<br><br>"
            f"Version: {razmetka_version()}<br>"
            f"Database: {escape(service.database_path)}<br>"
            f"Annotator: {escape(service.annotator or '(no name given)')}<br><br>"
            "F1 lists every key."
        )
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
