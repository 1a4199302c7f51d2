"""A full disk or a write-protected database while working: "not saved", nothing damaged.

The disk is simulated with SQLite's max_page_count (the database may not grow) and a
write error with query_only / a read-only reopen; both make SQLite fail the way a real
full disk or a revoked permission does, with the transaction rolled back.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from models.changes import Change
from models.io.ingest import document_from_text
from models.spans import Document, Entity
from models.store.schema import StoreError
from models.store.store import Store

TEXT = "Мэр Екатеринбурга Алексей Орлов открыл новый мост через реку Исеть. "


def _filled(path: Path, n: int = 5) -> Store:
    store = Store(path)
    for i in range(n):
        doc = document_from_text(f"Статья {i}. " + TEXT * 20)
        store.add_document(
            doc.with_annotations(
                [
                    Entity(
                        len(f"Статья {i}. ") + 18,
                        len(f"Статья {i}. ") + 31,
                        "PER",
                        "Алексей Орлов",
                        "Алексей Орлов",
                    )
                ],
                [],
            )
        )
    return store


def _state(store: Store) -> list[Document]:
    return [store.document(i) for i in store.document_ids()]


def _disk_full(store: Store) -> None:
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")


def test_disk_full_during_an_import_keeps_what_was_saved(tmp_db: Path) -> None:
    store = _filled(tmp_db)
    before, events = _state(store), store.events()
    _disk_full(store)
    big = document_from_text("Очень длинная статья о погоде. " * 5000)
    with pytest.raises(StoreError, match=r"not saved — the disk is full.*try again") as info:
        store.add_document(big)
    assert str(info.value).startswith(f"{tmp_db}: ")
    assert not store.has_document(big.id)
    assert _state(store) == before and store.events() == events
    store.db.execute("PRAGMA max_page_count = 1073741823")  # room again: retry works
    assert store.add_document(big)
    store.close()
    again = Store(tmp_db)
    assert [d.id for d in _state(again)] == [d.id for d in before] + [big.id]
    assert again.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_disk_full_during_an_edit_says_not_saved(tmp_db: Path) -> None:
    store = _filled(tmp_db)
    doc_id = store.document_ids()[0]
    before, events = _state(store), store.events()
    _disk_full(store)
    # A long normal form needs new pages, which the full disk cannot give.
    edit = Entity(0, 6, "ORG", "Статья", "С" * 20_000, state="added")
    with pytest.raises(StoreError, match="not saved — the disk is full"):
        store.apply_changes([Change(doc_id, None, edit)])
    with pytest.raises(StoreError, match="not saved"):
        store.spans.add_entity(doc_id, edit)
    assert _state(store) == before and store.events() == events
    store.db.execute("PRAGMA max_page_count = 1073741823")
    (done,) = store.apply_changes([Change(doc_id, None, edit)])
    assert done.after in store.document(doc_id).entities


def test_write_error_on_a_database_that_became_read_only(tmp_db: Path) -> None:
    store = _filled(tmp_db)
    doc_id = store.document_ids()[0]
    before = _state(store)
    store.db.execute("PRAGMA query_only = 1")  # as when the file is made read-only
    with pytest.raises(StoreError, match="not saved — the database is read-only"):
        store.set_status(doc_id, "done")
    store.db.execute("PRAGMA query_only = 0")
    assert _state(store) == before
    assert store.set_status(doc_id, "done") == "new"


def test_read_only_store_refuses_edits_with_a_clear_message(tmp_db: Path) -> None:
    _filled(tmp_db).close()
    store = Store(tmp_db, readonly=True)
    doc_id = store.document_ids()[0]
    with pytest.raises(StoreError, match="not saved — the database is read-only"):
        store.set_status(doc_id, "done")
    assert store.document_status(doc_id) == "new"


def test_a_failed_edit_inside_a_bigger_transaction_rolls_back_all_of_it(tmp_db: Path) -> None:
    store = _filled(tmp_db)
    before = _state(store)
    with pytest.raises(StoreError, match="not saved"), store.db.atomic():
        store.set_status(before[0].id, "done")  # nested: a savepoint
        store.db.execute("PRAGMA query_only = 1")
        store.set_status(before[1].id, "done")
    store.db.execute("PRAGMA query_only = 0")
    assert _state(store) == before


def test_sqlite_errors_that_are_not_write_failures_are_not_hidden(tmp_db: Path) -> None:
    store = _filled(tmp_db)
    with pytest.raises(sqlite3.IntegrityError), store.db.atomic():
        store.db.execute("INSERT INTO documents (id) VALUES (NULL)")


def test_import_stops_at_a_full_disk_and_reports_it_once(
    tmp_db: Path, tmp_path: Path, no_natasha: None
) -> None:
    from models.io.importers import import_files

    for i in range(6):
        size = 20 if i < 2 else 4000  # the third file no longer fits
        (tmp_path / f"{i}.txt").write_text(f"Статья {i}. " + TEXT * size, encoding="utf-8")
    store = Store(tmp_db)
    store.add_document(document_from_text("Первая статья. " + TEXT))
    _disk_full(store)
    store.db.execute(
        f"PRAGMA max_page_count = {store.db.execute('PRAGMA page_count').fetchone()[0] + 12}"
    )
    report = import_files(store, sorted(tmp_path.glob("*.txt")))
    (error,) = report.errors
    assert "not saved — the disk is full" in error and "stopped after 2 new" in error
    assert len(report.added) == 2
    assert store.count_documents() == 3
    assert store.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
