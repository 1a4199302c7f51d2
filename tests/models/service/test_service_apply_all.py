"""Apply to all: the same words, or the same normal form in any case ending, one step."""

from __future__ import annotations

import pytest

from models.nlp.occurrences import find_occurrences, pymorphy_forms
from models.service.annotation import AnnotationService, EditError
from models.store.store import Store

TEXT = "Путин прилетел. Путина ждали. Путину рады. Путинский курс. Владимир Путин ушёл."


def test_same_words_in_this_document(store: Store, make_service, span) -> None:
    svc, doc = make_service(store, TEXT, {"Путин": "PER"})
    first = next(e for e in doc.entities if e.start == 0)
    svc.delete_entity(span(doc, "Путин", 1).id)
    cs = svc.apply_to_all(first.id)
    assert [c.after.text for c in cs] == ["Путин"]
    assert "(1)" in cs.name


def test_lemmas_match_every_case_ending_but_not_derived_words(store: Store, make_service) -> None:
    _, doc = make_service(store, TEXT, {})
    svc = AnnotationService(store, "ann", forms=pymorphy_forms)  # the real pymorphy
    first = svc.add_entity(doc.id, 0, 5, "PER").changes[0].after
    cs = svc.apply_to_all(first.id, match="lemmas")
    assert [c.after.text for c in cs] == ["Путина", "Путину", "Путин"]
    assert {c.after.normal for c in cs} == {"Путин"}


def test_occurrence_inside_a_same_label_span_is_skipped(store: Store, make_service) -> None:
    text = "Путин прилетел. Владимир Путин ушёл. Путин вернулся."
    svc, doc = make_service(store, text, {"Владимир Путин": "PER"})
    first = svc.add_entity(doc.id, 0, 5, "PER").changes[0].after
    cs = svc.apply_to_all(first.id)
    assert [c.after.start for c in cs] == [text.rindex("Путин")]


def test_occurrence_with_another_label_on_same_extent_is_relabelled(
    store: Store, make_service
) -> None:
    svc, doc = make_service(store, "Москва. Москва.", {"Москва": "ORG"})
    first = doc.entities[0]
    svc.relabel(first.id, "LOC")
    cs = svc.apply_to_all(first.id)
    assert [(c.kind, c.after.label) for c in cs] == [("changed", "LOC")]


def test_all_documents_is_one_undoable_step(store: Store, add_doc, make_service) -> None:
    svc, doc = make_service(store, TEXT, {})
    other = add_doc(store, "Вчера Путин сказал. Путин молчал.", {})
    first = svc.add_entity(doc.id, 0, 5, "PER").changes[0].after
    before = [store.document(d) for d in store.document_ids()]
    cs = svc.apply_to_all(first.id, scope="corpus")
    assert cs.doc_ids == [doc.id, other.id] and len(cs) == 3
    svc.revert(cs)
    assert [store.document(d) for d in store.document_ids()] == before


def test_bad_scope_is_refused(store: Store, make_service) -> None:
    svc, doc = make_service(store)
    with pytest.raises(EditError):
        svc.apply_to_all(doc.entities[0].id, scope="galaxy")


def test_find_occurrences_respects_token_boundaries() -> None:
    assert find_occurrences("Путинский Путин", "Путин") == [(10, 15)]
    assert find_occurrences("Санкт - Петербург", "Санкт-Петербург") == []
