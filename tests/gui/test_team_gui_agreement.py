"""The agreement panel: the figures the model side computes, measured off the GUI
thread, and a click on a document opens it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from models import Store
from models.team.queries import TeamQueries

Ctrl, Shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _cells(model, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(row, c).data() for c in range(model.columnCount())]


@pytest.fixture
def measured(qtbot, team, team_window):  # type: ignore[no-untyped-def]
    """The window on the scripted team, its agreement panel measured (Team > Agreement)."""
    window = team_window(team.team)
    with qtbot.waitSignal(window.team.agreement.measured, timeout=30_000):
        window.team.actions["agreement"].trigger()
    return window


def test_the_panel_shows_the_figures_of_the_model_side(qtbot, team, team_window) -> None:
    window = team_window(team.team)
    panel = window.team.agreement
    with qtbot.waitSignal(panel.measured, timeout=30_000):
        qtbot.keyClick(window.view, Qt.Key.Key_G, Ctrl | Shift)
        assert window.team.agreement_dock.isVisible()
        assert panel.report is None and panel.progress.isVisible()  # measuring, not blocking
    store = Store(team.team, readonly=True)
    expected = TeamQueries(store).agreement(0.5)
    store.close()
    assert panel.report.to_json() == expected.to_json()
    pairs = panel.model("pairs")
    # All pairs on the scripted team, as worked out by hand (docs/teams.md's example).
    assert _cells(pairs, 0)[:6] == ["all pairs", "3", "0.850", "0.950", "0.910", "0.912"]
    for row, p in enumerate(expected.pairs, 1):
        e, q = p.entities, p.quotes
        assert _cells(pairs, row) == [
            f"{p.a} – {p.b}",
            "3",
            f"{e.exact.f1:.3f}",
            f"{e.overlap.f1:.3f}",
            f"{e.kappa:.3f}",
            f"{e.alpha:.3f}",
            f"{q.overlap.f1:.3f}",
            "—" if q.speaker_agreement is None else f"{q.speaker_agreement:.3f} of 1",
        ]
    labels = panel.model("labels")
    assert [labels.index(r, 0).data() for r in range(labels.rowCount())] == list(expected.labels)
    quote_row = list(expected.labels).index("QUOTE")
    assert _cells(labels, quote_row)[7] == "0.000 of 1"  # boris unlinked the speaker anna kept


def test_a_click_on_the_worst_document_opens_it(qtbot, measured) -> None:
    window, panel = measured, measured.team.agreement
    table = panel.tables["documents"]
    worst = panel.report.documents[0]
    assert table.model().index(0, 0).data().startswith(worst.title)
    assert worst.entities.alpha < panel.report.documents[-1].entities.alpha
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current.id == worst.doc_id


def test_a_new_threshold_is_measured_again(qtbot, measured) -> None:
    panel = measured.team.agreement
    panel.threshold.setValue(0.9)  # «Жапаровым» in «Садыром Жапаровым»: IoU 0.53
    with qtbot.waitSignal(panel.measured, timeout=30_000):
        qtbot.mouseClick(panel.measure_button, Qt.MouseButton.LeftButton)
    assert panel.report.threshold == 0.9
    assert _cells(panel.model("pairs"), 0)[2:4] == ["0.850", "0.850"]
    assert panel.model("pairs").headerData(3, Qt.Orientation.Horizontal) == "F1 IoU≥0.9"
