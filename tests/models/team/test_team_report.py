"""The progress report: figures from the event logs, and a standalone page whose charts
are real SVG (bars and lines), with nothing fetched from the network."""

from __future__ import annotations

import json
import re
import sqlite3
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from models.service.annotation import AnnotationService
from models.store.store import Store
from models.team.adjudicate import Adjudication
from models.team.html import is_report, render
from models.team.report import ReportData, collect

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory, team_documents, build_team):
    made = build_team(tmp_path_factory.mktemp("report"))
    service = AnnotationService(Store(made.team), annotator="lead")
    for doc in team_documents:
        adj = Adjudication(service, doc.id)
        adj.prepare()
        for d in adj.disagreements():
            adj.take_side(d, "anna")
        service.set_status(doc.id, "done")
    return made


@pytest.fixture(scope="module")
def data(team) -> ReportData:
    return collect(Store(team.team), "team.db")


def _span_events(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(
            conn.execute(
                "SELECT count(*) FROM events WHERE action IN ('add entity', 'change entity',"
                " 'delete entity', 'add quote', 'change quote', 'delete quote')"
            ).fetchone()[0]
        )
    finally:
        conn.close()


def test_the_figures_come_from_the_logs(team, data: ReportData) -> None:
    assert data.statuses.series["done"][-1] == 3
    assert {name: line[-1] for name, line in data.done.series.items()} == {
        "anna": 3,
        "boris": 3,
        "vera": 3,
    }
    for name, path in team.files.items():
        assert data.rates[name][0] == _span_events(path)
    assert data.rates["lead"][0] > 0  # the adjudicator's own edits
    assert data.labels["gold"] == {"PER": 4, "LOC": 2, "ORG": 1, "QUOTE": 1}
    assert data.labels["boris"]["LOC"] == 1
    assert data.agreement is not None and data.agreement.labels["ORG"].exact.f1 == 1.0
    # the model (the corpus's suggestions) against the adjudicated gold
    per = data.model["entities"]["PER"]
    assert (per["tp"], per["fp"], per["fn"]) == (4, 0, 0)
    assert data.model["documents"] == 3


def test_the_page_has_charts_and_needs_no_network(data: ReportData) -> None:
    page = render(data)
    assert is_report(page.encode()[:64])
    svgs = re.findall(r"<svg.*?</svg>", page, re.S)
    assert len(svgs) == 6
    trees = [ET.fromstring(s) for s in svgs]  # each one well-formed SVG
    bars = sum(len(t.findall(f".//{SVG}rect")) for t in trees)
    lines = sum(len(t.findall(f".//{SVG}polyline")) for t in trees)
    assert bars > 20 and lines >= 4
    titles = [t.findtext(f"{SVG}title") for t in trees]
    assert "Documents by status" in titles and "Documents done, per annotator" in titles
    assert any(t and t.startswith("Pre-annotation on 3 done documents") for t in titles)
    for needle in ("<script", "src=", "href=", "url(", "@import", "<link"):
        assert needle not in page
    assert "PER" in page and "boris" in page


def test_status_over_time_by_day(tmp_path: Path, team_documents) -> None:
    store = Store(tmp_path / "plain.db")
    docs = team_documents[:2]
    for doc in docs:
        store.add_document(doc)
    now = datetime.now(timezone.utc)
    # three days and more after the import, whatever the machine's speed: daily buckets
    for days, doc in ((1, docs[0]), (3, docs[1])):
        at = (now + timedelta(days=days)).isoformat(timespec="milliseconds")
        store.db.execute(
            "INSERT INTO events (doc_id, at, action, before, after)"
            " VALUES (?, ?, 'set status', ?, ?)",
            [doc.id, at, json.dumps({"status": "new"}), json.dumps({"status": "done"})],
        )
    data = collect(store, "plain.db")
    assert len(data.statuses.x) == 4 and re.fullmatch(r"\d{4}-\d\d-\d\d", data.statuses.x[0])
    assert data.statuses.series == {"new": [2, 1, 1, 0], "done": [0, 1, 1, 2]}
    assert data.done.series == {} and data.agreement is None and data.model["documents"] == 0
    page = render(data)
    assert "no document has two or more finished versions yet" in page
    assert "no document is marked done yet" in page
