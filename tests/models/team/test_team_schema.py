"""Schema 2: a v1 database migrates in place (backed up, nothing lost), every database
knows its corpus, and the file is browsable: foreign keys, search indexes, views."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from models.service.annotation import AnnotationService
from models.store import schema
from models.store import team as tables
from models.store.store import Store

VIEWS = {
    "document_overview",
    "entity_mentions",
    "quotes_with_speakers",
    "speakers",
    "annotations_by_annotator",
    "annotator_progress",
}


@pytest.fixture
def v1_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_team_corpus) -> Path:
    """A database written by the schema-1 razmetka, with the scripted documents."""
    with monkeypatch.context() as m:
        m.setattr(schema, "SCHEMA_VERSION", 1)
        m.setitem(schema.MIGRATIONS, 2, "SELECT RAISE(ABORT, 'not in schema 1');")
        make_team_corpus(tmp_path / "old.db")
    conn = sqlite3.connect(tmp_path / "old.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert (
        conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'corpus_info'").fetchone()[0]
        == 0
    )
    conn.close()
    return tmp_path / "old.db"


def _search(store: Store, table: str, words: str) -> int:
    return int(
        store.db.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", [words]).fetchone()[
            0
        ]
    )


def test_v1_migrates_with_a_backup_and_keeps_everything(v1_corpus: Path) -> None:
    old = sqlite3.connect(v1_corpus)
    before = {
        t: old.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
        for t in ("documents", "entities", "quotes", "events", "predictions")
    }
    old.close()
    store = Store(v1_corpus)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == 2
    for table, rows in before.items():
        assert store.db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall() == rows
    backup = sqlite3.connect(v1_corpus.with_name("old.db.v1.bak"))
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    backup.close()
    info = tables.corpus_info(store)
    assert re.fullmatch("[0-9a-f]{32}", info.corpus_id) and re.fullmatch(
        "[0-9a-f]{32}", info.file_id
    )
    assert info.annotator is None and info.assignment is None
    # the new indexes were built from the rows already there
    assert _search(store, "documents_search", "Жапаровым") == 1
    assert _search(store, "quotes_search", "переговорам") == 1
    assert _search(store, "quotes_search", "Песков") == 1


def test_each_database_gets_its_own_ids(tmp_path: Path) -> None:
    a, b = Store(tmp_path / "a.db"), Store(tmp_path / "b.db")
    ia, ib = tables.corpus_info(a), tables.corpus_info(b)
    assert ia.corpus_id != ib.corpus_id and ia.file_id != ib.file_id
    assert tables.corpus_info(Store.in_memory()).corpus_id != ia.corpus_id


def test_existing_code_reads_a_migrated_database_as_before(v1_corpus: Path, team_documents) -> None:
    store = Store(v1_corpus)
    assert store.stats() == {
        "documents": 3,
        "by_status": {"new": 3},
        "by_label": {"LOC": 2, "ORG": 1, "PER": 4},
        "quotes": 1,
    }
    assert [d.id for d in store.iter_documents()] == [d.id for d in team_documents]
    assert (
        AnnotationService(store).listing(search="Жапаровым").extent()[0] == 1
    )  # the old lemma index still answers


def test_search_indexes_follow_imports_and_edits(store: Store, team_documents) -> None:
    for doc in team_documents:
        store.add_document(doc)
    service = AnnotationService(store, annotator="anna")
    d2 = team_documents[1].id
    assert _search(store, "documents_search", "Песков") == 1
    quote = service.document(d2).quotes[0]
    service.unlink_speaker(quote.id)  # type: ignore[arg-type]
    assert _search(store, "quotes_search", "Песков") == 0
    undo = service.delete_quote(quote.id)  # type: ignore[arg-type]
    assert _search(store, "quotes_search", "переговорам") == 0
    service.revert(undo)
    assert _search(store, "quotes_search", "переговорам") == 1
    service.delete_quote(quote.id)  # type: ignore[arg-type]
    start = team_documents[1].text.index("готовы")
    service.add_quote(d2, start, start + len("готовы"), exact=True)  # quotes never overlap
    assert _search(store, "quotes_search", "готовы") == 1
    assert _search(store, "quotes_search", "переговорам") == 0
    store.db.execute("INSERT INTO quotes_search (quotes_search) VALUES ('integrity-check')")


def test_datasette_finds_the_search_index_of_documents_and_quotes(
    store: Store, team_documents
) -> None:
    """datasette's own detection query (detect_fts in datasette/utils) finds both."""
    for table, fts in (("documents", "documents_search"), ("quotes", "quotes_search")):
        found = store.db.execute(
            "SELECT name FROM sqlite_master WHERE rootpage = 0 AND ("
            f" sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"{table}\"%'"
            f" OR (tbl_name = '{table}' AND sql LIKE '%VIRTUAL TABLE%USING FTS%'))"
        ).fetchall()
        assert found == [(fts,)]
    # datasette searches by the table's rowid
    for doc in team_documents:
        store.add_document(doc)
    rows = store.db.execute(
        "SELECT id FROM documents WHERE rowid IN (SELECT rowid FROM documents_search"
        " WHERE documents_search MATCH 'Москве')"
    ).fetchall()
    assert rows == [(team_documents[0].id,)]


def test_views_for_people_answer(store: Store, team_documents) -> None:
    for doc in team_documents:
        store.add_document(doc)
    names = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert names == VIEWS
    overview = store.db.execute(
        "SELECT title, entities, quotes, versions FROM document_overview ORDER BY position"
    ).fetchall()
    assert overview[0] == (team_documents[0].text, 3, 0, None)
    quotes = store.db.execute(
        "SELECT quote, speaker, speaker_label FROM quotes_with_speakers"
    ).fetchall()
    assert quotes == [("Мы готовы к переговорам", "Дмитрий Песков", "PER")]
    assert store.db.execute("SELECT speaker, quotes, documents FROM speakers").fetchall() == [
        ("Дмитрий Песков", 1, 1)
    ]
    mentions = store.db.execute(
        "SELECT label, text FROM entity_mentions WHERE doc_id = ?", [team_documents[0].id]
    ).fetchall()
    assert ("LOC", "Москве") in mentions
    for view in VIEWS:
        store.db.execute(f"SELECT * FROM {view}").fetchall()


def test_team_tables_have_foreign_keys(store: Store) -> None:
    links = {
        (table, r[2])
        for table in (
            "document_versions",
            "version_entities",
            "version_quotes",
            "version_events",
            "merges",
        )
        for r in store.db.execute(f"PRAGMA foreign_key_list({table})")
    }
    assert links == {
        ("document_versions", "documents"),
        ("document_versions", "annotators"),
        ("version_entities", "document_versions"),
        ("version_quotes", "document_versions"),
        ("version_quotes", "version_entities"),
        ("version_events", "annotators"),
        ("version_events", "documents"),
        ("merges", "annotators"),
    }
