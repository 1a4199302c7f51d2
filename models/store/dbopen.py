"""Opening a database file safely: every check read-only first, writes only after.

The file a user points at may be damaged, not SQLite at all, another program's
database, written by a newer razmetka, read-only, or locked by a writer. Each case is
refused with one line naming the file and the reason, and because the checks read the
header bytes or use a read-only (when nobody has it open, immutable) connection, a
refused file is left byte for byte as it was and no -wal or -shm file appears beside
it. Only a database that passes is opened for writing, switched to WAL and migrated
(migrate backs it up first).
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from models.store import schema
from models.store.schema import StoreError, migrate

_MAGIC = b"SQLite format 3\x00"
# A full quick_check reads every page: about 25 ms per 1,000 documents. Up to this size
# (~100 MB) it runs on every open; a bigger database is checked by its header and file
# size here, and by SQLite page by page as it is read (a damaged page is an error then).
QUICK_CHECK_MAX_PAGES = 25_000


def connect(path: Path | None, readonly: bool = False, timeout: float = 10.0) -> sqlite3.Connection:
    """A checked, migrated connection to ``path`` (in memory when None).

    ``readonly`` opens an up-to-date database for reading only (stats, export, backup of
    a write-protected file). Raises StoreError with a one-line reason otherwise.
    """
    if path is None:
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn, None)
        return conn
    version = check(path, readonly, timeout)
    try:
        if readonly:
            # In a read-only folder nobody can open the file for writing (there is no
            # room for a journal), so it is read as immutable: SQLite needs no -shm.
            frozen = _read_only(path.parent) and not Path(f"{path}-wal").exists()
            conn = sqlite3.connect(
                _uri(path, "ro&immutable=1" if frozen else "ro"),
                uri=True,
                timeout=timeout,
                check_same_thread=False,
            )
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, timeout=timeout, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            if version != schema.SCHEMA_VERSION:
                migrate(conn, path)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: {describe(exc)}") from None
    except OSError as exc:
        raise StoreError(f"{path}: {exc.strerror or exc}") from None
    return conn


def check(path: Path, readonly: bool = False, timeout: float = 10.0) -> int | None:
    """The schema version of an existing database (None for a new one), or StoreError.

    Nothing here writes to ``path``.
    """
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")
    if not path.exists():
        if readonly:
            raise StoreError(f"{path}: no such database")
        _check_folder(path)
        return None
    if not stat.S_ISREG(path.stat().st_mode):
        raise StoreError(f"{path}: not a regular file")
    header = _header(path)
    # an empty file has no header: SQLite makes it a new database
    version = _check_contents(path, header, timeout) if header else None
    if version is not None and version > schema.SCHEMA_VERSION:
        raise StoreError(
            f"{path}: written by a newer razmetka (schema {version}, this one knows "
            f"{schema.SCHEMA_VERSION}); left untouched — update razmetka to open it"
        )
    if readonly:
        if version != schema.SCHEMA_VERSION:
            raise StoreError(
                f"{path}: needs an upgrade to schema {schema.SCHEMA_VERSION}; "
                "open it once with write access"
            )
        return version
    if _read_only(path):
        raise StoreError(
            f"{path}: the file is read-only; razmetka saves every edit at once, "
            "so it needs write access (or work on a copy)"
        )
    _check_folder(path)
    return version


def _header(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(100)
    except OSError as exc:
        raise StoreError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _check_contents(path: Path, header: bytes, timeout: float) -> int:
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise StoreError(f"{path}: not a razmetka database (not an SQLite file); left untouched")
    if not _valid_header(header):
        raise StoreError(
            f"{path}: the database is damaged (its header is not valid); "
            "left untouched — restore a backup"
        )
    wal = _wal_size(path)
    # Shorter than its header says: an interrupted copy, unless the pages are in the
    # WAL (a checkpoint that wrote the header and then hit a full disk). SQLite reads
    # them from there; the full check below tells whether they really are.
    short = _truncated(path, header)
    if short and not wal:
        raise StoreError(
            f"{path}: the database is damaged (the file is cut short); "
            "left untouched — restore a backup"
        )
    version = int.from_bytes(header[60:64], "big")
    if version > schema.SCHEMA_VERSION and not wal:
        return version  # refused from the header alone, without opening the file
    return _inspect(path, timeout, full_check=short)


def _wal_size(path: Path) -> int:
    try:
        return Path(f"{path}-wal").stat().st_size
    except OSError:
        return 0


def _valid_header(header: bytes) -> bool:
    """The fixed fields of SQLite's 100-byte header (sqlite.org/fileformat.html)."""
    page = int.from_bytes(header[16:18], "big")
    page = 65536 if page == 1 else page
    return (
        512 <= page <= 65536
        and page & (page - 1) == 0
        and header[18] in (1, 2)
        and header[19] in (1, 2)
        and header[21:24] == b"\x40\x20\x20"
    )


def _truncated(path: Path, header: bytes) -> bool:
    """Shorter than the page count its header vouches for (an interrupted copy)."""
    if header[92:96] != header[24:28]:
        return False  # the in-header size is stale (written by an old SQLite)
    page = int.from_bytes(header[16:18], "big")
    page = 65536 if page == 1 else page
    return path.stat().st_size < int.from_bytes(header[28:32], "big") * page


def _inspect(path: Path, timeout: float, full_check: bool = False) -> int:
    """Version, foreign tables and a quick integrity check over a read-only connection.

    Without a -wal file no connection has the database open in WAL mode, and it is read
    as ``immutable``: no lock, no -shm or -wal file created, nothing written at all. With
    one, it is read like any reader would (through the WAL, which may hold newer pages).
    ``full_check`` runs the page check whatever the size.
    """
    immutable = not Path(f"{path}-wal").exists()
    try:
        conn = sqlite3.connect(
            _uri(path, "ro&immutable=1" if immutable else "ro"), uri=True, timeout=timeout
        )
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'"
                )
            ]
            if version == 0 and tables:
                raise StoreError(
                    f"{path}: not a razmetka database (another program's "
                    f"tables: {', '.join(sorted(tables)[:5])}); left untouched"
                )
            pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
            if version <= schema.SCHEMA_VERSION and (pages <= QUICK_CHECK_MAX_PAGES or full_check):
                problem = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
                if problem != "ok":
                    raise StoreError(
                        f"{path}: the database is damaged ({_first_line(problem)})"
                        "; restore a backup"
                    )
            return version
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: {describe(exc)}; left untouched") from None


def _check_folder(path: Path) -> None:
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if _read_only(folder):
        raise StoreError(
            f"{path}: the folder {folder} is read-only; razmetka keeps its "
            "journal files beside the database, so it needs write access"
        )


def _read_only(path: Path) -> bool:
    """No write permission, or marked read-only (which root's access() ignores)."""
    mode = path.stat().st_mode
    return not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def _uri(path: Path, mode: str) -> str:
    return f"{path.resolve().as_uri()}?mode={mode}"


def _first_line(text: str) -> str:
    return " ".join(text.split())[:160]


def describe(exc: sqlite3.Error) -> str:
    """A user-facing reason for an SQLite error."""
    msg = str(exc)
    if "file is not a database" in msg:
        return "not a razmetka database (not an SQLite file)"
    if "malformed" in msg:
        return "the database is damaged (disk image is malformed); restore a backup"
    if "locked" in msg or "busy" in msg:
        return "the database is locked by another program; try again when it has finished"
    if "readonly" in msg or "read-only" in msg:
        return "the database is read-only"
    if "full" in msg:
        return "the disk is full"
    if "unable to open" in msg:
        return "cannot open the database file (missing folder or no permission)"
    return f"database error ({msg})"


class SafeDatabase(sqlite_utils.Database):
    """sqlite-utils' Database whose failed transactions say "not saved" as StoreError.

    Every Store write runs in ``atomic()``; SQLite rolls the transaction back, so a full
    disk, a write-protected file or a lock held too long leaves what was saved intact and
    the caller (the window, the importer) can tell the user and retry.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        super().__init__(conn)
        self.store_path = path

    @contextmanager
    def atomic(self) -> Iterator[sqlite_utils.Database]:
        """A write transaction (a savepoint when nested); OperationalError → StoreError.

        The outer transaction is ``BEGIN IMMEDIATE``: it takes the write lock first
        (waiting up to the busy timeout), so two importers on one database queue up
        instead of failing when one upgrades a read snapshot the other has outdated.
        """
        if self.conn.in_transaction:
            with super().atomic() as db:
                yield db
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.rollback()
                raise
        except sqlite3.DatabaseError as exc:
            # Only failures to write (full, locked, read-only, damaged); a constraint
            # or programming error is a bug to see, not a "try again".
            if not isinstance(exc, sqlite3.OperationalError) and type(exc) is not (
                sqlite3.DatabaseError
            ):
                raise
            where = self.store_path or "database"
            raise StoreError(
                f"{where}: not saved — {describe(exc)}; what was saved before is intact, try again"
            ) from exc
