"""Where the reviewer left off: the document last worked on, reopened at the next start.

A content hash names a document in every database that holds it, so the id alone is
kept; a database without it opens on its first document instead.
"""

from __future__ import annotations

from gui.settings import settings

KEY = "session/last_document"


def last_document() -> str | None:
    """The id of the document open when the window last showed one."""
    value = settings().value(KEY)
    return str(value) if value else None


def remember_document(doc_id: str) -> None:
    """Keep ``doc_id`` as the document to reopen."""
    settings().setValue(KEY, doc_id)
