"""Who worked on what in a team database, as the window's list and status bar read it.

A team database (annotators' files merged back, docs/teams.md) keeps every annotator's
version of a document beside the gold. The document list filters by annotator and marks
each document's versions; the status bar names the open document's versions. Agreement,
adjudication and the report are models.team's, which sits above the service. Any
database answers: one without team work has no annotators and no versions.
"""

from __future__ import annotations

from models.store import team as tables
from models.store.store import Store
from models.store.team import VersionInfo

__all__ = ["TeamIndex", "VersionInfo"]


class TeamIndex:
    """Read-only: the annotators of a database and the versions of its documents."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def annotators(self) -> list[str]:
        """Everyone whose work was merged in, by name (none: not a team database)."""
        return tables.annotators(self._store)

    def versions(self, doc_id: str) -> list[VersionInfo]:
        """A document's versions by annotator: status, last change, span counts."""
        return tables.versions(self._store, doc_id)
