"""Entity edits through real mouse and key events; the file is checked after each."""

from __future__ import annotations

from pathlib import Path

from edit_helpers import (  # noqa: F401 (fixtures)
    TEXT,
    click,
    db_fixture,
    drag,
    key,
    labels_in,
    point,
    reopened,
    window_fixture,
)
from PySide6.QtCore import Qt

Mod = Qt.KeyboardModifier


def test_select_and_p_adds_a_snapped_person(qtbot, window, db: Path) -> None:
    i = TEXT.index("резидент")
    drag(qtbot, window, i, i + 4)
    key(qtbot, window, Qt.Key.Key_P)
    assert ("Президент", "PER", "added") in labels_in(reopened(db))
    assert window.editing.undo.text() == "&Undo Add PER «Президент»"


def test_alt_keeps_exact_characters(qtbot, window, db: Path) -> None:
    i = TEXT.index("Бишкеке")
    drag(qtbot, window, i, i + 6)
    key(qtbot, window, Qt.Key.Key_O, Mod.AltModifier)
    assert ("Бишкек", "ORG", "added") in labels_in(reopened(db))


def test_undo_and_redo_reach_the_file(qtbot, window, db: Path) -> None:
    i = TEXT.index("Президент")
    drag(qtbot, window, i, i + 9)
    key(qtbot, window, Qt.Key.Key_P)
    added = next(e for e in reopened(db).entities if e.text == "Президент")
    key(qtbot, window, Qt.Key.Key_Z, Mod.ControlModifier)
    assert "Президент" not in [e.text for e in reopened(db).entities]
    key(qtbot, window, Qt.Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    assert added in reopened(db).entities  # same id, same fields


def test_click_then_delete_and_undo(qtbot, window, db: Path) -> None:
    before = reopened(db)
    click(qtbot, window, TEXT.index("Бишкеке") + 2)
    assert window.editing.controller.current is not None
    key(qtbot, window, Qt.Key.Key_Delete)
    assert "Бишкеке" not in [e.text for e in reopened(db).entities]
    window.editing.undo.trigger()
    assert reopened(db) == before


def test_label_key_on_a_clicked_span_relabels(qtbot, window, db: Path) -> None:
    click(qtbot, window, TEXT.index("Бишкеке") + 2)
    key(qtbot, window, Qt.Key.Key_O)
    assert ("Бишкеке", "ORG", "changed") in labels_in(reopened(db))
    assert window.editing.undo.text() == "&Undo Relabel «Бишкеке» LOC → ORG"


def test_arrows_move_edges_by_a_token_as_one_undo_step(qtbot, window, db: Path) -> None:
    click(qtbot, window, TEXT.index("Жапаровым"))
    key(qtbot, window, Qt.Key.Key_Right, Mod.ShiftModifier)
    key(qtbot, window, Qt.Key.Key_Left, Mod.ShiftModifier | Mod.ControlModifier)
    texts = [e.text for e in reopened(db).entities]
    assert "с Садыром Жапаровым в" in texts
    key(qtbot, window, Qt.Key.Key_Right, Mod.ShiftModifier | Mod.ControlModifier)
    key(qtbot, window, Qt.Key.Key_Left, Mod.ShiftModifier)
    assert ("Садыром Жапаровым", "PER", "changed") in labels_in(reopened(db))
    assert window.editing.stack.count() == 1  # four moves of one span: one undo step
    window.editing.undo.trigger()
    assert ("Садыром Жапаровым", "PER", "suggested") in labels_in(reopened(db))


def test_second_click_on_a_nested_span_selects_the_outer_one(qtbot, window, db: Path) -> None:
    i = TEXT.index("Путин")
    drag(qtbot, window, i, i + 5)
    key(qtbot, window, Qt.Key.Key_L)  # LOC "Путин" inside PER "Владимир Путин"
    ctl = window.editing.controller
    click(qtbot, window, TEXT.index("встретился"))  # plain text: nothing current
    assert ctl.current is None
    click(qtbot, window, i + 2)
    assert ctl.current_span().label == "LOC"
    click(qtbot, window, i + 2)
    assert ctl.current_span().text == "Владимир Путин"


def _drag_edge(qtbot, window, frm: int, to: int, mods=Mod.NoModifier) -> None:  # type: ignore[no-untyped-def]
    vp = window.view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, mods, pos=point(window, frm))
    qtbot.mouseMove(vp, point(window, to))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, mods, pos=point(window, to))


def test_dragging_an_edge_resizes_to_whole_words(qtbot, window, db: Path) -> None:
    span_end = TEXT.index("Жапаровым") + len("Жапаровым")
    click(qtbot, window, TEXT.index("Жапаровым"))
    _drag_edge(qtbot, window, span_end, TEXT.index("Бишкеке") + 3)
    assert ("Садыром Жапаровым в Бишкеке", "PER", "changed") in labels_in(reopened(db))
    window.editing.undo.trigger()
    assert ("Садыром Жапаровым", "PER", "suggested") in labels_in(reopened(db))


def test_dragging_the_start_with_alt_keeps_exact_characters(qtbot, window, db: Path) -> None:
    start = TEXT.index("Садыром")
    click(qtbot, window, start + 2)
    _drag_edge(qtbot, window, start, start + 3, Mod.AltModifier)
    assert ("ыром Жапаровым", "PER", "changed") in labels_in(reopened(db))


def test_a_press_inside_a_span_still_selects_text(qtbot, window, db: Path) -> None:
    before = reopened(db)
    click(qtbot, window, TEXT.index("Жапаровым"))
    drag(qtbot, window, TEXT.index("Жапаровым") + 2, TEXT.index("Жапаровым") + 5)
    assert window.view.selection_span() is not None and reopened(db) == before
