"""Every hotkey by the same physical key in the Russian layout (ЙЦУКЕН).

With only a Cyrillic layout active the key event carries the Cyrillic letter: З where P
is printed, Я for Z. The events here are those such a keyboard sends (Cyrillic key code
and text), through the same shortcut machinery as a real key press.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.dialogs.keymap_dialog import KeymapDialog

Mod = Qt.KeyboardModifier


def ru(qtbot, letter: str, mods=Mod.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """Press the key that reads ``letter`` in the Russian layout (to the focused widget)."""
    widget = QApplication.focusWidget()
    key = Qt.Key.Key_Return if letter == "\r" else Qt.Key(ord(letter.upper()))
    text = "" if mods & Mod.ControlModifier else letter
    QTest.sendKeyEvent(QTest.KeyAction.Press, widget, key, text, mods)
    QTest.sendKeyEvent(QTest.KeyAction.Release, widget, key, text, mods)


def test_letter_keys_label_relabel_and_quote(qtbot, user, window, stored, text) -> None:
    i = text.index("Президент")
    user.drag(i, i + 9)
    ru(qtbot, "з")  # P
    assert ("Президент", "PER") in [(e.text, e.label) for e in stored.first().entities]
    ru(qtbot, "щ")  # O: relabel the span just made
    assert ("Президент", "ORG") in [(e.text, e.label) for e in stored.first().entities]
    ru(qtbot, "д")  # L
    assert ("Президент", "LOC") in [(e.text, e.label) for e in stored.first().entities]
    j = text.index("«Мы")
    user.drag(j, text.index("»") + 1)
    ru(qtbot, "й")  # Q
    assert "Мы договорились" in [q.text for q in stored.first().quotes]


def test_speaker_unlink_confirm_all_and_undo(qtbot, user, window, stored, text) -> None:
    user.click(text.index("важный"))
    ru(qtbot, "ы")  # S: pick the speaker by a click
    user.click(text.index("Крупнова"))
    quote = next(q for q in stored.first().quotes if q.text == "это важный шаг")
    assert quote.speaker.text == "Юрия Крупнова"
    ru(qtbot, "г")  # U
    assert next(q for q in stored.first().quotes).speaker is None
    ru(qtbot, "я", Mod.ControlModifier)  # Ctrl+Z
    assert next(q for q in stored.first().quotes).speaker.text == "Юрия Крупнова"
    assert window.status.full_text().startswith("Undo: ")
    ru(qtbot, "ф")  # A: confirm all
    assert {e.state for e in stored.first().entities} == {"confirmed"}
    ru(qtbot, "я", Mod.ControlModifier | Mod.ShiftModifier)  # Ctrl+Shift+Z: nothing to redo
    assert "Nothing to redo" in window.status.full_text()
    ru(qtbot, "я", Mod.ControlModifier)
    ru(qtbot, "я", Mod.ControlModifier | Mod.ShiftModifier)  # redo the confirm all
    assert {e.state for e in stored.first().entities} == {"confirmed"}


def test_enter_combos_and_window_keys(qtbot, user, window, stored, answer) -> None:
    first = window.current.id
    ru(qtbot, "л", Mod.ControlModifier | Mod.ShiftModifier)  # Ctrl+Shift+K: skip
    assert stored.status(first) == "skipped"
    second = window.current.id
    assert second != first
    answer("Mark done anyway")
    ru(qtbot, "\r", Mod.ControlModifier)  # Ctrl+Enter in the Russian layout: done
    assert stored.status(second) == "done"
    window.activateWindow()  # back from the question (a window manager does this)
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    ru(qtbot, "а", Mod.ControlModifier)  # Ctrl+F: the find bar
    assert window.find_bar.isVisible() and window.find_bar.edit.hasFocus()


def test_cyrillic_typed_into_the_search_box_stays_text(qtbot, window, stored) -> None:
    before = stored.first()
    box = window.document_list.search_box
    box.setFocus()
    for letter in "злщ":
        ru(qtbot, letter)
    assert box.text() == "злщ" and stored.first() == before


def test_the_keyboard_map_shows_both_layouts(qtbot, user, window) -> None:
    user.key(Qt.Key.Key_F1)
    dialog = window.findChild(KeymapDialog)
    keys = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert {"P · З", "L · Д", "O · Щ", "Q · Й", "S · Ы", "U · Г", "Ctrl+Z · Ctrl+Я"} <= keys
    assert any("A · Ф" in k for k in keys)
