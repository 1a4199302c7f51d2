"""The status line describes the selection and confirms each action; nothing stale stays.

It reads what a user reads at the bottom of the window: the span just clicked (label,
words, suggested or confirmed, model or person, who and when), the speaker of a quote,
the words of the last action (undo and redo included), a pending speaker pick.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

Mod = Qt.KeyboardModifier


def line(window) -> str:  # type: ignore[no-untyped-def]
    return window.status.full_text()


def test_a_click_on_a_span_describes_it(user, window, text) -> None:
    user.click(text.index("Бишкеке") + 1)
    assert "LOC «Бишкеке» · suggested by the model" in line(window)
    user.key(Qt.Key.Key_Return)  # confirm, and on to the next suggestion
    assert line(window).startswith("Confirm LOC «Бишкеке» — ")
    user.click(text.index("Бишкеке") + 1)  # a click: the action's words go
    assert not line(window).startswith("Confirm")
    assert "LOC «Бишкеке» · the model's, confirmed by tester, " in line(window)


def test_a_person_s_edit_says_who_and_when(user, window, text) -> None:
    i = text.index("Президент")
    user.drag(i, i + 9)
    assert "«Президент» selected" in line(window)
    user.key(Qt.Key.Key_P)
    assert line(window).startswith("Add PER «Президент»")
    assert "PER «Президент» · added by tester, " in line(window)


def test_undo_and_redo_name_the_step_they_take(user, window, text) -> None:
    user.click(text.index("Бишкеке") + 1)
    user.key(Qt.Key.Key_O)
    user.key(Qt.Key.Key_Delete)
    assert line(window).startswith("Delete ORG «Бишкеке»")
    user.key(Qt.Key.Key_Z, Mod.ControlModifier)
    assert line(window).startswith("Undo: Delete ORG «Бишкеке»")
    user.key(Qt.Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    assert line(window).startswith("Redo: Delete ORG «Бишкеке»")
    user.key(Qt.Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    assert line(window).startswith("Nothing to redo")


def test_a_quote_names_its_speaker_and_candidates(user, window, text) -> None:
    user.click(text.index("важный"))
    assert "QUOTE «это важный шаг» · suggested by the model · no speaker · 1: " in line(window)
    user.key(Qt.Key.Key_1)
    assert "speaker: Юрия Крупнова" in line(window)


def test_escape_ends_the_speaker_pick_and_its_words(user, window, text) -> None:
    user.click(text.index("важный"))
    user.key(Qt.Key.Key_S)
    assert "Picking the speaker of «это важный шаг»" in line(window)
    user.key(Qt.Key.Key_Escape)
    assert "Picking" not in line(window)
    assert line(window).startswith("Speaker not changed — QUOTE «это важный шаг»")
    user.click(text.index("Президент") + 2)  # plain text: nothing selected now
    assert "Speaker" not in line(window) and "QUOTE" not in line(window)
    assert "suggestions left: Tab goes to the next" in line(window)
