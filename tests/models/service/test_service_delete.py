"""Deleting an entity, and undoing it: same id, same fields, speaker links restored."""

from __future__ import annotations

from models.service.annotation import AnnotationService
from models.spans import Document, Entity, Quote
from models.store.store import Store


def test_delete_removes_the_row_and_logs_before(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    b = span(doc, "Бишкеке")
    svc.delete_entity(b.id)
    assert b.id not in [e.id for e in store.document(doc.id).entities]
    ev = store.events(doc.id)[-1]
    assert ev["action"] == "delete entity" and ev["before"]["id"] == b.id
    assert ev["operation"] == "Delete LOC «Бишкеке»"


def test_undo_puts_back_the_same_span(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    b = span(doc, "Бишкеке")
    svc.revert(svc.delete_entity(b.id))
    assert store.spans.entity(b.id) == b


def test_ids_of_deleted_spans_are_never_reused(store: Store, make_service) -> None:
    svc, doc = make_service(store)
    last = max(e.id for e in doc.entities)
    svc.delete_entity(last)
    new = svc.add_entity(doc.id, 0, 9, "PER").changes[0].after
    assert new.id > last


def _quote_by(svc: AnnotationService, doc: Document, speaker: Entity) -> Quote:
    i = doc.text.index("Мы договорились")
    q = svc.add_quote(doc.id, i, i + 15).changes[0].after
    return svc.set_speaker_entity(q.id, speaker.id).changes[0].after


def test_delete_unlinks_the_speaker_and_undo_relinks(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    q = _quote_by(svc, doc, span(doc, "Владимир Путин"))
    cs = svc.delete_entity(q.speaker.entity)
    assert store.spans.quote(q.id).speaker.entity is None
    assert store.spans.quote(q.id).speaker.text == "Владимир Путин"
    svc.revert(cs)
    assert store.spans.quote(q.id) == q
