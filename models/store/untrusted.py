"""Reading another person's database file as untrusted input: rows by value, nothing run.

An annotator's file comes back by mail or a USB stick; it may be damaged, from a newer
razmetka, or crafted. It is opened read-only (``immutable`` when no -wal file is beside
it, so nothing is written next to it either), with defensive mode, triggers and views
off, ``trusted_schema`` off and a length limit (models.store.hardening), and an
authorizer lets statements read only the six tables merge needs. Its schema must be
exactly the one this razmetka makes, object for object and statement for statement, so
an extra trigger, a view, or a table turned into something else is refused before any
row is read. Rows are read with explicit column lists and returned as plain tuples; the
caller validates every value. Every problem is a StoreError with one line.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from models.store import dbopen, schema
from models.store.hardening import harden, set_length_limit
from models.store.schema import StoreError, migrate

# A single value bigger than this is refused: a document's text or span (the longest real
# article seen is about 1 MB of UTF-8), and, read 20 at a time, an event's JSON (one span
# or a few counts). Documents are read one at a time, so memory stays bounded.
MAX_VALUE_BYTES = 64 * 1024 * 1024
MAX_EVENT_BYTES = 4 * 1024 * 1024
# quick_check reads every page: up to this size it runs (about as dbopen's page bound
# with 4 KB pages); a bigger file is checked page by page as it is read.
QUICK_CHECK_MAX_BYTES = 100 * 1024 * 1024
_TABLES = ("corpus_info", "documents", "entities", "quotes", "predictions", "events")
_PRAGMAS = ("user_version", "page_count", "page_size", "quick_check")
_FUNCTIONS = ("max",)
# sqlite_stat tables appear when someone runs ANALYZE; they hold numbers, never code.
_STAT_TABLES = {
    ("table", "sqlite_stat1", "sqlite_stat1", "CREATE TABLE sqlite_stat1(tbl,idx,stat)"),
    (
        "table",
        "sqlite_stat4",
        "sqlite_stat4",
        "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)",
    ),
}
DOC_COLS = "id, text, title, date, source, file, meta, noise, status, created_at, updated_at"
ENTITY_COLS = 'id, doc_id, start, "end", label, text, normal, state, annotator'
QUOTE_COLS = (
    'id, doc_id, start, "end", text, speaker_start, speaker_end, speaker_text, '
    "speaker_normal, speaker_entity, state, annotator"
)
EVENT_COLS = "id, doc_id, at, annotator, action, operation, before, after"


@lru_cache(maxsize=1)
def expected_schema() -> frozenset[tuple[str, str, str, str | None]]:
    """Every schema object a database of this razmetka holds, as SQLite stores it."""
    conn = sqlite3.connect(":memory:")
    try:
        migrate(conn, None)
        return frozenset(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    finally:
        conn.close()


class UntrustedDatabase:
    """A read-only, hardened view of someone else's razmetka database."""

    def __init__(self, path: Path, max_value: int = MAX_VALUE_BYTES) -> None:
        """Open and check ``path``; StoreError (one line) when it cannot be read safely."""
        self.path = path
        self.limit = max_value
        self._check_file()
        self.conn = self._connect(max_value)
        try:
            self._check_contents()
            self.conn.execute("BEGIN")  # one snapshot for every read that follows
        except BaseException:
            self.conn.close()
            raise

    def close(self) -> None:
        """Close the connection (nothing was written, so nothing to save)."""
        self.conn.close()

    def __enter__(self) -> UntrustedDatabase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- opening -------------------------------------------------------------------------

    def _check_file(self) -> None:
        path = self.path
        if path.is_dir():
            raise StoreError(f"{path}: is a folder, not a database file")
        if not path.is_file():
            raise StoreError(f"{path}: no such database")
        try:
            with path.open("rb") as f:
                header = f.read(100)
        except OSError as exc:
            raise StoreError(f"{path}: cannot read ({exc.strerror or exc})") from None
        if len(header) < 100 or not header.startswith(dbopen._MAGIC):
            raise StoreError(f"{path}: not a razmetka database (not an SQLite file)")
        if not dbopen._valid_header(header) or dbopen._truncated(path, header):
            raise StoreError(f"{path}: the database is damaged (header or size)")
        self._refuse_version(int.from_bytes(header[60:64], "big"))

    def _refuse_version(self, version: int) -> None:
        if version > schema.SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer razmetka (schema {version}, this one "
                f"knows {schema.SCHEMA_VERSION})"
            )
        if version < schema.SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema {version} has no annotator (not a file made by assign)"
            )

    def _connect(self, max_value: int) -> sqlite3.Connection:
        immutable = not Path(f"{self.path}-wal").exists()
        uri = f"{self.path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {dbopen.describe(exc)}") from None
        try:
            harden(conn, self.path, max_value)
            conn.set_authorizer(_authorize)
        except (sqlite3.Error, StoreError) as exc:
            conn.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"{self.path}: {dbopen.describe(exc)}") from None
        return conn

    def _check_contents(self) -> None:
        try:
            self._refuse_version(int(self._one("PRAGMA user_version")))
            found = set(self.conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
            extra = found - expected_schema() - _STAT_TABLES
            missing = expected_schema() - found
            if extra or missing:
                what = sorted(extra or missing, key=str)[0]
                kind = "unexpected" if extra else "missing"
                raise StoreError(
                    f"{self.path}: not the schema razmetka makes ({kind} {what[0]} {what[1]})"
                )
            size = int(self._one("PRAGMA page_count")) * int(self._one("PRAGMA page_size"))
            if size <= QUICK_CHECK_MAX_BYTES:
                problem = self._one("PRAGMA quick_check(1)")
                if problem != "ok":
                    raise StoreError(
                        f"{self.path}: the database is damaged ({dbopen._first_line(problem)})"
                    )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {self.reason(exc)}") from None

    def _one(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def reason(self, exc: sqlite3.Error) -> str:
        """Why a read failed, in words (the length limit has its own)."""
        if "too big" in str(exc):
            return f"holds a value larger than {self.limit / 2**20:g} MB"
        return dbopen.describe(exc)

    # -- rows ----------------------------------------------------------------------------

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of a query; a read that fails (damage, a value over the limit) is a
        StoreError naming this file, never an sqlite3 error a caller could take for one
        of its own database."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {self.reason(exc)}") from None

    def corpus_info(self) -> tuple[Any, ...] | None:
        """``(corpus_id, file_id, annotator, source, assignment)``, or None."""
        rows = self._rows(
            "SELECT corpus_id, file_id, annotator, source, assignment FROM corpus_info"
        )
        return rows[0] if len(rows) == 1 else None

    def documents(self) -> Iterator[tuple[Any, ...]]:
        """Document rows (``DOC_COLS``) in rowid order, one at a time."""
        yield from self._batches("documents", DOC_COLS, "rowid", 1)

    def events(self) -> Iterator[tuple[Any, ...]]:
        """Event rows (``EVENT_COLS``) in id order, 20 at a time, none over 4 MB a value."""
        self.limit = min(self.limit, MAX_EVENT_BYTES)
        set_length_limit(self.conn, self.path, self.limit)
        yield from self._batches("events", EVENT_COLS, "id", 20)

    def _batches(self, table: str, cols: str, key: str, size: int) -> Iterator[tuple[Any, ...]]:
        last = None
        while True:
            where = "" if last is None else f" WHERE {key} > ?"
            rows = self._rows(
                f"SELECT {key}, {cols} FROM {table}{where} ORDER BY {key} LIMIT {size}",
                () if last is None else (last,),
            )
            if not rows:
                return
            for row in rows:
                yield row[1:]
            last = rows[-1][0]

    def entities(self, doc_id: str) -> list[tuple[Any, ...]]:
        """The document's entity rows (``ENTITY_COLS``)."""
        return self._rows(
            f"SELECT {ENTITY_COLS} FROM entities WHERE doc_id = ? ORDER BY id", (doc_id,)
        )

    def quotes(self, doc_id: str) -> list[tuple[Any, ...]]:
        """The document's quote rows (``QUOTE_COLS``)."""
        return self._rows(
            f"SELECT {QUOTE_COLS} FROM quotes WHERE doc_id = ? ORDER BY id", (doc_id,)
        )

    def predictions(self, doc_id: str) -> tuple[Any, Any] | None:
        """The model snapshot ``(entities JSON, quotes JSON)`` of a document, or None."""
        rows = self._rows("SELECT entities, quotes FROM predictions WHERE doc_id = ?", (doc_id,))
        return (rows[0][0], rows[0][1]) if rows else None

    def last_event_at(self, doc_id: str) -> Any:
        """The time of the document's latest event in this file, or None."""
        return self._rows("SELECT max(at) FROM events WHERE doc_id = ?", (doc_id,))[0][0]


def _authorize(action: int, arg1: str | None, arg2: str | None, *_: object) -> int:
    """Reads of merge's own tables, three pragmas and max(); nothing else."""
    if action == sqlite3.SQLITE_SELECT:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_READ and arg1 in (*_TABLES, "sqlite_master", "sqlite_schema"):
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA and arg1 in _PRAGMAS:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_FUNCTION and arg2 in _FUNCTIONS:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_TRANSACTION:
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY
