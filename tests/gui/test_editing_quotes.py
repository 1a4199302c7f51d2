"""Quotes and speakers by keys and clicks: Q, S + click or select, 1-9, U, edges."""

from __future__ import annotations

from pathlib import Path

from edit_helpers import TEXT, click, db_fixture, drag, key, reopened, window_fixture  # noqa: F401 (fixtures)
from PySide6.QtCore import Qt

Mod = Qt.KeyboardModifier


def _quote(doc, words: str):  # type: ignore[no-untyped-def]
    return next(q for q in doc.quotes if q.text == words)


def test_q_makes_a_quote_without_its_quotation_marks(qtbot, window, db: Path) -> None:
    i = TEXT.index("«Мы")
    drag(qtbot, window, i, TEXT.index("»") + 1)
    key(qtbot, window, Qt.Key.Key_Q)
    q = _quote(reopened(db), "Мы договорились")
    assert (q.state, q.speaker) == ("added", None)
    assert window.editing.controller.current == ("quote", q.id)


def test_s_then_click_links_the_speaker(qtbot, window, db: Path) -> None:
    click(qtbot, window, TEXT.index("важный"))
    key(qtbot, window, Qt.Key.Key_S)
    click(qtbot, window, TEXT.index("Крупнова"))
    q = _quote(reopened(db), "это важный шаг")
    krupnov = next(e for e in reopened(db).entities if e.text == "Юрия Крупнова")
    assert (q.speaker.text, q.speaker.entity) == ("Юрия Крупнова", krupnov.id)
    assert window.editing.undo.text() == "&Undo Set speaker «Юрия Крупнова»"


def test_s_then_select_words_that_are_no_entity(qtbot, window, db: Path) -> None:
    click(qtbot, window, TEXT.index("важный"))
    key(qtbot, window, Qt.Key.Key_S)
    i = TEXT.index("эксперта")
    drag(qtbot, window, i, i + 8)
    sp = _quote(reopened(db), "это важный шаг").speaker
    assert (sp.text, sp.entity) == ("эксперта", None)


def test_number_keys_pick_ranked_candidates_and_u_unlinks(qtbot, window, db: Path) -> None:
    click(qtbot, window, TEXT.index("важный"))
    assert "1: Юрия Крупнова" in window.statusBar().currentMessage()
    key(qtbot, window, Qt.Key.Key_1)
    assert _quote(reopened(db), "это важный шаг").speaker.text == "Юрия Крупнова"
    key(qtbot, window, Qt.Key.Key_U)
    assert _quote(reopened(db), "это важный шаг").speaker is None
    window.editing.undo.trigger()
    assert _quote(reopened(db), "это важный шаг").speaker.text == "Юрия Крупнова"


def test_quote_keeps_its_speaker_when_its_edges_move(qtbot, window, db: Path) -> None:
    click(qtbot, window, TEXT.index("важный"))
    key(qtbot, window, Qt.Key.Key_1)
    key(qtbot, window, Qt.Key.Key_Left, Mod.ShiftModifier)
    q = next(q for q in reopened(db).quotes)
    assert (q.text, q.speaker.text) == ("это важный", "Юрия Крупнова")


def test_escape_cancels_speaker_picking(qtbot, window, db: Path) -> None:
    click(qtbot, window, TEXT.index("важный"))
    key(qtbot, window, Qt.Key.Key_S)
    key(qtbot, window, Qt.Key.Key_Escape)
    click(qtbot, window, TEXT.index("Крупнова"))
    assert _quote(reopened(db), "это важный шаг").speaker is None
    assert window.editing.controller.current_span().text == "Юрия Крупнова"


def test_delete_key_removes_a_quote(qtbot, window, db: Path) -> None:
    click(qtbot, window, TEXT.index("важный"))
    key(qtbot, window, Qt.Key.Key_Delete)
    assert reopened(db).quotes == ()
