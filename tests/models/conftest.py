"""Fixtures for the core: a fresh store and the bundled sample."""

from __future__ import annotations

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
