"""Merging the work back: lossless, idempotent, newer replaces only its own annotator's
version, and a file that does not belong is refused with one line."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from models.service.annotation import AnnotationService
from models.store import team as tables
from models.store.schema import StoreError
from models.store.store import Store
from models.team.merge import check_target
from models.team.queries import TeamQueries


def _events_in(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    finally:
        conn.close()


def _strip(spans: tuple) -> list[tuple]:
    return [
        (s.start, s.end, getattr(s, "label", None), s.text, s.state, s.annotator) for s in spans
    ]


def test_every_version_and_event_comes_back(team, team_names) -> None:
    assert all(r.refused is None for r in team.reports)
    store = Store(team.team)
    queries = TeamQueries(store)
    assert queries.annotators() == list(team_names)
    for name, path in team.files.items():
        assert tables.count_version_events(store, name) == _events_in(path)
        theirs = Store(path)
        for doc_id in theirs.document_ids():
            mine, orig = queries.version(doc_id, name), theirs.document(doc_id)
            assert mine.status == orig.status == "done"
            assert _strip(mine.entities) == _strip(orig.entities)
            assert _strip(mine.quotes) == _strip(orig.quotes)
            for q_mine, q_orig in zip(mine.quotes, orig.quotes):
                assert (q_mine.speaker is None) == (q_orig.speaker is None)
                if q_orig.speaker is not None and q_orig.speaker.entity is not None:
                    linked = next(e for e in mine.entities if e.id == q_mine.speaker.entity)  # type: ignore[union-attr]
                    assert (linked.start, linked.end) == (q_orig.speaker.start, q_orig.speaker.end)
    # each event keeps who logged it and a stable origin
    rows = store.db.execute(
        "SELECT origin, owner, annotator, action FROM version_events"
    ).fetchall()
    assert {r[1] for r in rows} == set(team_names)
    assert ("boris", "boris", "delete entity") in {(r[1], r[2], r[3]) for r in rows}
    assert len({r[0] for r in rows}) == len(rows)


def test_the_documents_and_their_gold_arrive_in_a_new_team_database(team, team_documents) -> None:
    store = Store(team.team)
    assert store.document_ids() == [d.id for d in team_documents]
    assert tables.corpus_info(store).corpus_id == tables.corpus_info(Store(team.corpus)).corpus_id
    d1 = store.document(team_documents[0].id)
    assert d1.status == "new"
    assert {e.text for e in d1.entities} == {"Владимир Путин", "Садыром Жапаровым", "Москве"}
    assert all(e.state == "suggested" for e in d1.entities)  # the model's, until adjudicated
    assert AnnotationService(store).listing(search="Москва").extent()[0] == 1


def test_merging_twice_changes_nothing(team, merge_into, sql_dump) -> None:
    before = sql_dump(team.team)
    again = merge_into(team.team, *team.files.values())
    assert [r.changed for r in again] == [False, False, False]
    assert [r.unchanged for r in again] == [3, 3, 3]
    assert sql_dump(team.team) == before


def test_a_newer_version_replaces_only_that_annotators_version(
    team, tmp_path: Path, team_documents, merge_into
) -> None:
    old_copy = tmp_path / "anna-old.db"
    shutil.copy(team.files["anna"], old_copy)
    store = Store(team.files["anna"])
    service = AnnotationService(store, annotator="anna")
    d1 = team_documents[0].id
    moscow = next(e for e in service.document(d1).entities if e.text == "Москве")
    service.delete_entity(moscow.id)  # type: ignore[arg-type]
    store.close()
    team_store = Store(team.team)
    boris_before = TeamQueries(team_store).version(d1, "boris")
    (report,) = merge_into(team.team, team.files["anna"])
    assert (report.versions_updated, report.unchanged, report.events_added) == (1, 2, 1)
    queries = TeamQueries(Store(team.team))
    assert "Москве" not in {e.text for e in queries.version(d1, "anna").entities}
    assert queries.version(d1, "boris") == boris_before
    # the stale copy does not bring the deleted span back
    (stale,) = merge_into(team.team, old_copy)
    assert (stale.versions_kept, stale.versions_updated, stale.events_added) == (1, 0, 0)
    assert "Москве" not in {
        e.text for e in TeamQueries(Store(team.team)).version(d1, "anna").entities
    }


def test_merging_into_the_corpus_itself(team, merge_into) -> None:
    reports = merge_into(team.corpus, *team.files.values())
    assert all(r.refused is None for r in reports)
    store = Store(team.corpus)
    assert (
        len(store.document_ids()) == 3
        and TeamQueries(store).compared_documents() == store.document_ids()
    )


def test_a_file_from_another_corpus_is_refused(
    team, tmp_path: Path, make_team_corpus, assign_all, merge_into, sql_dump
) -> None:
    other = make_team_corpus(tmp_path / "other" / "corpus.db")
    files = assign_all(other, tmp_path / "other" / "out", ("gleb",))
    before = sql_dump(team.team)
    (report,) = merge_into(team.team, files["gleb"])
    assert report.refused is not None and "from another corpus" in report.refused
    assert sql_dump(team.team) == before


def test_refused_files_do_not_stop_the_batch(team, tmp_path: Path, merge_into) -> None:
    fresh = tmp_path / "fresh.db"
    text = tmp_path / "notes.db"
    text.write_text("это не база данных")
    reports = merge_into(fresh, team.corpus, text, tmp_path / "missing.db", *team.files.values())
    assert [r.refused is None for r in reports] == [False, False, False, True, True, True]
    assert "has no annotator" in reports[0].refused  # type: ignore[operator]
    assert "not an SQLite file" in reports[1].refused  # type: ignore[operator]
    assert "no such database" in reports[2].refused  # type: ignore[operator]
    for r in reports[:3]:
        assert "\n" not in r.line() and r.line().startswith(str(r.path))


def test_a_team_database_is_not_an_assigned_file(team) -> None:
    with pytest.raises(StoreError, match="is anna's assigned file"):
        check_target(Store(team.files["anna"]))


def test_the_team_database_itself_is_refused(team, merge_into) -> None:
    (report,) = merge_into(team.team, team.team)
    assert report.refused is not None
