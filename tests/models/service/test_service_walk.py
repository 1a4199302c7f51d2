"""Walking the suggestions that still wait for a decision (Tab / Shift+Tab)."""

from __future__ import annotations

from models.spans import Quote
from models.store.store import Store


def test_next_and_previous_wrap_round(store: Store, make_service) -> None:
    svc, doc = make_service(store)
    first, last = doc.entities[0], doc.entities[-1]
    assert svc.next_suggestion(doc.id, first.start).text == doc.entities[1].text
    assert svc.next_suggestion(doc.id, last.start) == first
    assert svc.next_suggestion(doc.id, first.start, backwards=True) == last


def test_quotes_are_walked_too_and_decided_ones_skipped(
    store: Store, short_text, make_service, span
) -> None:
    i = short_text.index("Мы договорились")
    svc, doc = make_service(store, quotes=[Quote(i, i + 15, short_text[i : i + 15])])
    bishkek = span(doc, "Бишкеке")
    svc.confirm_entity(span(doc, "Бишкеке").id)
    got = svc.next_suggestion(doc.id, bishkek.start - 1)
    assert isinstance(got, Quote) and got.text == "Мы договорились"


def test_nothing_left_gives_none(store: Store, make_service) -> None:
    svc, doc = make_service(store)
    svc.confirm_all(doc.id)
    assert svc.next_suggestion(doc.id, 0) is None


def test_two_suggestions_starting_at_one_character_are_both_walked(
    store: Store, make_service, span
) -> None:
    text = "Банк России снизил ставку, сообщил Банк России."
    names = {"Банк России": "ORG", "России": "LOC", "Банк": "ORG"}
    svc, doc = make_service(store, text=text, names=names)
    seen, current = [], None
    for _ in range(7):
        current = svc.next_suggestion(doc.id, -1, current=current)
        seen.append((current.start, current.end))
    assert seen == [(0, 11), (0, 4), (5, 11), (35, 46), (35, 39), (40, 46), (0, 11)]
    bank = span(doc, "Банк")
    back = svc.next_suggestion(doc.id, 0, backwards=True, current=bank)
    assert (back.start, back.end) == (0, 11)
    back = svc.next_suggestion(doc.id, 0, backwards=True, current=back)
    assert (back.start, back.end) == (40, 46)  # wrapped round to the last
