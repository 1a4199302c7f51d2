"""Helpers for the crash tests: run `main.py import` as a separate process, inspect the file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def start_import(db: Path, *args: str | Path) -> subprocess.Popen[str]:
    """``main.py import`` in its own process group (its pool workers die with it)."""
    return start("import", "--db", db, *args)


def start(*args: str | Path) -> subprocess.Popen[str]:
    """``main.py ARGS…`` in its own process group, so ``killpg`` kills all of it."""
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


def count_documents(db: Path) -> int:
    """Documents committed so far, read without writing (a second process's view)."""
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not created yet
        return 0
    finally:
        conn.close()


def wait_for_documents(db: Path, proc: subprocess.Popen[str], at_least: int) -> int:
    deadline = time.monotonic() + 240  # a guard against hanging, not a speed target
    while time.monotonic() < deadline:
        n = count_documents(db)
        if n >= at_least or proc.poll() is not None:
            return n
        time.sleep(0.01)
    raise AssertionError("the import never stored a document")


def check_whole(db: Path, expected: int) -> None:
    """Every document exactly once, with spans, model snapshot, search row and log."""
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
