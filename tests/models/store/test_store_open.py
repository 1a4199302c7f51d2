"""Opening databases that cannot be used: one clear StoreError, the file left as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.io.ingest import document_from_text
from models.store import dbopen, schema
from models.store.schema import StoreError
from models.store.store import Store

# A made-up next schema step, on top of the real current one.
CURRENT = schema.SCHEMA_VERSION
NEXT = CURRENT + 1


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file in the folder with its hash: 'left as it was' means equal snapshots.

    A -shm file that existed before is SQLite's shared-memory index, whose read marks
    every reader updates; it holds no data, so only its presence is compared.
    """
    return {
        p.name: "shm" if p.name.endswith("-shm") else hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def _refused(path: Path, *words: str, **kwargs: object) -> str:
    before = _snapshot(path.parent)
    with pytest.raises(StoreError) as info:
        Store(path, **kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    for word in words:
        assert word in message
    assert _snapshot(path.parent) == before
    return message


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A real razmetka database with a few documents, cleanly closed."""
    path = tmp_path / "corpus.db"
    store = Store(path)
    for n in range(30):
        store.add_document(document_from_text(f"Новость номер {n}. " * 300, f"{n}.txt"))
    store.close()
    return path


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[None]:
    yield
    for p in [tmp_path, *tmp_path.iterdir()]:
        p.chmod(0o755 if p.is_dir() else 0o644)  # let pytest clean up


def test_damaged_page_is_refused(corpus: Path) -> None:
    data = bytearray(corpus.read_bytes())
    data[8192:12288] = b"\xa5" * 4096
    corpus.write_bytes(data)
    _refused(corpus, "damaged", "restore a backup")


def test_damaged_header_is_refused_not_read_as_a_newer_schema(corpus: Path) -> None:
    data = bytearray(corpus.read_bytes())
    data[16:100] = b"\xa5" * 84
    corpus.write_bytes(data)
    _refused(corpus, "damaged (its header is not valid)")


def test_truncated_file_is_refused(corpus: Path) -> None:
    corpus.write_bytes(corpus.read_bytes()[: corpus.stat().st_size // 2])
    _refused(corpus, "damaged")


def test_a_big_truncated_database_is_refused_without_a_full_check(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dbopen, "QUICK_CHECK_MAX_PAGES", 1)  # as if it were huge
    corpus.write_bytes(corpus.read_bytes()[: corpus.stat().st_size - 4096])
    _refused(corpus, "damaged (the file is cut short)")


def _checkpoint_hit_a_full_disk(folder: Path, documents: int) -> Path:
    """The files a full disk leaves: the close-time checkpoint wrote the database's new
    header (its new page count) and then failed to write the pages; they are all still
    in the WAL. Made by hand here; a 2 MB tmpfs gives the same two files."""
    live = folder / "live.db"
    store = Store(live)
    store.db.execute("PRAGMA wal_autocheckpoint = 0")  # every write stays in the WAL
    for n in range(documents):
        store.add_document(document_from_text(f"Новость номер {n}. " * 300, f"{n}.txt"))
    crash = folder / "corpus.db"
    shutil.copyfile(live, crash)
    for sidecar in ("-wal", "-shm"):
        shutil.copyfile(f"{live}{sidecar}", f"{crash}{sidecar}")
    store.close()  # a checkpoint that succeeds: its header is the one the failed one wrote
    with crash.open("r+b") as f:
        f.write(live.read_bytes()[:100])
    header = crash.read_bytes()[:100]
    pages = int.from_bytes(header[28:32], "big") * int.from_bytes(header[16:18], "big")
    assert crash.stat().st_size < pages  # it looks cut short
    return crash


def test_a_database_whose_checkpoint_hit_a_full_disk_opens_whole(tmp_path: Path) -> None:
    crash = _checkpoint_hit_a_full_disk(tmp_path, 11)
    reader = Store(crash, readonly=True)
    assert reader.count_documents() == 11
    reader.close()
    store = Store(crash)  # SQLite replays the WAL; closing checkpoints it for real
    assert store.count_documents() == 11
    assert store.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    store.close()
    assert not Path(f"{crash}-wal").exists()
    assert Store(crash).count_documents() == 11


def test_a_cut_short_database_is_refused_even_with_a_wal(tmp_path: Path) -> None:
    crash = _checkpoint_hit_a_full_disk(tmp_path, 11)
    wal = Path(f"{crash}-wal")
    wal.write_bytes(wal.read_bytes()[: 32 + 24 + 4096])  # the WAL lost its pages too
    _refused(crash, "damaged")


def test_a_big_database_with_a_wal_is_checked_by_sqlite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crash = _checkpoint_hit_a_full_disk(tmp_path, 11)
    monkeypatch.setattr(dbopen, "QUICK_CHECK_MAX_PAGES", 1)  # as if it were huge
    assert Store(crash, readonly=True).count_documents() == 11


@pytest.mark.parametrize(
    "content", [b"hello, I am a text file\n" * 50, b"\x00" * 4096, b"SQLite format 3"]
)
def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    _refused(path, "not a razmetka database")


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (name TEXT)")
    conn.commit()
    conn.close()
    _refused(path, "not a razmetka database", "customers")


def test_newer_schema_is_refused(corpus: Path) -> None:
    conn = sqlite3.connect(corpus)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    _refused(corpus, "newer razmetka", "schema 99")


def test_newer_schema_still_in_the_wal_is_refused(corpus: Path) -> None:
    writer = sqlite3.connect(corpus)  # stays open, so its WAL is not checkpointed
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("PRAGMA user_version = 99")
    assert Path(f"{corpus}-wal").stat().st_size > 0
    _refused(corpus, "newer razmetka")
    writer.close()


def test_read_only_file_is_refused_but_can_be_read(corpus: Path, writable: None) -> None:
    corpus.chmod(0o444)
    _refused(corpus, "read-only")
    assert Store(corpus, readonly=True).stats()["documents"] == 30


def test_read_only_folder_is_refused_but_can_be_read(corpus: Path, writable: None) -> None:
    corpus.parent.chmod(0o555)
    _refused(corpus, "read-only", str(corpus.parent))
    _refused(corpus.parent / "new.db", "read-only")
    before = _snapshot(corpus.parent)
    assert Store(corpus, readonly=True).stats()["documents"] == 30
    assert _snapshot(corpus.parent) == before


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    (tmp_path / "corpus.db").mkdir()
    _refused(tmp_path / "corpus.db", "folder")


def test_readonly_open_of_a_missing_database(tmp_path: Path) -> None:
    _refused(tmp_path / "missing.db", "no such database", readonly=True)
    assert not (tmp_path / "missing.db").exists()


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    path.touch()
    assert Store(path).stats()["documents"] == 0


def test_a_write_while_another_writer_holds_the_lock(corpus: Path) -> None:
    store = Store(corpus, timeout=0.05)
    before = store.stats()
    other = sqlite3.connect(corpus)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE documents SET title = 'чужая правка' WHERE position = 1")
    doc = document_from_text("Новая статья о погоде в Москве.")
    with pytest.raises(StoreError, match=r"not saved.*locked by another program"):
        store.add_document(doc)
    other.rollback()
    other.close()
    assert store.stats() == before
    assert store.add_document(doc)  # the retry goes through


def test_migration_from_an_older_version_backs_up_first(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT)
    monkeypatch.setitem(
        schema.MIGRATIONS, NEXT, "ALTER TABLE documents ADD COLUMN note TEXT NOT NULL DEFAULT '';"
    )
    store = Store(corpus)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == NEXT
    assert "note" in store.db["documents"].columns_dict
    bak = corpus.with_name(f"corpus.db.v{CURRENT}.bak")
    old = sqlite3.connect(bak)
    assert old.execute("PRAGMA user_version").fetchone()[0] == CURRENT
    assert old.execute("SELECT count(*) FROM documents").fetchone()[0] == 30
    assert "note" not in [r[1] for r in old.execute("PRAGMA table_info(documents)")]
    old.close()


def test_a_failing_migration_is_rolled_back(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT)
    monkeypatch.setitem(
        schema.MIGRATIONS, NEXT, "CREATE TABLE extra (x); INSERT INTO no_such_table VALUES (1);"
    )
    with pytest.raises(
        StoreError, match=rf"upgrade to schema {NEXT} failed.*rolled back.*v{CURRENT}\.bak"
    ):
        Store(corpus)
    conn = sqlite3.connect(corpus)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT
    assert (
        conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").fetchone()[0] == 0
    )
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 30
    conn.close()


def test_migration_refused_when_the_backup_cannot_be_written(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus.with_name(f"corpus.db.v{CURRENT}.bak").write_text("my notes, not a database")
    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT)
    monkeypatch.setitem(schema.MIGRATIONS, NEXT, "CREATE TABLE extra (x);")
    with pytest.raises(StoreError, match="not overwritten"):
        Store(corpus)
    conn = sqlite3.connect(corpus)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT
    conn.close()


def test_backup_is_a_complete_database(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "copy.db"
    Store(corpus).backup_to(out)
    copy = Store(out, readonly=True)
    assert copy.stats()["documents"] == 30
    assert os.path.getsize(out) > 0
