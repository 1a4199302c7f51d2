"""The public surface: ``from models import …`` is enough for an edit and its undo."""

from __future__ import annotations

from pathlib import Path

import models
from models import AnnotationService, Document, Store


def test_the_package_docstring_example_runs(tmp_path: Path) -> None:
    store = Store(tmp_path / "corpus.db")
    store.add_document(Document("d1", "Президент РФ прибыл."))
    service = AnnotationService(store, annotator="anna")
    doc_id = service.listing().page(0, 1)[0].id
    changes = service.add_entity(doc_id, 0, 9, "PER")
    assert [e.text for e in store.document(doc_id).entities] == ["Президент"]
    service.revert(changes)
    assert store.document(doc_id).entities == ()
    assert store.events()[-1]["annotator"] == "anna"
    store.close()


def test_an_unknown_name_is_an_attribute_error() -> None:
    assert not hasattr(models, "SpanTable")  # the store's parts stay inside it
