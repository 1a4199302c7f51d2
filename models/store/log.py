"""The append-only event log: who changed what, when, with the values before and after.

Every write of the store appends here inside its own transaction, so the log and the
data never disagree; the schema's triggers refuse updates and deletes of log rows.
"""

from __future__ import annotations

import json
from typing import Any

from models.store.dbopen import SafeDatabase
from models.store.rows import now

_KEYS = ("id", "doc_id", "at", "annotator", "action", "operation", "before", "after")


class EventLog:
    """The ``events`` table of one database."""

    def __init__(self, db: SafeDatabase) -> None:
        self.db = db

    def write(
        self,
        doc_id: str | None,
        action: str,
        before: Any,
        after: Any,
        annotator: str | None = None,
        operation: str | None = None,
    ) -> None:
        """Append one row (inside the caller's transaction)."""
        # Plain SQL: sqlite-utils' insert() inspects the table on every call, and this
        # runs once per span of every edit.
        self.db.execute(
            "INSERT INTO events (doc_id, at, annotator, action, operation, before, after)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                doc_id,
                now(),
                annotator,
                action,
                operation,
                None if before is None else json.dumps(before, ensure_ascii=False),
                None if after is None else json.dumps(after, ensure_ascii=False),
            ],
        )

    def events(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        """The log, oldest first (for one document, or all)."""
        sql = f"SELECT {', '.join(_KEYS)} FROM events"
        params = [doc_id] if doc_id else []
        rows = self.db.execute(
            sql + (" WHERE doc_id = ?" if doc_id else "") + " ORDER BY id", params
        )
        out = []
        for r in rows:
            ev = dict(zip(_KEYS, r))
            for k in ("before", "after"):
                ev[k] = json.loads(ev[k]) if ev[k] else None
            out.append(ev)
        return out

    def last_of_span(self, doc_id: str, kind: str, span_id: int) -> dict[str, Any] | None:
        """The newest row about the ``kind`` ("entity" or "quote") span ``span_id``.

        Walks the document's rows newest first by the (doc_id, id) index, so it costs
        the rows after that span's last edit, not the whole log.
        """
        row = self.db.execute(
            f"SELECT {', '.join(_KEYS)} FROM events WHERE doc_id = ? AND action LIKE ?"
            " AND (json_extract(after, '$.id') = ? OR json_extract(before, '$.id') = ?)"
            " ORDER BY id DESC LIMIT 1",
            [doc_id, f"% {kind}", span_id, span_id],
        ).fetchone()
        if row is None:
            return None
        ev = dict(zip(_KEYS, row))
        for k in ("before", "after"):
            ev[k] = json.loads(ev[k]) if ev[k] else None
        return ev
