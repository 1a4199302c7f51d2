"""Adjudication through real key presses: Tab walks the disagreements, a digit takes
that annotator's side, R rejects, E hands the final span to the article's keys, Ctrl+Z
takes a decision back; the gold is what was decided and the log names the adjudicator."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt

from models import Store

Ctrl, Shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _gold(path: Path, doc_id: str) -> set[tuple[str, str, str]]:
    store = Store(path, readonly=True)
    try:
        return {(e.text, e.label, e.state) for e in store.document(doc_id).entities}
    finally:
        store.close()


def _decisions(path: Path, doc_id: str) -> list[tuple[str, str]]:
    store = Store(path, readonly=True)
    try:
        events = store.events(doc_id)
    finally:
        store.close()
    return [(e["annotator"], e["operation"]) for e in events if e["operation"]]


def _header(view) -> str:  # type: ignore[no-untyped-def]
    return re.sub("<[^>]+>", "", view.header.text())


def _adjudicate(qtbot, window, doc_id: str):  # type: ignore[no-untyped-def]
    window.open_document(doc_id)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_J, Ctrl | Shift)  # Team > Adjudicate document
    view = window.team.adjudication
    assert window.team.adjudication_dock.isVisible() and view.table.hasFocus()
    return view


def test_keys_decide_the_gold_and_ctrl_z_takes_a_decision_back(
    qtbot, team, team_ids, team_window
) -> None:
    d1 = team_ids[0]
    window = team_window(team.team)
    view = _adjudicate(qtbot, window, d1)
    assert [c.span.text for c in view.current.candidates] == ["Садыром Жапаровым", "Жапаровым"]
    assert _gold(team.team, d1) == {
        ("Владимир Путин", "PER", "confirmed"),  # agreed: accepted already
        ("Садыром Жапаровым", "PER", "suggested"),
        ("Жапаровым", "PER", "suggested"),
        ("Москве", "LOC", "suggested"),
    }
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)  # to the second disagreement
    assert view.current.candidates[0].span.text == "Москве"
    assert window.view.textCursor().selectedText() == "Москве"  # shown in the article
    qtbot.keyClick(view.table, Qt.Key.Key_2)  # boris's side: he deleted it
    assert view.current.candidates[0].span.text == "Садыром Жапаровым"  # the one left
    qtbot.keyClick(view.table, Qt.Key.Key_R)  # reject both readings of the name
    assert _gold(team.team, d1) == {("Владимир Путин", "PER", "confirmed")}
    assert "0 of 2 disagreements" in _header(view)
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Ctrl)  # undo the rejection
    assert ("Жапаровым", "PER", "suggested") in _gold(team.team, d1)
    assert "1 of 2 disagreements" in _header(view)
    qtbot.keyClick(view.table, Qt.Key.Key_2)  # now boris's side: the surname alone
    assert _gold(team.team, d1) == {
        ("Владимир Путин", "PER", "confirmed"),
        ("Жапаровым", "PER", "added"),  # not the model's: the adjudicator added it
    }
    assert {e.text for e in window.current.document.entities} == {"Владимир Путин", "Жапаровым"}
    assert view.model.rows[-1].state == "left out"  # «Москве» stays out of the gold
    decisions = [d for d in _decisions(team.team, d1) if d[1].startswith("Adjudicate")]
    assert {who for who, _ in decisions} == {"lead"}
    assert ("lead", "Adjudicate: boris's side: PER «Жапаровым»") in decisions
    assert ("lead", "Adjudicate: boris's side: nothing") in decisions


def test_e_makes_the_final_span_the_adjudicators_own_for_the_span_keys(
    qtbot, team, team_documents, team_window
) -> None:
    d2 = team_documents[1].id
    window = team_window(team.team)
    view = _adjudicate(qtbot, window, d2)  # anna: quote + speaker; boris: no speaker; vera: none
    assert len(view.current.candidates) == 2
    qtbot.keyClick(view.table, Qt.Key.Key_E)
    assert window.view.hasFocus()  # the article has the adjudicator's span now
    qtbot.keyClick(window.view, Qt.Key.Key_Left, Shift)  # end one word left
    store = Store(team.team, readonly=True)
    quotes = store.document(d2).quotes
    store.close()
    assert [(q.text, q.state, q.annotator) for q in quotes] == [("Мы готовы к", "added", "lead")]
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Дмитрий Песков"
    assert quotes[0].start == team_documents[1].text.index("Мы")
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Ctrl)  # the edge move
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Ctrl)  # the decision
    store = Store(team.team, readonly=True)
    states = sorted((q.text, q.state) for q in store.document(d2).quotes)
    store.close()
    # pending again: quotes never overlap, so one of the two candidates stands suggested
    assert states == [("Мы готовы к переговорам", "suggested")]
    assert "1 of 1 disagreements" in _header(view)


def test_the_view_shows_each_version_and_who_has_each_span(
    qtbot, team, team_ids, team_window
) -> None:
    d1, d2, _ = team_ids
    window = team_window(team.team)
    view = _adjudicate(qtbot, window, d1)
    assert list(view.panes.views) == ["anna", "boris", "vera"]
    assert view.panes.views["boris"].toPlainText() == window.view.toPlainText()
    model = view.model
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert header == ["#", "Span", "Label", "1 anna", "2 boris", "3 vera", "Gold"]
    rows = {model.index(r, 1).data(): [model.index(r, c).data() for c in (0, 3, 4, 5, 6)]
            for r in range(model.rowCount())}  # fmt: skip
    assert rows == {
        "«Владимир Путин»": ["✓", "●", "●", "●", "accepted"],
        "«Садыром Жапаровым»": ["1", "●", "", "●", "pending"],
        "«Жапаровым»": ["1", "", "●", "", "pending"],
        "«Москве»": ["2", "●", "", "●", "pending"],
    }
    window.open_document(d2)  # the view follows the open document
    assert list(view.panes.views) == ["anna", "boris", "vera"]
    assert model.rowCount() == 3 and "Ctrl+Shift+J" in _header(view)
