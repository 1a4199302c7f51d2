"""Confirming suggestions: one, or all remaining in a document, each one undo step."""

from __future__ import annotations

from models.spans import Quote
from models.store.store import Store


def _quote(text: str) -> Quote:
    i = text.index("Мы договорились")
    return Quote(i, i + 15, text[i : i + 15])


def test_confirm_marks_a_suggestion_confirmed(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    b = span(doc, "Бишкеке")
    svc.confirm_entity(b.id)
    got = store.spans.entity(b.id)
    assert (got.state, got.origin, got.annotator) == ("confirmed", "model", "ann")


def test_confirm_leaves_human_spans_alone(store: Store, make_service) -> None:
    svc, doc = make_service(store)
    new = svc.add_entity(doc.id, 0, 9, "PER").changes[0].after
    assert len(svc.confirm_entity(new.id)) == 0


def test_editing_a_confirmed_span_makes_it_changed(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    b = span(doc, "Бишкеке")
    svc.confirm_entity(b.id)
    svc.relabel(b.id, "ORG")
    assert store.spans.entity(b.id).state == "changed"


def test_confirm_all_confirms_entities_and_quotes(
    store: Store, make_service, span, short_text
) -> None:
    svc, doc = make_service(store, quotes=[_quote(short_text)])
    svc.relabel(span(doc, "РФ").id, "ORG")
    cs = svc.confirm_all(doc.id)
    now = store.document(doc.id)
    assert len(cs) == len(doc.entities) - 1 + 1
    assert {e.state for e in now.entities} == {"confirmed", "changed"}
    assert now.quotes[0].state == "confirmed"


def test_confirm_all_is_one_undo_step(store: Store, make_service, short_text) -> None:
    svc, doc = make_service(store, quotes=[_quote(short_text)])
    svc.revert(svc.confirm_all(doc.id))
    assert store.document(doc.id) == doc


def test_confirm_quote(store: Store, make_service, short_text) -> None:
    svc, doc = make_service(store, quotes=[_quote(short_text)])
    svc.confirm_quote(doc.quotes[0].id)
    assert store.spans.quote(doc.quotes[0].id).state == "confirmed"
