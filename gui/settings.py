"""Remembered window layout (geometry, docks and toolbars, list columns) via QSettings.

All keys live here, so a test can point QSettings at a temporary folder and check that a
reopened window comes back as it was closed.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "razmetka"
APPLICATION = "razmetka"


def settings() -> QSettings:
    """The user's settings, in the default format (tests switch it to INI in tmp)."""
    return QSettings(
        QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


class WindowSettings:
    """Reads and writes the layout of one window, under a group name."""

    def __init__(self, group: str = "main_window") -> None:
        self.group = group

    def load(self, key: str) -> QByteArray | None:
        """A saved state blob, or None when nothing was saved yet."""
        store = settings()
        value = store.value(f"{self.group}/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save(self, **blobs: QByteArray) -> None:
        """Save state blobs by name (``geometry=…, state=…``) and flush to disk."""
        store = settings()
        for key, blob in blobs.items():
            store.setValue(f"{self.group}/{key}", blob)
        store.sync()
