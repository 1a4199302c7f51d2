"""Turning on SQLite's own protections for a connection to a file nobody here wrote.

``SQLITE_DBCONFIG_DEFENSIVE`` (no writable schema, no shadow-table writes), triggers and
views switched off, ``trusted_schema`` off, ``query_only`` on, and a length limit, so that
a value bigger than the limit fails as the row is stepped, before its pages are read.
Python 3.12 has ``Connection.setconfig``; 3.10 and 3.11 do not, and SQLite has no pragma
for defensive mode, so there the same C call is made through ctypes on the handle of the
connection, after checking that the handle is the right one (its file name).
"""

from __future__ import annotations

import ctypes
import os
import sqlite3
import sys
from pathlib import Path

from models.store.schema import StoreError

# sqlite3.h
DBCONFIG_ENABLE_TRIGGER = 1003
DBCONFIG_DEFENSIVE = 1010
DBCONFIG_ENABLE_VIEW = 1015
LIMIT_LENGTH = 0


def harden(conn: sqlite3.Connection, path: Path, max_value: int) -> None:
    """Switch every protection on for ``conn`` (a connection to ``path``), or StoreError."""
    for op, on in (
        (DBCONFIG_DEFENSIVE, True),
        (DBCONFIG_ENABLE_TRIGGER, False),
        (DBCONFIG_ENABLE_VIEW, False),
    ):
        if _db_config(conn, path, op, int(on)) != int(on):
            raise StoreError(f"{path}: SQLite did not accept configuration {op}; not read")
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA query_only = ON")
    set_length_limit(conn, path, max_value)


def set_length_limit(conn: sqlite3.Connection, path: Path, max_value: int) -> None:
    """No string or blob longer than ``max_value`` bytes can be read or made."""
    if hasattr(conn, "setlimit"):  # Python 3.11+
        conn.setlimit(LIMIT_LENGTH, max_value)
        return
    lib = _library()
    lib.sqlite3_limit.restype = ctypes.c_int
    lib.sqlite3_limit(_handle(conn, path), ctypes.c_int(LIMIT_LENGTH), ctypes.c_int(max_value))


def defensive(conn: sqlite3.Connection, path: Path) -> bool:
    """Whether defensive mode is on (what a test checks)."""
    return _db_config(conn, path, DBCONFIG_DEFENSIVE, -1) == 1


def _db_config(conn: sqlite3.Connection, path: Path, op: int, value: int) -> int:
    """Set (``value`` 0 or 1) or read (-1) one boolean option; returns its value now."""
    setconfig = getattr(conn, "setconfig", None)
    if setconfig is not None:  # Python 3.12+
        if value >= 0:
            setconfig(op, bool(value))
        return int(conn.getconfig(op))  # type: ignore[attr-defined]
    lib = _library()
    lib.sqlite3_db_config.restype = ctypes.c_int
    out = ctypes.c_int(-1)
    rc = lib.sqlite3_db_config(
        _handle(conn, path), ctypes.c_int(op), ctypes.c_int(value), ctypes.byref(out)
    )
    if rc != 0:
        raise StoreError(f"{path}: SQLite refused configuration {op} (code {rc}); not read")
    return out.value


def _library() -> ctypes.CDLL:
    """The SQLite library the sqlite3 module uses (dlsym also searches its dependencies)."""
    import _sqlite3

    return ctypes.CDLL(_sqlite3.__file__)


def _handle(conn: sqlite3.Connection, path: Path) -> ctypes.c_void_p:
    """The ``sqlite3*`` of a CPython connection, checked against the file it has open.

    In CPython's ``pysqlite_Connection`` the handle is the first field after the object
    header. Reading the file name back through it proves the pointer before it is used
    for anything else.
    """
    if sys.implementation.name != "cpython":
        raise StoreError(f"{path}: defensive mode needs CPython or Python 3.12+; not read")
    handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__)
    lib = _library()
    lib.sqlite3_db_filename.restype = ctypes.c_char_p
    lib.sqlite3_db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    name = lib.sqlite3_db_filename(handle, b"main") or b""
    if os.path.realpath(os.fsdecode(name)) != os.path.realpath(path):
        raise StoreError(f"{path}: cannot reach SQLite's handle to turn on defensive mode")
    return handle
