"""Ctrl+Enter with suggestions nobody looked at asks first, once, with the count."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.dialogs.done_prompt import remembered

Mod = Qt.KeyboardModifier


def suggested(doc) -> int:  # type: ignore[no-untyped-def]
    return sum(s.state == "suggested" for s in (*doc.entities, *doc.quotes))


def back(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The window active again after the question (what a window manager does)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()


def test_confirm_all_and_mark_done_is_one_step(qtbot, user, window, stored, answer) -> None:
    first = window.current.id
    left = suggested(stored.first())
    seen = answer("Confirm all and mark done")
    user.key(Qt.Key.Key_Return, Mod.ControlModifier)
    assert seen and seen[0].startswith(f"{left} model suggestions in this document nobody")
    assert stored.status(first) == "done" and suggested(stored.first()) == 0
    assert window.current.id != first  # on to the next document
    back(qtbot, window)
    user.key(Qt.Key.Key_Z, Mod.ControlModifier)  # one undo takes both back
    assert stored.status(first) == "new" and suggested(stored.first()) == left
    assert "Undo: Confirm all" in window.status.full_text()


def test_mark_done_anyway_keeps_the_suggestions(user, window, stored, answer) -> None:
    first = window.current.id
    left = suggested(stored.first())
    answer("Mark done anyway")
    user.key(Qt.Key.Key_Return, Mod.ControlModifier)
    assert stored.status(first) == "done" and suggested(stored.first()) == left


def test_cancel_changes_nothing(user, window, stored, answer) -> None:
    first = window.current.id
    answer("Cancel")
    user.key(Qt.Key.Key_Return, Mod.ControlModifier)
    assert stored.status(first) == "new" and window.current.id == first
    assert "Not marked done" in window.status.full_text()


def test_do_not_ask_again_is_remembered_and_the_menu_brings_it_back(
    qtbot, user, window, stored, answer
) -> None:
    def tick_and_keep() -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.activeModalWidget().remember_box.setChecked(True)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, tick_and_keep)
    answer("Mark done anyway")
    user.key(Qt.Key.Key_Return, Mod.ControlModifier)
    assert remembered() == "keep"
    second = window.current.id
    back(qtbot, window)
    seen = answer("Cancel")  # would answer a question, if one came
    user.key(Qt.Key.Key_Return, Mod.ControlModifier)
    assert seen == [] and stored.status(second) == "done"
    assert not window.editing.ask_before_done.isChecked()
    window.editing.ask_before_done.trigger()  # Review > Ask before marking done
    assert remembered() == "ask"


def test_no_question_when_nothing_is_left(user, window, stored, answer) -> None:
    first = window.current.id
    user.key(Qt.Key.Key_A)  # confirm all
    seen = answer("Cancel")
    user.key(Qt.Key.Key_Return, Mod.ControlModifier)
    assert seen == [] and stored.status(first) == "done"
