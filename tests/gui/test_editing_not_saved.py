"""A write that fails (disk full, revoked permission) while editing: the reviewer sees
that the edit was not saved, nothing is half-done, and the same gesture works on retry."""

from __future__ import annotations

from pathlib import Path

from edit_helpers import (  # noqa: F401 (fixtures)
    TEXT,
    click,
    db_fixture,
    drag,
    key,
    labels_in,
    reopened,
    window_fixture,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_failed_write_says_not_saved_and_retry_works(qtbot, window, db: Path) -> None:
    before = reopened(db)
    window.store.db.execute("PRAGMA query_only = ON")  # every write now fails
    i = TEXT.index("Президент")
    drag(qtbot, window, i, i + 9)
    key(qtbot, window, Qt.Key.Key_P)
    assert "not saved" in window.statusBar().currentMessage()
    assert window.editing.stack.count() == 0  # nothing to undo: nothing happened
    assert reopened(db) == before

    window.store.db.execute("PRAGMA query_only = OFF")  # the disk has room again
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a new drag, not a double click
    click(qtbot, window, TEXT.index("встретился"))  # drop the old selection first
    drag(qtbot, window, i, i + 9)
    key(qtbot, window, Qt.Key.Key_P)
    assert ("Президент", "PER", "added") in labels_in(reopened(db))
    assert window.editing.stack.count() == 1
