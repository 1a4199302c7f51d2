"""Walking the suggestions that still wait for a decision (Tab / Shift+Tab)."""

from __future__ import annotations

from svc_helpers import SHORT, make_service, span

from models.spans import Quote
from models.store import Store


def test_next_and_previous_wrap_round(store: Store) -> None:
    svc, doc = make_service(store)
    first, last = doc.entities[0], doc.entities[-1]
    assert svc.next_suggestion(doc.id, first.start).text == doc.entities[1].text
    assert svc.next_suggestion(doc.id, last.start) == first
    assert svc.next_suggestion(doc.id, first.start, backwards=True) == last


def test_quotes_are_walked_too_and_decided_ones_skipped(store: Store) -> None:
    i = SHORT.index("Мы договорились")
    svc, doc = make_service(store, quotes=[Quote(i, i + 15, SHORT[i:i + 15])])
    bishkek = span(doc, "Бишкеке")
    svc.confirm_entity(span(doc, "Бишкеке").id)
    got = svc.next_suggestion(doc.id, bishkek.start - 1)
    assert isinstance(got, Quote) and got.text == "Мы договорились"


def test_nothing_left_gives_none(store: Store) -> None:
    svc, doc = make_service(store)
    svc.confirm_all(doc.id)
    assert svc.next_suggestion(doc.id, 0) is None
