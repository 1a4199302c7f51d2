"""What the window and the reports ask of a team database, in one place.

``TeamQueries(store)`` answers by annotator and by document: who has worked on this
corpus, which versions a document has, one annotator's version as a Document, the
documents in an annotator's share, and agreement over the finished versions. Any
database answers (a database without team work has no annotators and no versions).
"""

from __future__ import annotations

from collections.abc import Callable

from models.spans import Document
from models.store import team as tables
from models.store.store import Store
from models.store.team import CorpusInfo, VersionInfo
from models.team.agreement import AgreementReport, measure


class TeamQueries:
    """Read-only questions about the team work in ``store``."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def corpus(self) -> CorpusInfo:
        """The database's corpus id, and its annotator when it is an assigned file."""
        return tables.corpus_info(self.store)

    def annotators(self) -> list[str]:
        """Everyone whose work was merged in, by name (for the annotator filter)."""
        return tables.annotators(self.store)

    def versions(self, doc_id: str) -> list[VersionInfo]:
        """Which versions a document has: annotator, status, time, span counts."""
        return tables.versions(self.store, doc_id)

    def version(self, doc_id: str, annotator: str) -> Document:
        """One annotator's version of a document (KeyError when there is none)."""
        return tables.version_document(self.store, doc_id, annotator)

    def versions_of(self, doc_id: str, status: str | None = "done") -> dict[str, Document]:
        """Every annotator's version of a document (those in ``status``; all when None)."""
        return {
            v.annotator: self.version(doc_id, v.annotator)
            for v in self.versions(doc_id)
            if status is None or v.status == status
        }

    def documents_of(self, annotator: str, status: str | None = None) -> list[str]:
        """The documents in an annotator's share (in ``status``), in corpus order."""
        return tables.documents_of(self.store, annotator, status)

    def compared_documents(self, status: str = "done") -> list[str]:
        """Documents with two or more versions in ``status``, in corpus order."""
        return [
            d for d, names in tables.version_counts(self.store, status).items() if len(names) > 1
        ]

    def agreement(
        self,
        threshold: float = 0.5,
        status: str = "done",
        progress: Callable[[int, int], None] | None = None,
    ) -> AgreementReport:
        """Agreement over every document that two or more annotators finished;
        ``progress(documents read, documents to compare)`` as their versions are read."""
        docs = []
        compared = self.compared_documents(status)
        for n, doc_id in enumerate(compared, 1):
            versions = self.versions_of(doc_id, status)
            first = next(iter(versions.values()))
            docs.append((str(first.meta.get("title") or doc_id), versions))
            if progress is not None:
                progress(n, len(compared))
        return measure(docs, threshold)
