"""Quotes and speakers by keys and clicks: Q, S + click or select, 1-9, U, edges."""

from __future__ import annotations

from PySide6.QtCore import Qt

Mod = Qt.KeyboardModifier


def _quote(doc, words: str):  # type: ignore[no-untyped-def]
    return next(q for q in doc.quotes if q.text == words)


def test_q_makes_a_quote_without_its_quotation_marks(user, window, stored, text) -> None:
    i = text.index("«Мы")
    user.drag(i, text.index("»") + 1)
    user.key(Qt.Key.Key_Q)
    q = _quote(stored.first(), "Мы договорились")
    assert (q.state, q.speaker) == ("added", None)
    assert window.editing.controller.current == ("quote", q.id)


def test_s_then_click_links_the_speaker(user, window, stored, text) -> None:
    user.click(text.index("важный"))
    user.key(Qt.Key.Key_S)
    user.click(text.index("Крупнова"))
    q = _quote(stored.first(), "это важный шаг")
    krupnov = next(e for e in stored.first().entities if e.text == "Юрия Крупнова")
    assert (q.speaker.text, q.speaker.entity) == ("Юрия Крупнова", krupnov.id)
    assert window.editing.undo.text() == "&Undo Set speaker «Юрия Крупнова»"


def test_s_then_select_words_that_are_no_entity(user, window, stored, text) -> None:
    user.click(text.index("важный"))
    user.key(Qt.Key.Key_S)
    i = text.index("эксперта")
    user.drag(i, i + 8)
    sp = _quote(stored.first(), "это важный шаг").speaker
    assert (sp.text, sp.entity) == ("эксперта", None)


def test_number_keys_pick_ranked_candidates_and_u_unlinks(user, window, stored, text) -> None:
    user.click(text.index("важный"))
    assert "1: Юрия Крупнова" in window.status.full_text()
    user.key(Qt.Key.Key_1)
    assert _quote(stored.first(), "это важный шаг").speaker.text == "Юрия Крупнова"
    user.key(Qt.Key.Key_U)
    assert _quote(stored.first(), "это важный шаг").speaker is None
    window.editing.undo.trigger()
    assert _quote(stored.first(), "это важный шаг").speaker.text == "Юрия Крупнова"


def test_quote_keeps_its_speaker_when_its_edges_move(user, window, stored, text) -> None:
    user.click(text.index("важный"))
    user.key(Qt.Key.Key_1)
    user.key(Qt.Key.Key_Left, Mod.ShiftModifier)
    q = next(q for q in stored.first().quotes)
    assert (q.text, q.speaker.text) == ("это важный", "Юрия Крупнова")


def test_escape_cancels_speaker_picking(user, window, stored, text) -> None:
    user.click(text.index("важный"))
    user.key(Qt.Key.Key_S)
    user.key(Qt.Key.Key_Escape)
    user.click(text.index("Крупнова"))
    assert _quote(stored.first(), "это важный шаг").speaker is None
    assert window.editing.controller.current_span().text == "Юрия Крупнова"


def test_delete_key_removes_a_quote(user, window, stored, text) -> None:
    user.click(text.index("важный"))
    user.key(Qt.Key.Key_Delete)
    assert stored.first().quotes == ()
