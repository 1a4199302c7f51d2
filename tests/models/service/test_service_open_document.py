"""OpenDocument: the open document stays equal to the store through edits, undo, redo."""

from __future__ import annotations

import random

import pytest

from models import Document, Entity, OpenDocument, Quote, Store


def _key(span: Entity | Quote) -> tuple[int, int, int]:
    return span.start, -span.end, span.id or 0


def _spans(doc: Document) -> tuple:
    """A document's spans in one order (spans at one extent may come in any order)."""
    return doc.status, sorted(doc.entities, key=_key), sorted(doc.quotes, key=_key)


def _events(doc: OpenDocument) -> list:
    got: list = []
    doc.opened.connect(lambda d: got.append(("opened", d.id if d else None)))
    doc.edited.connect(lambda changes: got.append(("edited", [c.kind for c in changes])))
    return got


def test_open_reads_the_document_and_announces_it(store: Store, make_service) -> None:
    svc, doc = make_service(store)
    opened = OpenDocument(svc)
    got = _events(opened)
    assert opened.open(doc.id) == doc == opened.document
    assert opened.id == doc.id and got == [("opened", doc.id)]
    opened.clear()
    assert opened.document is None and got[-1] == ("opened", None)
    with pytest.raises(KeyError):
        opened.open("no such document")


def test_an_edit_is_applied_and_announced_with_its_changes(store: Store, make_service) -> None:
    svc, doc = make_service(store)
    opened = OpenDocument(svc)
    opened.open(doc.id)
    got = _events(opened)
    cs = svc.add_entity(doc.id, 0, 9, "PER")
    assert got == [("edited", ["added"])]
    assert cs.changes[0].after in opened.document.entities
    assert opened.document == store.document(doc.id)  # no re-read needed to agree
    svc.revert(cs)
    assert got[-1] == ("edited", ["removed"]) and opened.document == doc


def test_edits_elsewhere_and_status_changes(store: Store, add_doc, make_service) -> None:
    svc, doc = make_service(store)
    other = add_doc(store, "Другой текст о Бишкеке.", {"Бишкеке": "LOC"})
    opened = OpenDocument(svc)
    opened.open(doc.id)
    got = _events(opened)
    svc.delete_entity(other.entities[0].id)
    assert got == [] and opened.document == doc  # another document: nothing to show
    svc.set_status(doc.id, "done")
    assert opened.document.status == "done" and got == []


def test_a_deleted_speaker_unlinks_its_quote_in_the_open_document(
    store: Store, make_service, short_quote, span
) -> None:
    svc, doc = make_service(store, quotes=[short_quote])
    opened = OpenDocument(svc)
    opened.open(doc.id)
    svc.delete_entity(span(doc, "Юрия Крупнова").id)
    (quote,) = opened.document.quotes
    assert quote.speaker is not None and quote.speaker.entity is None
    assert opened.document == store.document(doc.id)


def test_close_stops_following(store: Store, make_service) -> None:
    svc, doc = make_service(store)
    opened = OpenDocument(svc)
    opened.open(doc.id)
    got = _events(opened)
    opened.close()
    svc.add_entity(doc.id, 0, 9, "PER")
    assert got == [] and len(svc.changes_applied) == 0 and len(svc.status_changed) == 0


def test_random_edits_undos_and_redos_keep_it_equal_to_the_store(
    store: Store,
    short_text,
    short_names,
    add_doc,
    make_service,
    short_quote,
    edit_session,
    random_steps,
) -> None:
    svc, doc = make_service(store, quotes=[short_quote])
    second = add_doc(store, short_text.replace("Бишкеке", "Оше"), short_names)
    opened = OpenDocument(svc)
    opened.open(doc.id)
    driver = edit_session(svc, [doc.id, second.id])
    for step in random_steps(random.Random(3), 300):
        driver.step(step)
        assert _spans(opened.document) == _spans(store.document(doc.id))
