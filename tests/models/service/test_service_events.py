"""The tiny Signal, and the events the service emits for each kind of edit."""

from __future__ import annotations

from models.events import Signal
from models.store.store import Store


def test_signal_calls_connected_callbacks_in_order() -> None:
    sig, got = Signal("x"), []
    sig.connect(lambda v: got.append(("a", v)))
    sig.connect(lambda v: got.append(("b", v)))
    sig.emit(1)
    assert got == [("a", 1), ("b", 1)]


def test_signal_disconnect_stops_calls_and_ignores_unknown() -> None:
    sig, got = Signal(), []
    cb = sig.connect(got.append)
    sig.disconnect(cb)
    sig.disconnect(print)
    sig.emit(1)
    assert got == [] and len(sig) == 0


def test_connecting_during_emit_waits_for_next_emit() -> None:
    sig, got = Signal(), []
    sig.connect(lambda: sig.connect(lambda: got.append("late")))
    sig.emit()
    assert got == []
    sig.emit()
    assert got == ["late"]


def test_an_edit_emits_the_committed_change_set_once(store: Store, make_service) -> None:
    svc, doc = make_service(store)
    got: list = []
    svc.changes_applied.connect(got.append)
    cs = svc.add_entity(doc.id, 0, 9, "PER")
    assert got == [cs] and cs.name == "Add PER «Президент»"
    assert cs.changes[0].after.id is not None  # as committed: the new span's id


def test_undo_emits_the_inverse_changes(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    cs = svc.relabel(span(doc, "Бишкеке").id, "ORG")
    got: list = []
    svc.changes_applied.connect(
        lambda done: got.extend((c.before.label, c.after.label) for c in done)
    )
    svc.revert(cs)
    assert got == [("ORG", "LOC")]


def test_an_edit_that_changes_nothing_emits_nothing(store: Store, make_service, span) -> None:
    svc, doc = make_service(store)
    got: list = []
    svc.changes_applied.connect(got.append)
    svc.relabel(span(doc, "Бишкеке").id, "LOC")  # already LOC
    assert got == []


def test_status_change_emits_status_changed(store: Store, make_service) -> None:
    svc, doc = make_service(store)
    got: list = []
    svc.status_changed.connect(lambda *args: got.append(args))
    svc.set_status(doc.id, "done")
    assert got == [(doc.id, "done")]
