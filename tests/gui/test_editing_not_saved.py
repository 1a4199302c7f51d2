"""A write that fails (disk full, revoked permission) while editing: the reviewer sees
that the edit was not saved, nothing is half-done, and the same gesture works on retry."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_failed_write_says_not_saved_and_retry_works(
    qtbot, user, window, store, stored, text
) -> None:  # type: ignore[no-untyped-def]
    before = stored.first()
    store.db.execute("PRAGMA query_only = ON")  # every write now fails
    i = text.index("Президент")
    user.drag(i, i + 9)
    user.key(Qt.Key.Key_P)
    assert "not saved" in window.status.full_text()
    assert window.editing.stack.count() == 0  # nothing to undo: nothing happened
    assert stored.first() == before
    assert window.view.span_at(i) is None  # nothing drawn either

    store.db.execute("PRAGMA query_only = OFF")  # the disk has room again
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a new drag, not a double click
    user.click(text.index("встретился"))  # drop the old selection first
    user.drag(i, i + 9)
    user.key(Qt.Key.Key_P)
    assert ("Президент", "PER", "added") in stored.labels()
    assert window.editing.stack.count() == 1
