"""Moving an entity's edges by a token: same id, history kept, speakers follow."""

from __future__ import annotations

import pytest

from models.service.annotation import EditError
from models.store.store import Store


def test_shift_right_grows_end_by_one_token(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    p = span(doc, "Владимир Путин")
    svc.move_entity(p.id, "end", 1)
    got = store.spans.entity(p.id)
    assert (got.text, got.state) == ("Владимир Путин встретился", "changed")


def test_ctrl_shift_left_grows_start_and_right_shrinks(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    p = span(doc, "Владимир Путин")
    svc.move_entity(p.id, "start", -1)
    assert store.spans.entity(p.id).text == "РФ Владимир Путин"
    svc.move_entity(p.id, "start", 2)
    assert store.spans.entity(p.id).text == "Путин"


def test_shift_left_shrinks_end_but_never_empties(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    p = span(doc, "Владимир Путин")
    svc.move_entity(p.id, "end", -1)
    assert store.spans.entity(p.id).text == "Владимир"
    assert len(svc.move_entity(p.id, "end", -1)) == 0


def test_moves_keep_the_id_and_each_is_in_the_history(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    p = span(doc, "Владимир Путин")
    svc.move_entity(p.id, "end", 1)
    svc.move_entity(p.id, "end", -1)
    history = [e for e in store.events(doc.id) if (e["after"] or {}).get("id") == p.id]
    assert [e["after"]["end"] for e in history] == [p.end + 11, p.end]


def test_undo_restores_extent_text_and_state(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    p = span(doc, "Владимир Путин")
    svc.revert(svc.move_entity(p.id, "end", 1))
    assert store.spans.entity(p.id) == p


def test_a_quote_speaker_follows_its_entity(store: Store, short_text, make_service, span) -> None:
    svc, doc = make_service(store)
    i = short_text.index("Мы договорились")
    q = svc.add_quote(doc.id, i, i + 15).changes[0].after
    p = span(doc, "Владимир Путин")
    svc.set_speaker_entity(q.id, p.id)
    svc.move_entity(p.id, "start", 1)
    assert store.spans.quote(q.id).speaker.text == "Путин"
    assert store.spans.quote(q.id).speaker.entity == p.id


def test_bad_edge_and_bad_bounds_are_refused(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    p = span(doc, "Владимир Путин")
    with pytest.raises(EditError):
        svc.move_entity(p.id, "middle", 1)
    with pytest.raises(EditError):
        svc.resize_entity(p.id, 5, 5)
