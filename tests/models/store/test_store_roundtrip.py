"""Store: documents and spans go in and come back the same; re-import is a no-op."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from models.spans import Document, Entity, Quote, Speaker
from models.store.store import Store

TEXT = "«Мы готовы», — сказал Иван Петров в Москве."


def _doc() -> Document:
    ivan = Entity(22, 33, "PER", "Иван Петров", "Иван Петров")
    moscow = Entity(36, 42, "LOC", "Москве", "Москва")
    quote = Quote(1, 10, "Мы готовы", Speaker(22, 33, "Иван Петров", "Иван Петров"))
    return Document("d1", TEXT, {"title": "t", "date": "2025-01-01"}).with_annotations(
        [ivan, moscow], [quote]
    )


def test_round_trip_keeps_spans_and_links_speaker(store: Store) -> None:
    assert store.add_document(_doc())
    back = store.document("d1")
    assert [(e.start, e.end, e.label, e.normal) for e in back.entities] == [
        (22, 33, "PER", "Иван Петров"),
        (36, 42, "LOC", "Москва"),
    ]
    (quote,) = back.quotes
    assert quote.text == "Мы готовы"
    assert quote.speaker is not None
    assert quote.speaker.entity == back.entities[0].id
    assert back.meta["date"] == "2025-01-01"


def test_same_document_twice_is_stored_once(store: Store) -> None:
    assert store.add_document(_doc())
    assert not store.add_document(_doc())
    assert store.stats()["documents"] == 1


def test_model_snapshot_stays_untouched_after_edits(store: Store) -> None:
    store.add_document(_doc())
    ent = store.document("d1").entities[1]
    store.spans.delete_entity(ent.id, annotator="anna")
    assert len(store.document("d1").entities) == 1
    assert len(store.predictions("d1").entities) == 2


def test_every_edit_is_in_the_event_log(store: Store) -> None:
    store.add_document(_doc())
    ent = store.document("d1").entities[0]
    store.spans.delete_entity(ent.id, annotator="anna")
    last = store.events("d1")[-1]
    assert last["action"] == "delete entity"
    assert last["annotator"] == "anna"
    assert last["before"]["text"] == "Иван Петров" and last["after"] is None


def test_edit_survives_reopening_from_disk(tmp_db: Path) -> None:
    store = Store(tmp_db)
    store.add_document(_doc())
    store.set_status("d1", "done", annotator="anna")
    del store  # no close: as if the process died
    again = Store(tmp_db)
    assert again.document("d1").status == "done"
    conn = sqlite3.connect(tmp_db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] >= 1


def test_deleting_a_speaker_entity_unlinks_but_keeps_the_quote(store: Store) -> None:
    store.add_document(_doc())
    ivan = store.document("d1").entities[0]
    store.spans.delete_entity(ivan.id)
    (quote,) = store.document("d1").quotes
    assert quote.speaker is not None and quote.speaker.entity is None
    assert quote.speaker.text == "Иван Петров"


def test_event_log_is_append_only(store: Store) -> None:
    store.add_document(_doc())
    import pytest

    with pytest.raises(sqlite3.DatabaseError):
        store.db.execute("DELETE FROM events")
