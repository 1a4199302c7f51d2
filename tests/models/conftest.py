"""Fixtures for the core: a fresh store, the bundled sample, and a model that finds nothing.

``no_natasha`` stands in for the pre-annotation in tests about what an import or an
export does with the spans it is given: natasha's models take seconds to load and their
output is not what such a test checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from models.io.ingest import decode, document_from_text
from models.labels import sample_path
from models.spans import Document
from models.store.store import Store


@pytest.fixture
def store() -> Store:
    return Store.in_memory()


@pytest.fixture(scope="session")
def sample_text() -> str:
    return decode(sample_path().read_bytes())


@pytest.fixture(scope="session")
def sample_doc(sample_text: str) -> Document:
    return document_from_text(sample_text, str(sample_path()))


@pytest.fixture(scope="session")
def annotated_sample(sample_doc: Document) -> Document:
    from models.pipeline import predict

    return predict(sample_doc)


@pytest.fixture
def tmp_db(tmp_path: Path) -> Path:
    return tmp_path / "corpus.db"


def _finds_nothing(
    docs: Iterator[Document], jobs: int = 1, *_progress_and_cancel: object
) -> Iterator[tuple[Document, Document, str]]:
    """``pipeline.pre_annotate_many`` without natasha: the model finds nothing."""
    for d in docs:
        model = replace(d, status="new").with_annotations([], [])
        curated = d if (d.entities or d.quotes) else replace(model, status=d.status)
        yield curated, model, ""


@pytest.fixture
def no_natasha(monkeypatch: pytest.MonkeyPatch) -> None:
    """Imports pre-annotate with a model that finds nothing (documents keep their spans)."""
    import models.pipeline

    monkeypatch.setattr(models.pipeline, "pre_annotate_many", _finds_nothing)
