"""Entity edits through real mouse and key events; the file is checked after each."""

from __future__ import annotations

from PySide6.QtCore import Qt

Mod = Qt.KeyboardModifier


def test_select_and_p_adds_a_snapped_person(user, window, stored, text) -> None:
    i = text.index("резидент")
    user.drag(i, i + 4)
    user.key(Qt.Key.Key_P)
    assert ("Президент", "PER", "added") in stored.labels()
    assert window.editing.undo.text() == "&Undo Add PER «Президент»"


def test_alt_keeps_exact_characters(user, stored, text) -> None:
    i = text.index("Бишкеке")
    user.drag(i, i + 6)
    user.key(Qt.Key.Key_O, Mod.AltModifier)
    assert ("Бишкек", "ORG", "added") in stored.labels()


def test_undo_and_redo_reach_the_file(user, stored, text) -> None:
    i = text.index("Президент")
    user.drag(i, i + 9)
    user.key(Qt.Key.Key_P)
    added = next(e for e in stored.first().entities if e.text == "Президент")
    user.key(Qt.Key.Key_Z, Mod.ControlModifier)
    assert "Президент" not in [e.text for e in stored.first().entities]
    user.key(Qt.Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    assert added in stored.first().entities  # same id, same fields


def test_click_then_delete_and_undo(user, window, stored, text) -> None:
    before = stored.first()
    user.click(text.index("Бишкеке") + 2)
    assert window.editing.controller.current is not None
    user.key(Qt.Key.Key_Delete)
    assert "Бишкеке" not in [e.text for e in stored.first().entities]
    window.editing.undo.trigger()
    assert stored.first() == before


def test_label_key_on_a_clicked_span_relabels(user, window, stored, text) -> None:
    user.click(text.index("Бишкеке") + 2)
    user.key(Qt.Key.Key_O)
    assert ("Бишкеке", "ORG", "changed") in stored.labels()
    assert window.editing.undo.text() == "&Undo Relabel «Бишкеке» LOC → ORG"


def test_arrows_move_edges_by_a_token_as_one_undo_step(user, window, stored, text) -> None:
    user.click(text.index("Жапаровым"))
    user.key(Qt.Key.Key_Right, Mod.ShiftModifier)
    user.key(Qt.Key.Key_Left, Mod.ShiftModifier | Mod.ControlModifier)
    assert "с Садыром Жапаровым в" in [e.text for e in stored.first().entities]
    user.key(Qt.Key.Key_Right, Mod.ShiftModifier | Mod.ControlModifier)
    user.key(Qt.Key.Key_Left, Mod.ShiftModifier)
    assert ("Садыром Жапаровым", "PER", "changed") in stored.labels()
    assert window.editing.stack.count() == 1  # four moves of one span: one undo step
    window.editing.undo.trigger()
    assert ("Садыром Жапаровым", "PER", "suggested") in stored.labels()


def test_second_click_on_a_nested_span_selects_the_outer_one(user, window, text) -> None:
    i = text.index("Путин")
    user.drag(i, i + 5)
    user.key(Qt.Key.Key_L)  # LOC "Путин" inside PER "Владимир Путин"
    ctl = window.editing.controller
    user.click(text.index("встретился"))  # plain text: nothing current
    assert ctl.current is None
    user.click(i + 2)
    assert ctl.current_span().label == "LOC"
    user.click(i + 2)
    assert ctl.current_span().text == "Владимир Путин"


def test_dragging_an_edge_resizes_to_whole_words(user, window, stored, text) -> None:
    span_end = text.index("Жапаровым") + len("Жапаровым")
    user.click(text.index("Жапаровым"))
    user.drag(span_end, text.index("Бишкеке") + 3)  # from the edge
    assert ("Садыром Жапаровым в Бишкеке", "PER", "changed") in stored.labels()
    window.editing.undo.trigger()
    assert ("Садыром Жапаровым", "PER", "suggested") in stored.labels()


def test_dragging_the_start_with_alt_keeps_exact_characters(user, stored, text) -> None:
    start = text.index("Садыром")
    user.click(start + 2)
    user.drag(start, start + 3, Mod.AltModifier)  # from the edge
    assert ("ыром Жапаровым", "PER", "changed") in stored.labels()


def test_a_press_inside_a_span_still_selects_text(user, window, stored, text) -> None:
    before = stored.first()
    user.click(text.index("Жапаровым"))
    user.drag(text.index("Жапаровым") + 2, text.index("Жапаровым") + 5)
    assert window.view.selection_span() is not None and stored.first() == before
