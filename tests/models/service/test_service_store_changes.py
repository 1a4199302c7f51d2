"""Store.apply_changes: one transaction per edit, refused when the row moved on."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.changes import Change, ChangeSet
from models.store.schema import StoreError
from models.store.spans import ConflictError
from models.store.store import Store


def test_a_stale_before_is_refused_and_nothing_is_written(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    b, p = span(doc, "Бишкеке"), span(doc, "Владимир Путин")
    cs = svc.relabel(b.id, "ORG")
    store.spans.update_entity(replace(store.spans.entity(b.id), label="PER"))  # someone else
    ok = Change(doc.id, p, replace(p, label="ORG"))
    events = len(store.events())
    with pytest.raises(ConflictError, match="changed in another window"):
        store.apply_changes([ok, *cs.inverse()])
    assert store.spans.entity(p.id) == p and len(store.events()) == events


def test_a_change_cannot_swap_ids(store: Store, make_service, span) -> None:
    _, doc = make_service(store)
    b = span(doc, "Бишкеке")
    with pytest.raises(StoreError, match="new id"):
        store.apply_changes([Change(doc.id, b, replace(b, id=999))])


def test_a_change_needs_before_or_after() -> None:
    with pytest.raises(ValueError):
        Change("d", None, None)


def test_inverse_reverses_order_and_roles(store: Store, make_service) -> None:
    _, doc = make_service(store)
    a, b = doc.entities[:2]
    cs = ChangeSet("x", (Change(doc.id, a, None), Change(doc.id, None, b)))
    inv = cs.inverse()
    assert [(c.before, c.after) for c in inv] == [(b, None), (None, a)]
    assert inv.name == "Undo x" and cs.of_kind("removed")[0].before == a


def test_operation_names_the_user_edit_in_the_log(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    svc.revert(svc.relabel(span(doc, "Бишкеке").id, "ORG"))
    ops = [e["operation"] for e in store.events(doc.id)[-2:]]
    assert ops == ["Relabel «Бишкеке» LOC → ORG", "Undo Relabel «Бишкеке» LOC → ORG"]
