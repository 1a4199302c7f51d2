"""The dashboard: six pyqtgraph plots drawn from the report's figures (gathered off the
GUI thread), and the HTML report saved from it, never over someone else's file."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Qt

from models import AnnotationService, Store
from models.team.adjudicate import Adjudication
from models.team.html import is_report

Ctrl, Shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _bars(plot: pg.PlotItem) -> dict[str, list[float]]:
    return {
        item.name(): [float(h) for h in item.opts["height"]]
        for item in plot.listDataItems()
        if isinstance(item, pg.BarGraphItem)
    }


def _finish(path: Path, *doc_ids: str, side: str = "boris") -> None:
    """The adjudicator settles these documents (every disagreement: one side)."""
    service = AnnotationService(Store(path), annotator="lead")
    for doc_id in doc_ids:
        adj = Adjudication(service, doc_id)
        adj.prepare()
        while (d := adj.next_disagreement(pending=True)) is not None:
            adj.take_side(d, side)
        service.set_status(doc_id, "done")
    service.store.close()


def test_the_dashboard_draws_the_reports_figures(qtbot, team, team_ids, team_window) -> None:
    d1, _, d3 = team_ids
    _finish(team.team, d1, d3)
    window = team_window(team.team)
    board = window.team.dashboard
    with qtbot.waitSignal(board.drawn, timeout=30_000):
        qtbot.keyClick(window.view, Qt.Key.Key_B, Ctrl | Shift)
        assert board.isVisible() and board.data is None  # gathered in the background
    data = board.data
    assert all(plot.listDataItems() for plot in board.plots.values())
    labels = _bars(board.plots["labels"])
    assert list(labels) == ["gold", "anna", "boris", "vera"]
    assert labels["gold"] == [1.0, 1.0, 4.0, 1.0]  # LOC ORG PER QUOTE: «Москве» rejected
    assert labels["vera"][3] == 0.0  # she deleted the only quote
    model = _bars(board.plots["model"])
    scores = data.model["entities"]
    assert model["precision"][:3] == [scores[k]["precision"] for k in ("LOC", "ORG", "PER")]
    # d1 and d3 done: the model's «Москве» and «Садыром Жапаровым» are not in the gold, and
    # «Жапаровым» is not the model's.
    assert model["precision"][:3] == [0.5, 1.0, 0.6667]  # rounded as the report rounds
    assert model["recall"][:3] == [1.0, 1.0, 0.6667]
    agreement = _bars(board.plots["agreement"])
    assert agreement["F1 exact"] == [a.exact.f1 for a in data.agreement.labels.values()]
    lines = board.plots["statuses"].listDataItems()
    assert {line.name() for line in lines} == {"done", "new"}
    done = next(line for line in lines if line.name() == "done")
    assert done.getData()[1][-1] == 2.0  # d1 and d3
    assert board.plots["rates"].listDataItems()


def test_the_html_report_is_saved_but_never_over_a_foreign_file(
    qtbot, tmp_path: Path, team, team_window
) -> None:
    window = team_window(team.team)
    board = window.team.dashboard
    with qtbot.waitSignal(board.drawn, timeout=30_000):
        window.team.actions["dashboard"].trigger()
    out = tmp_path / "report.html"
    assert board.save_report(out)
    assert is_report(out.read_bytes()[:64]) and "<svg" in out.read_text(encoding="utf-8")
    assert board.save_report(out)  # its own report: replaced
    mine = tmp_path / "notes.html"
    mine.write_text("my notes", encoding="utf-8")
    assert not board.save_report(mine)
    assert mine.read_text(encoding="utf-8") == "my notes"
    assert "not a razmetka report" in board.summary.text()
