"""Confirming suggestions, walking them with Tab, status and next document, by keys."""

from __future__ import annotations

from pathlib import Path

from edit_helpers import (  # noqa: F401 (fixtures)
    TEXT,
    click,
    db_fixture,
    key,
    labels_in,
    reopened,
    status_of,
    window_fixture,
)
from PySide6.QtCore import Qt

from models.store.store import Store

Mod = Qt.KeyboardModifier


def test_enter_confirms_and_moves_to_the_next_suggestion(qtbot, window, db: Path) -> None:
    click(qtbot, window, TEXT.index("Бишкеке") + 1)
    key(qtbot, window, Qt.Key.Key_Return)
    assert ("Бишкеке", "LOC", "confirmed") in labels_in(reopened(db))
    assert window.editing.controller.current_span().text == "Юрия Крупнова"


def test_tab_and_shift_tab_walk_unconfirmed_suggestions(qtbot, window) -> None:
    ctl = window.editing.controller
    key(qtbot, window, Qt.Key.Key_Tab)
    assert ctl.current_span().text == "РФ"
    key(qtbot, window, Qt.Key.Key_Tab)
    assert ctl.current_span().text == "Владимир Путин"
    key(qtbot, window, Qt.Key.Key_Backtab, Mod.ShiftModifier)
    assert ctl.current_span().text == "РФ"
    key(qtbot, window, Qt.Key.Key_Backtab, Mod.ShiftModifier)
    assert ctl.current_span().text == "это важный шаг"  # wraps to the last one


def test_confirm_all_key_is_one_undo_step(qtbot, window, db: Path) -> None:
    key(qtbot, window, Qt.Key.Key_A)
    doc = reopened(db)
    assert {e.state for e in doc.entities} == {"confirmed"}
    assert doc.quotes[0].state == "confirmed"
    assert window.editing.undo.text() == "&Undo Confirm all (6)"
    window.editing.undo.trigger()
    assert {e.state for e in reopened(db).entities} == {"suggested"}


def test_ctrl_shift_enter_also_confirms_all(qtbot, window, db: Path) -> None:
    key(qtbot, window, Qt.Key.Key_Return, Mod.ControlModifier | Mod.ShiftModifier)
    assert {e.state for e in reopened(db).entities} == {"confirmed"}


def test_ctrl_enter_marks_done_and_opens_the_next(qtbot, window, db: Path) -> None:
    first = window.current_id
    key(qtbot, window, Qt.Key.Key_Return, Mod.ControlModifier)
    store = Store(db)
    assert store.document_status(first) == "done"
    assert window.current_id == store.document_ids()[1]
    store.close()
    window.editing.undo.trigger()
    assert status_of(db, first) == "new"


def test_skip_marks_skipped(qtbot, window, db: Path) -> None:
    first = window.current_id
    key(qtbot, window, Qt.Key.Key_K, Mod.ControlModifier | Mod.ShiftModifier)
    assert status_of(db, first) == "skipped"


def test_first_edit_starts_the_review_and_undo_resets_it(qtbot, window, db: Path) -> None:
    first = window.current_id
    click(qtbot, window, TEXT.index("Бишкеке") + 1)
    key(qtbot, window, Qt.Key.Key_Return)
    assert status_of(db, first) == "in_progress"
    window.editing.undo.trigger()
    assert status_of(db, first) == "new"
    window.editing.redo.trigger()
    assert status_of(db, first) == "in_progress"


def test_undo_of_an_edit_in_another_document_opens_it(qtbot, window, db: Path) -> None:
    first = window.current_id
    click(qtbot, window, TEXT.index("Бишкеке") + 1)
    key(qtbot, window, Qt.Key.Key_Delete)
    key(qtbot, window, Qt.Key.Key_Return, Mod.ControlModifier)  # done, next document
    assert window.current_id != first
    window.editing.undo.trigger()  # the status
    window.editing.undo.trigger()  # the delete, in the first document
    assert window.current_id == first
    assert "Бишкеке" in [e.text for e in window.view.current_document.entities]
