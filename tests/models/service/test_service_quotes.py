"""Quotes: add (outer marks trimmed), speaker set/linked/unlinked, kept across resizes."""

from __future__ import annotations

import pytest

from models.service.annotation import AnnotationService, EditError
from models.spans import Document, Quote
from models.store.store import Store


def _add(svc: AnnotationService, doc: Document, words: str) -> Quote:
    i = doc.text.index(words)
    return svc.add_quote(doc.id, i, i + len(words)).changes[0].after


def test_outer_quotation_marks_are_left_out(store: Store, make_service) -> None:
    svc, doc = make_service(store)
    q = _add(svc, doc, "«Мы договорились»")
    assert (q.text, q.state, q.speaker) == ("Мы договорились", "added", None)


def test_same_quote_twice_is_refused(store: Store, make_service) -> None:
    svc, doc = make_service(store)
    _add(svc, doc, "«Мы договорились»")
    with pytest.raises(EditError):
        _add(svc, doc, "Мы договорились")


def test_selecting_an_entity_links_the_speaker(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    q = _add(svc, doc, "это важный шаг")
    k = span(doc, "Юрия Крупнова")
    svc.set_speaker(q.id, k.start + 1, k.end - 1)
    sp = store.spans.quote(q.id).speaker
    assert (sp.text, sp.entity, sp.normal) == ("Юрия Крупнова", k.id, k.normal)
    assert store.spans.quote(q.id).state == "added"


def test_a_mention_that_is_no_entity_is_a_plain_speaker(
    store: Store, short_text, make_service
) -> None:
    svc, doc = make_service(store)
    q = _add(svc, doc, "Мы договорились")
    i = short_text.index("журналистам")
    svc.set_speaker(q.id, i, i + 11)
    assert store.spans.quote(q.id).speaker.entity is None


def test_unlink_and_undo(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    q = _add(svc, doc, "Мы договорились")
    linked = svc.set_speaker_entity(q.id, span(doc, "Владимир Путин").id).changes[0].after
    cs = svc.unlink_speaker(q.id)
    assert store.spans.quote(q.id).speaker is None and "Unlink" in cs.name
    svc.revert(cs)
    assert store.spans.quote(q.id) == linked


def test_quote_keeps_its_speaker_when_its_edges_move(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    q = _add(svc, doc, "Мы договорились")
    linked = svc.set_speaker_entity(q.id, span(doc, "Владимир Путин").id).changes[0].after
    svc.move_quote(q.id, "end", -1)
    svc.move_quote(q.id, "start", -1)
    got = store.spans.quote(q.id)
    assert (got.text, got.speaker) == ("«Мы", linked.speaker)


def test_editing_a_suggested_quote_marks_it_changed(
    store: Store, short_text, make_service, span
) -> None:
    i = short_text.index("Мы договорились")
    svc, doc = make_service(store, quotes=[Quote(i, i + 15, short_text[i : i + 15])])
    svc.set_speaker_entity(doc.quotes[0].id, span(doc, "Владимир Путин").id)
    assert store.spans.quote(doc.quotes[0].id).state == "changed"


def test_speaker_from_another_document_is_refused(store: Store, add_doc, make_service) -> None:
    svc, doc = make_service(store)
    q = _add(svc, doc, "Мы договорились")
    other = svc.store
    second = add_doc(other, "Другой текст про Владимир Путин.")
    with pytest.raises(EditError):
        svc.set_speaker_entity(q.id, second.entities[0].id)


def test_delete_quote_and_undo(store: Store, make_service) -> None:
    svc, doc = make_service(store)
    q = _add(svc, doc, "Мы договорились")
    cs = svc.delete_quote(q.id)
    assert store.document(doc.id).quotes == ()
    svc.revert(cs)
    assert store.spans.quote(q.id) == q
