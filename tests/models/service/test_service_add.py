"""Adding an entity: snapped to tokens (or exact), stored at once, state "added"."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.service.annotation import EditError
from models.store.store import Store


def test_selection_snaps_to_whole_tokens(store: Store, short_text, make_service) -> None:
    svc, doc = make_service(store)
    i = short_text.index("резидент")
    cs = svc.add_entity(doc.id, i, i + 3, "PER")
    ent = cs.changes[0].after
    assert (ent.text, ent.start, ent.state, ent.annotator) == ("Президент", 0, "added", "ann")
    assert store.spans.entity(ent.id) == ent


def test_exact_keeps_the_characters(store: Store, short_text, make_service) -> None:
    svc, doc = make_service(store)
    i = short_text.index("Бишкеке")
    ent = svc.add_entity(doc.id, i, i + 6, "ORG", exact=True).changes[0].after
    assert ent.text == "Бишкек"


def test_backwards_selection_is_the_same_span(store: Store, make_service) -> None:
    svc, doc = make_service(store)
    ent = svc.add_entity(doc.id, 9, 0, "PER").changes[0].after
    assert (ent.start, ent.end) == (0, 9)


def test_each_add_is_logged_with_annotator_and_time(store: Store, make_service) -> None:
    svc, doc = make_service(store)
    svc.add_entity(doc.id, 0, 9, "PER")
    ev = store.events(doc.id)[-1]
    assert (ev["action"], ev["annotator"], ev["after"]["text"]) == (
        "add entity",
        "ann",
        "Президент",
    )
    assert ev["at"] and ev["before"] is None


def test_nested_span_inside_another_label_is_allowed(
    store: Store, short_text, make_service
) -> None:
    svc, doc = make_service(store)
    i = short_text.index("Садыром")
    svc.add_entity(doc.id, i, i + 7, "LOC")
    inner = [e for e in store.document(doc.id).entities if e.start == i]
    assert sorted(e.label for e in inner) == ["LOC", "PER"]


def test_same_extent_same_label_is_refused(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    b = span(doc, "Бишкеке")
    with pytest.raises(EditError, match="already LOC"):
        svc.add_entity(doc.id, b.start, b.end, "LOC")


def test_same_extent_other_label_relabels_in_place(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    b = span(doc, "Бишкеке")
    cs = svc.add_entity(doc.id, b.start, b.end, "ORG")
    assert cs.changes[0].after.id == b.id and store.spans.entity(b.id).label == "ORG"


def test_unknown_label_and_empty_selection_are_refused(store: Store, make_service) -> None:
    svc, doc = make_service(store)
    with pytest.raises(EditError, match="unknown label"):
        svc.add_entity(doc.id, 0, 9, "XYZ")
    with pytest.raises(EditError, match="no word"):
        svc.add_entity(doc.id, 9, 10, "PER")
    with pytest.raises(EditError, match="outside"):
        svc.add_entity(doc.id, 0, 10_000, "PER")


def test_normal_form_is_reused_from_the_same_words(store: Store, make_service, span) -> None:
    svc, doc = make_service(store, "Путина видели. Путина слышали.", {"Путина": "PER"})
    first, second = span(doc, "Путина"), span(doc, "Путина", 1)
    store.spans.update_entity(replace(first, normal="Владимир Путин"))
    svc.delete_entity(second.id)
    ent = svc.add_entity(doc.id, second.start, second.end, "PER").changes[0].after
    assert ent.normal == "Владимир Путин"


def test_undo_and_redo_of_add(store: Store, make_service) -> None:
    svc, doc = make_service(store)
    cs = svc.add_entity(doc.id, 0, 9, "PER")
    before = store.document(doc.id).entities
    svc.revert(cs)
    assert len(store.document(doc.id).entities) == len(before) - 1
    svc.reapply(cs)
    assert store.document(doc.id).entities == before
