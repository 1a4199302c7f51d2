"""Another annotator's file is untrusted input: merge reads it with SQLite's protections on,
runs nothing from it, and a crafted file changes nothing in the team database beyond
being refused with one line."""

from __future__ import annotations

import hashlib
import math
import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from models.store import hardening
from models.store.schema import StoreError
from models.store.untrusted import UntrustedDatabase


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, build_team):
    return build_team(tmp_path_factory.mktemp("team"))


@pytest.fixture
def team(made, tmp_path: Path):
    """A fresh copy of the merged team and of the files, for one test to spoil."""
    copy = tmp_path / "team"
    shutil.copytree(made.team.parent, copy)
    return replace(
        made,
        corpus=copy / made.corpus.name,
        files={n: copy / "out" / p.name for n, p in made.files.items()},
        team=copy / made.team.name,
    )


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def _without_log_guard(path: Path, *statements: str) -> None:
    """Run statements on the events table with its append-only triggers lifted (and put
    back exactly as they were, so the schema still looks like razmetka's)."""
    conn = sqlite3.connect(path)
    guards = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'"
    ).fetchall()
    for name, _ in guards:
        conn.execute(f"DROP TRIGGER {name}")
    for sql in statements:
        conn.execute(sql)
    for _, sql in guards:
        conn.execute(sql)
    conn.commit()
    conn.close()


def _first(path: Path, sql: str) -> object:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


# Each craft spoils the file it is given; some name its first document by id.
CRAFTED: dict[str, tuple[Callable[[Path, str], None], str]] = {
    "an extra trigger": (
        lambda p, d1: _sql(
            p, "CREATE TRIGGER evil AFTER INSERT ON documents BEGIN DELETE FROM entities; END"
        ),
        "unexpected trigger evil",
    ),
    "a view calling functions": (
        lambda p, d1: _sql(
            p, "CREATE VIEW evil AS SELECT load_extension('/tmp/evil.so'), randomblob(9)"
        ),
        "unexpected view evil",
    ),
    "a table turned into a view": (
        lambda p, d1: _sql(
            p,
            "DROP TABLE predictions",
            "CREATE VIEW predictions AS SELECT id AS doc_id, randomblob(99) AS entities,"
            " '[]' AS quotes, '' AS created_at FROM documents",
        ),
        "the schema razmetka makes",
    ),
    "an extra table": (lambda p, d1: _sql(p, "CREATE TABLE notes (x)"), "unexpected table notes"),
    "offsets outside the text": (
        lambda p, d1: _sql(
            p, 'UPDATE entities SET "end" = 5000 WHERE id = (SELECT min(id) FROM entities)'
        ),
        "outside the text",
    ),
    "an unknown label": (
        lambda p, d1: _sql(
            p, "UPDATE entities SET label = 'EVIL' WHERE id = (SELECT min(id) FROM entities)"
        ),
        "'EVIL' is not a known label",
    ),
    "a blob for a title": (
        lambda p, d1: _sql(p, f"UPDATE documents SET title = x'00ff' WHERE id = '{d1}'"),
        "title is bytes, not text",
    ),
    "a text under another document's id": (
        lambda p, d1: _sql(p, f"UPDATE documents SET text = 'Подмена текста.' WHERE id = '{d1}'"),
        "its id is not the hash of its text",
    ),
    "a quote spoken by another document's entity": (
        lambda p, d1: _sql(p, "UPDATE quotes SET speaker_entity = (SELECT min(id) FROM entities)"),
        "links to an entity outside its document",
    ),
    "noise outside the text": (
        lambda p, d1: _sql(
            p, """UPDATE documents SET noise = '[{"start": 0, "end": 99999, "kind": "ad"}]'"""
        ),
        "noise [0, 99999) is outside the text",
    ),
    "an event of a document it does not hold": (
        lambda p, d1: _without_log_guard(p, "UPDATE events SET doc_id = 'nope' WHERE id = 1"),
        "names a document the file does not hold",
    ),
    "an event that is not JSON": (
        lambda p, d1: _without_log_guard(p, "UPDATE events SET after = '{not json' WHERE id = 1"),
        "is not JSON",
    ),
    "a newer schema": (
        lambda p, d1: _sql(p, "PRAGMA user_version = 3"),
        "written by a newer razmetka",
    ),
    "no annotator": (
        lambda p, d1: _sql(p, "UPDATE corpus_info SET annotator = NULL"),
        "has no annotator",
    ),
    "another corpus": (
        lambda p, d1: _sql(p, "UPDATE corpus_info SET corpus_id = 'ffff'"),
        "from another corpus",
    ),
}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("case", sorted(CRAFTED))
def test_a_crafted_file_is_refused_and_changes_nothing(
    team, team_ids, merge_into, sql_dump, case: str
) -> None:
    craft, reason = CRAFTED[case]
    crafted = team.files["anna"]
    craft(crafted, team_ids[0])
    before, file_before = sql_dump(team.team), _sha(crafted)
    reports = merge_into(team.team, crafted, team.files["boris"])
    assert reports[0].refused is not None
    line = reports[0].line()
    assert line.startswith(f"{crafted}: ") and reason in line and "\n" not in line
    assert reports[1].refused is None  # the rest of the batch goes on
    assert sql_dump(team.team) == before  # boris's file was merged already: nothing new
    assert _sha(crafted) == file_before
    assert sorted(p.name for p in crafted.parent.iterdir()) == ["anna.db", "boris.db", "vera.db"]


def test_a_damaged_file_is_refused(team, merge_into, sql_dump) -> None:
    path = team.files["vera"]
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size // 2)
        f.write(os.urandom(4096))
    before = sql_dump(team.team)
    (report,) = merge_into(team.team, path)
    assert report.refused is not None and "damaged" in report.refused
    assert sql_dump(team.team) == before


def test_a_value_over_the_limit_is_refused_without_reading_it(
    team, team_ids, merge_into, sql_dump
) -> None:
    """A zeroblob of 66 MB in a document (SQLite's own, written in full)."""
    d1 = team_ids[0]
    path = team.files["anna"]
    _sql(path, f"UPDATE documents SET meta = zeroblob({66 * 2**20}) WHERE id = '{d1}'")
    before = sql_dump(team.team)
    started = time.perf_counter()
    (report,) = merge_into(team.team, path)
    assert report.refused is not None and "holds a value larger than 64 MB" in report.refused
    assert time.perf_counter() - started < 10
    assert sql_dump(team.team) == before


def _varint(value: int) -> bytes:
    """SQLite's big-endian base-128 varint (values under 2**56)."""
    out = [value & 0x7F]
    value >>= 7
    while value:
        out.append(0x80 | (value & 0x7F))
        value >>= 7
    return bytes(reversed(out))


def sparse_gigabyte_event(path: Path, size: int = 999_000_000) -> None:
    """Make the file's one event carry a ``size``-byte blob, as a sparse file.

    The events table gets one row, its leaf page is rewritten by hand with a cell whose
    payload claims ``size`` bytes, and the overflow chain is appended as pages holding
    only their next-page pointer: a valid database of about 1 GB of which a twentieth is
    on disk (the blob is zeros, which the holes read as).
    """
    _without_log_guard(
        path,
        "DELETE FROM events",
        "INSERT INTO events (id, doc_id, at, annotator, action, operation, before, after)"
        " VALUES (1, NULL, '2025-01-01T00:00:00+00:00', NULL, 'x', NULL, NULL, x'00')",
    )
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA page_size = 65536")  # a pointer per 64 KB: the rest stays a hole
    conn.execute("VACUUM")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events'").fetchone()[0]
    page, pages = (conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_size", "page_count"))
    conn.close()
    at, action = b"2025-01-01T00:00:00+00:00", b"x"
    types = [0, 0, 2 * len(at) + 13, 0, 2 * len(action) + 13, 0, 0, 2 * size + 12]
    body = b"".join(_varint(t) for t in types)
    prefix = _varint(len(body) + 1) + body + at + action
    payload = len(prefix) + size
    # sqlite.org/fileformat2.html, "Cell Payload Overflow Pages"
    usable, most = page, page - 35
    least = (usable - 12) * 32 // 255 - 23
    local = least + (payload - least) % (usable - 4)
    local = local if local <= most else least
    first = pages + 1
    chain = math.ceil((payload - local) / (usable - 4))
    cell = _varint(payload) + _varint(1) + prefix.ljust(local, b"\0") + first.to_bytes(4, "big")
    offset = page - len(cell)
    leaf = bytes([0x0D, 0, 0, 0, 1]) + offset.to_bytes(2, "big") + b"\0" + offset.to_bytes(2, "big")
    fd = os.open(path, os.O_RDWR)
    try:
        os.pwrite(fd, leaf.ljust(offset, b"\0") + cell, (root - 1) * page)
        for k in range(chain - 1):
            os.pwrite(fd, (first + k + 1).to_bytes(4, "big"), (first + k - 1) * page)
        os.ftruncate(fd, (pages + chain) * page)
        os.pwrite(fd, (pages + chain).to_bytes(4, "big"), 28)
    finally:
        os.close(fd)


def test_the_sparse_gigabyte_is_a_valid_database(tmp_path: Path, made) -> None:
    path = tmp_path / "big.db"
    shutil.copy(made.files["anna"], path)
    sparse_gigabyte_event(path)
    assert path.stat().st_size > 10**9 and path.stat().st_blocks * 512 < 100 * 2**20
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    assert conn.execute("SELECT length(after), typeof(after) FROM events").fetchone() == (
        999_000_000,
        "blob",
    )
    conn.close()


def test_a_sparse_gigabyte_blob_is_refused_without_reading_it(team, merge_into, sql_dump) -> None:
    path = team.files["anna"]
    sparse_gigabyte_event(path)
    before = sql_dump(team.team)
    started = time.perf_counter()
    (report,) = merge_into(team.team, path)
    assert report.refused is not None and "holds a value larger than 4 MB" in report.refused
    assert time.perf_counter() - started < 10  # reading 1 GB of it would take far longer
    assert sql_dump(team.team) == before


def test_the_connection_is_hardened(made) -> None:
    path = made.files["anna"]
    with UntrustedDatabase(path) as db:
        assert hardening.defensive(db.conn, path)
        for disabled in (hardening.DBCONFIG_ENABLE_TRIGGER, hardening.DBCONFIG_ENABLE_VIEW):
            assert hardening._db_config(db.conn, path, disabled, -1) == 0
        with pytest.raises(sqlite3.DatabaseError, match=r"prohibited|not authorized"):
            db.conn.execute("SELECT * FROM document_overview").fetchall()
        with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
            db.conn.execute("SELECT lower(title) FROM documents").fetchall()
        with pytest.raises(sqlite3.DatabaseError, match="prohibited"):
            db.conn.execute("SELECT * FROM document_versions").fetchall()
        db.conn.set_authorizer(None)
        assert db.conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        assert db.conn.execute("PRAGMA query_only").fetchone()[0] == 1
        with pytest.raises(sqlite3.OperationalError):
            db.conn.execute("DELETE FROM entities")


def test_defensive_mode_really_protects_the_schema(tmp_path: Path) -> None:
    """On a writable connection, defensive mode forbids writing sqlite_master."""
    path = tmp_path / "x.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    assert not hardening.defensive(conn, path)
    hardening._db_config(conn, path, hardening.DBCONFIG_DEFENSIVE, 1)
    conn.execute("PRAGMA writable_schema = ON")
    with pytest.raises(sqlite3.OperationalError, match="may not be modified"):
        conn.execute("UPDATE sqlite_master SET sql = 'CREATE TABLE t (y)' WHERE name = 't'")
    conn.close()


@pytest.mark.skipif(hasattr(sqlite3.Connection, "setconfig"), reason="no ctypes on 3.12+")
def test_a_wrong_handle_is_never_used(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "a.db")
    with pytest.raises(StoreError, match="cannot reach SQLite's handle"):
        hardening.harden(conn, tmp_path / "b.db", 1000)
    conn.close()
