"""A crash runner: ``main.py`` as a separate process that a test may kill, and the file
it leaves checked the way a second process would read it.

Each process runs in its own process group, so ``os.killpg`` kills its pool workers with
it; the database is read without writing (``mode=ro``), as the window would read it.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
Process = subprocess.Popen[str]


def _start(*args: str | Path) -> Process:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        cwd=ROOT,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _start_import(db: Path, *args: str | Path) -> Process:
    return _start("import", "--db", db, *args)


def _count_documents(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not created yet
        return 0
    finally:
        conn.close()


def _wait_for_documents(db: Path, proc: Process, at_least: int) -> int:
    deadline = time.monotonic() + 240  # a guard against hanging, not a speed target
    while time.monotonic() < deadline:
        n = _count_documents(db)
        if n >= at_least or proc.poll() is not None:
            return n
        time.sleep(0.01)
    raise AssertionError("the import never stored a document")


def _check_whole(db: Path, expected: int) -> None:
    conn = sqlite3.connect(db)

    def q(sql):
        return conn.execute(sql).fetchall()

    assert q("PRAGMA quick_check") == [("ok",)]
    assert q("SELECT count(*), count(DISTINCT id), count(DISTINCT text) FROM documents") == [
        (expected, expected, expected)
    ]
    assert q(
        "SELECT count(*) FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM entities e WHERE e.doc_id = d.id)"
    ) == [(0,)]
    assert q(
        "SELECT count(*) FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM predictions p WHERE p.doc_id = d.id)"
    ) == [(0,)]
    assert q(
        "SELECT count(*) FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM documents_fts f WHERE f.rowid = d.position)"
    ) == [(0,)]
    assert q("SELECT count(*) FROM documents_fts") == [(expected,)]
    assert q("SELECT count(*) FROM events WHERE action = 'import document'") == [(expected,)]
    bad = q(
        "SELECT count(*) FROM entities e JOIN documents d ON d.id = e.doc_id "
        'WHERE substr(d.text, e.start + 1, e."end" - e.start) != e.text'
    )
    assert bad == [(0,)]
    conn.close()


@pytest.fixture(scope="session")
def start() -> Callable[..., Process]:
    """``start(*args)``: ``main.py ARGS…`` in its own process group, so ``killpg`` kills
    all of it."""
    return _start


@pytest.fixture(scope="session")
def start_import() -> Callable[..., Process]:
    """``start_import(db, *args)``: ``main.py import --db DB ARGS…``, as ``start``."""
    return _start_import


@pytest.fixture(scope="session")
def count_documents() -> Callable[[Path], int]:
    """``count_documents(db)``: documents committed so far, read without writing."""
    return _count_documents


@pytest.fixture(scope="session")
def wait_for_documents() -> Callable[[Path, Process, int], int]:
    """``wait_for_documents(db, proc, at_least)``: the count once it reaches ``at_least``
    or the process ends."""
    return _wait_for_documents


@pytest.fixture(scope="session")
def check_whole() -> Callable[[Path, int], None]:
    """``check_whole(db, expected)``: every document exactly once, with spans, model
    snapshot, search row and log entry, and every span's text where its offsets say."""
    return _check_whole
