"""The database schema and its migrations, in one place.

``PRAGMA user_version`` holds the schema version. A database from a newer razmetka is
refused; an older one is backed up (SQLite backup API) and migrated step by step.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from models.store.schema_v2 import V2

SCHEMA_VERSION = 2

_V1 = """
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    file TEXT NOT NULL DEFAULT '',
    meta TEXT NOT NULL DEFAULT '{}',
    noise TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'in_progress', 'done', 'skipped')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX documents_position ON documents(position);
CREATE INDEX documents_status ON documents(status, position);
-- Covering: a status read never walks a 1 MB text's overflow pages (every edit reads it).
CREATE INDEX documents_id_status ON documents(id, status);
-- AUTOINCREMENT: a span id is never reused, so undo can put a deleted span back under its
-- own id and the event log's history of a span id stays unambiguous.
CREATE TABLE entities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL,
    text TEXT NOT NULL,
    normal TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'suggested',
    annotator TEXT,
    CHECK (0 <= start AND start < "end")
);
CREATE INDEX entities_doc ON entities(doc_id, start);
CREATE INDEX entities_label ON entities(label, doc_id);
-- For edits on 10,000-span articles: the normal form given to the same words, and the
-- rare long spans that an overlap query bounded by start would miss (see store.py).
CREATE INDEX entities_text ON entities(doc_id, label, text);
CREATE INDEX entities_long ON entities(doc_id, ("end" - start));
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_text TEXT,
    speaker_normal TEXT,
    speaker_entity INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    state TEXT NOT NULL DEFAULT 'suggested',
    annotator TEXT,
    CHECK (0 <= start AND start < "end")
);
CREATE INDEX quotes_doc ON quotes(doc_id, start);
CREATE INDEX quotes_speaker ON quotes(speaker_entity);
CREATE INDEX quotes_long ON quotes(doc_id, ("end" - start));
CREATE TABLE predictions (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    entities TEXT NOT NULL,
    quotes TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    doc_id TEXT,
    at TEXT NOT NULL,
    annotator TEXT,
    action TEXT NOT NULL,
    operation TEXT,  -- the user-level edit this row belongs to ("Apply to all", "Undo …")
    before TEXT,
    after TEXT
);
CREATE INDEX events_doc ON events(doc_id, id);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
-- Contentless (content=''): the index only, no second copy of every text (a quarter of
-- the file); searches need rowids alone. Documents are never deleted or rewritten.
CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, lemmas, content = '',
                                              tokenize = 'unicode61');
"""

# Schema 2 (team work: corpus identity, annotators' versions, browsable views) is additive
# and lives in its own module; see docs/schema.md.
MIGRATIONS: dict[int, str] = {1: _V1, 2: V2}


class StoreError(Exception):
    """A database problem worth one clear line to the user."""


def migrate(conn: sqlite3.Connection, path: Path | None) -> None:
    """Bring the schema to ``SCHEMA_VERSION``, backing up a populated older database.

    The backup is made before any step runs, and each step is one transaction: a step
    that fails is rolled back and StoreError names the step and the backup.
    """
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: written by a newer razmetka (schema {version}, this one knows "
            f"{SCHEMA_VERSION}); left untouched"
        )
    if version == SCHEMA_VERSION:
        return
    saved = ""
    if version > 0 and path is not None:
        out = backup_path(path, version)
        backup(conn, out)
        saved = f"; the database before the upgrade is saved as {out}"
    for step in range(version + 1, SCHEMA_VERSION + 1):
        try:
            conn.executescript(f"BEGIN; {MIGRATIONS[step]}\nPRAGMA user_version = {step}; COMMIT;")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(
                f"{path}: upgrade to schema {step} failed ({exc}); rolled back{saved}"
            ) from None


def backup_path(path: Path, version: int) -> Path:
    """Where a database of schema ``version`` is saved before it is upgraded."""
    return path.with_name(f"{path.name}.v{version}.bak")


def backup(conn: sqlite3.Connection, out: Path) -> None:
    """Copy a live database consistently (readers and a writer may be active).

    Raises StoreError when ``out`` cannot be written or is something other than an
    SQLite file (a backup never overwrites a document by mistake).
    """
    if out.is_dir():
        raise StoreError(f"{out}: is a folder; give a file name for the backup")
    if out.exists() and out.stat().st_size:
        with out.open("rb") as f:
            if f.read(16) != b"SQLite format 3\x00":
                raise StoreError(f"{out}: exists and is not a database; not overwritten")
    try:
        dest = sqlite3.connect(out)
        try:
            conn.backup(dest)
        finally:
            dest.close()
    except (sqlite3.Error, OSError) as exc:
        raise StoreError(f"{out}: cannot write the backup ({exc})") from None
