"""Confirming suggestions, walking them with Tab, status and next document, by keys."""

from __future__ import annotations

from PySide6.QtCore import Qt

Mod = Qt.KeyboardModifier


def test_enter_confirms_and_moves_to_the_next_suggestion(user, window, stored, text) -> None:
    user.click(text.index("Бишкеке") + 1)
    user.key(Qt.Key.Key_Return)
    assert ("Бишкеке", "LOC", "confirmed") in stored.labels()
    assert window.editing.controller.current_span().text == "Юрия Крупнова"


def test_tab_and_shift_tab_walk_unconfirmed_suggestions(user, window) -> None:
    ctl = window.editing.controller
    user.key(Qt.Key.Key_Tab)
    assert ctl.current_span().text == "РФ"
    user.key(Qt.Key.Key_Tab)
    assert ctl.current_span().text == "Владимир Путин"
    user.key(Qt.Key.Key_Backtab, Mod.ShiftModifier)
    assert ctl.current_span().text == "РФ"
    user.key(Qt.Key.Key_Backtab, Mod.ShiftModifier)
    assert ctl.current_span().text == "это важный шаг"  # wraps to the last one


def test_confirm_all_key_is_one_undo_step(user, window, stored) -> None:
    user.key(Qt.Key.Key_A)
    doc = stored.first()
    assert {e.state for e in doc.entities} == {"confirmed"}
    assert doc.quotes[0].state == "confirmed"
    assert window.editing.undo.text() == "&Undo Confirm all (6)"
    window.editing.undo.trigger()
    assert {e.state for e in stored.first().entities} == {"suggested"}


def test_ctrl_shift_enter_also_confirms_all(user, stored) -> None:
    user.key(Qt.Key.Key_Return, Mod.ControlModifier | Mod.ShiftModifier)
    assert {e.state for e in stored.first().entities} == {"confirmed"}


def test_ctrl_enter_marks_done_and_opens_the_next(user, window, stored, answer) -> None:
    first = window.current.id
    answer("Mark done anyway")  # suggestions are left: the question comes first
    user.key(Qt.Key.Key_Return, Mod.ControlModifier)
    assert stored.status(first) == "done"
    assert window.current.id == stored.documents()[1].id
    window.editing.undo.trigger()
    assert stored.status(first) == "new"


def test_skip_marks_skipped(user, window, stored) -> None:
    first = window.current.id
    user.key(Qt.Key.Key_K, Mod.ControlModifier | Mod.ShiftModifier)
    assert stored.status(first) == "skipped"


def test_first_edit_starts_the_review_and_undo_resets_it(user, window, stored, text) -> None:
    first = window.current.id
    user.click(text.index("Бишкеке") + 1)
    user.key(Qt.Key.Key_Return)
    assert stored.status(first) == "in_progress"
    assert window.current.document.status == "in_progress"
    window.editing.undo.trigger()
    assert stored.status(first) == "new"
    window.editing.redo.trigger()
    assert stored.status(first) == "in_progress"


def test_undo_of_an_edit_in_another_document_opens_it(user, window, text, answer) -> None:
    first = window.current.id
    user.click(text.index("Бишкеке") + 1)
    user.key(Qt.Key.Key_Delete)
    answer("Mark done anyway")
    user.key(Qt.Key.Key_Return, Mod.ControlModifier)  # done, next document
    assert window.current.id != first
    window.editing.undo.trigger()  # the status
    window.editing.undo.trigger()  # the delete, in the first document
    assert window.current.id == first
    assert "Бишкеке" in [e.text for e in window.current.document.entities]
    assert window.view.span_at(text.index("Бишкеке")) is not None  # drawn again
