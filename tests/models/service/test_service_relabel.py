"""Relabelling keeps the span (id, extent) and moves it out of the model's hands."""

from __future__ import annotations

import pytest

from models.service.annotation import EditError
from models.store.store import Store


def test_relabel_changes_label_and_state(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    b = span(doc, "Бишкеке")
    svc.relabel(b.id, "ORG")
    got = store.spans.entity(b.id)
    assert (got.label, got.state, got.start, got.annotator) == ("ORG", "changed", b.start, "ann")


def test_relabel_to_the_same_label_changes_nothing(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    n = len(store.events())
    assert len(svc.relabel(span(doc, "Бишкеке").id, "LOC")) == 0
    assert len(store.events()) == n


def test_relabel_of_a_human_span_stays_added(store: Store, make_service) -> None:
    svc, doc = make_service(store)
    new = svc.add_entity(doc.id, 0, 9, "PER").changes[0].after
    svc.relabel(new.id, "ORG")
    assert store.spans.entity(new.id).state == "added"


def test_relabel_to_unknown_label_is_refused(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    with pytest.raises(EditError):
        svc.relabel(span(doc, "Бишкеке").id, "FOO")


def test_undo_relabel_restores_state_suggested(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    b = span(doc, "Бишкеке")
    svc.revert(svc.relabel(b.id, "ORG"))
    assert store.spans.entity(b.id) == b
