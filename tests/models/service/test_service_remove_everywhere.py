"""Remove everywhere: this label on these words, in one document or all, one step."""

from __future__ import annotations

from models.nlp.occurrences import pymorphy_forms
from models.service.annotation import AnnotationService
from models.store.store import Store

TEXT = "Путин прилетел. Путина ждали. Путин ушёл. Путин-старший молчал."


def _labels(store: Store, doc_id: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in store.document(doc_id).entities]


def test_same_words_and_label_go_others_stay(store: Store, make_service) -> None:
    svc, doc = make_service(store, TEXT, {"Путин": "PER", "Путина": "PER"})
    svc.relabel(doc.entities[-1].id, "ORG")
    svc.remove_everywhere(doc.entities[0].id)
    assert _labels(store, doc.id) == [("Путина", "PER"), ("Путин", "ORG")]


def test_lemmas_remove_every_case_ending(store: Store, make_service) -> None:
    _, doc = make_service(store, TEXT, {"Путин": "PER", "Путина": "PER"})
    svc = AnnotationService(store, "ann", forms=pymorphy_forms)  # the real pymorphy
    cs = svc.remove_everywhere(doc.entities[0].id, match="lemmas")
    assert _labels(store, doc.id) == [] and "(3)" in cs.name


def test_all_documents_and_undo_with_speaker_links(store: Store, add_doc, make_service) -> None:
    svc, doc = make_service(store, TEXT, {"Путин": "PER"})
    other = add_doc(store, "Сказал Путин: «да».", {"Путин": "PER"})
    i = other.text.index("да")
    q = svc.add_quote(other.id, i, i + 2).changes[0].after
    svc.set_speaker_entity(q.id, other.entities[0].id)
    before = [store.document(d) for d in store.document_ids()]
    cs = svc.remove_everywhere(doc.entities[0].id, scope="corpus")
    assert _labels(store, other.id) == [] and store.spans.quote(q.id).speaker.entity is None
    svc.revert(cs)
    assert [store.document(d) for d in store.document_ids()] == before


def test_document_scope_leaves_other_documents(store: Store, add_doc, make_service) -> None:
    svc, doc = make_service(store, TEXT, {"Путин": "PER"})
    other = add_doc(store, "Сказал Путин.", {"Путин": "PER"})
    svc.remove_everywhere(doc.entities[0].id)
    assert _labels(store, other.id) == [("Путин", "PER")]
