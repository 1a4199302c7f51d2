"""Editing keys work after a click in a side panel, and a key that cannot apply says why.

A reviewer clicks a row in the Quotes or Entities panel and goes on with the keyboard:
the keys must reach the editing actions although the panel has the keyboard now.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui.panels.entity_model import LEVEL_ROLE

Mod = Qt.KeyboardModifier


def click_row(qtbot, view, index) -> None:  # type: ignore[no-untyped-def]
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def press(qtbot, key, mods=Mod.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key as the keyboard sends it: to whatever widget has the keyboard now."""
    qtbot.keyClick(QApplication.focusWidget(), key, mods)


def test_number_keys_after_a_click_on_a_quotes_row(qtbot, window, stored) -> None:
    table = window.quote_panel.table
    click_row(qtbot, table, window.quote_panel.model.index(0, 0))
    assert QApplication.focusWidget() is table  # the panel has the keyboard
    candidates = window.service.speaker_candidates(window.editing.controller.current[1])
    press(qtbot, Qt.Key.Key_1)
    assert stored.first().quotes[0].speaker.text == candidates[0].text
    beyond = len(candidates) + 1
    press(qtbot, Qt.Key(Qt.Key.Key_0 + beyond))
    ordinal = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh")[beyond - 1]
    assert f"{beyond}: no {ordinal} speaker candidate" in window.status.full_text()


def test_edge_keys_after_a_click_on_an_entities_row(qtbot, window, stored) -> None:
    tree, model = window.entity_panel.tree, window.entity_panel.model
    hits = model.match(model.index(0, 0), LEVEL_ROLE, "group", -1, Qt.MatchFlag.MatchRecursive)
    group = next(i for i in hits if i.data() == "Садыром Жапаровым")
    click_row(qtbot, tree, group)
    assert QApplication.focusWidget() is tree
    press(qtbot, Qt.Key.Key_Right, Mod.ControlModifier | Mod.ShiftModifier)
    assert "Жапаровым" in [e.text for e in stored.first().entities]
    assert "Садыром Жапаровым" not in [e.text for e in stored.first().entities]
    press(qtbot, Qt.Key.Key_O)  # a label key relabels it, from the panel too
    assert ("Жапаровым", "ORG") in [(e.text, e.label) for e in stored.first().entities]


def test_keys_that_cannot_apply_say_why(qtbot, user, window, text) -> None:
    user.key(Qt.Key.Key_Delete)  # nothing selected
    assert "Del: select a span first" in window.status.full_text()
    user.click(text.index("Бишкеке") + 1)  # an entity, not a quote
    user.key(Qt.Key.Key_2)
    assert "2: select a quote first" in window.status.full_text()
    user.key(Qt.Key.Key_U)
    assert "U: select a quote first" in window.status.full_text()
    user.click(text.index("важный"))  # a quote without a speaker
    user.key(Qt.Key.Key_U)
    assert "U: this quote has no speaker" in window.status.full_text()
    user.key(Qt.Key.Key_A, Mod.ControlModifier | Mod.ShiftModifier)
    assert "select an entity first" in window.status.full_text()


def test_typing_in_the_search_box_never_edits(qtbot, window, stored) -> None:
    before = stored.first()
    box = window.document_list.search_box
    box.setFocus()
    qtbot.keyClicks(box, "plo")
    assert box.text() == "plo" and stored.first() == before


def test_the_panel_shows_the_current_span_after_an_edit_moves_its_row(user, window, text) -> None:
    user.click(text.index("Бишкеке") + 1)
    user.key(Qt.Key.Key_O)  # the row moves from LOC to ORG
    current = window.entity_panel.tree.currentIndex()
    span_id = window.editing.controller.current[1]
    assert current.isValid() and window.entity_panel.model.index_of_entity(span_id) == current
