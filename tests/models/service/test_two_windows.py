"""Two windows on one database file: two stores, two services, two open documents.

An edit of a span that the other window changed meanwhile is refused (ConflictError),
writes nothing, and the refused window's open document is read again; the event log's
``before`` is always what was really stored, so replaying the log gives the database.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from models import AnnotationService, ConflictError, Document, OpenDocument, Store
from models.overlap import first_overlap


class Window:
    """What a window holds: a connection, a service and the document it shows."""

    def __init__(self, path: Path, name: str, forms: Callable[[str], frozenset[str]]) -> None:
        self.store = Store(path)
        self.service = AnnotationService(self.store, name, forms=forms)
        self.open = OpenDocument(self.service)
        self.opened: list[Document | None] = []
        self.open.opened.connect(self.opened.append)


@pytest.fixture
def doc_id(tmp_path: Path, short_text, add_doc, short_quote) -> str:
    store = Store(tmp_path / "shared.db")
    doc = add_doc(store, short_text, quotes=[short_quote])
    store.close()
    return doc.id


@pytest.fixture
def windows(tmp_path: Path, doc_id: str, simple_forms) -> Iterator[tuple[Window, Window]]:
    a = Window(tmp_path / "shared.db", "anna", simple_forms)
    b = Window(tmp_path / "shared.db", "boris", simple_forms)
    a.open.open(doc_id)
    b.open.open(doc_id)
    yield a, b
    a.store.close()
    b.store.close()


def test_deleting_a_span_the_other_window_deleted_is_refused_and_reloads(windows, span) -> None:  # type: ignore[no-untyped-def]
    a, b = windows
    bishkek = span(a.open.document, "Бишкеке")
    a.service.delete_entity(bishkek.id)
    events = len(b.store.events())
    with pytest.raises(ConflictError, match="deleted in another window or process"):
        b.service.delete_entity(bishkek.id)  # was a raw KeyError
    assert len(b.store.events()) == events  # nothing written
    assert b.open.document == b.store.document(b.open.id)  # read again: the span is gone
    assert b.opened[-1] == b.open.document


def test_editing_a_span_the_other_window_changed_is_refused(windows, span) -> None:  # type: ignore[no-untyped-def]
    a, b = windows
    bishkek = span(a.open.document, "Бишкеке")
    a.service.relabel(bishkek.id, "ORG")
    with pytest.raises(ConflictError, match=r"«Бишкеке» \(LOC\) was changed"):
        b.service.relabel(bishkek.id, "PER")  # B still shows LOC: it never saw ORG
    assert b.store.spans.entity(bishkek.id).label == "ORG"
    assert span(b.open.document, "Бишкеке").label == "ORG"  # B shows it now
    b.service.relabel(bishkek.id, "PER")  # seen, so decided: allowed
    assert a.store.spans.entity(bishkek.id).label == "PER"


def test_deleting_an_entity_the_other_window_made_a_speaker(windows, span) -> None:  # type: ignore[no-untyped-def]
    a, b = windows
    putin = span(a.open.document, "Владимир Путин")
    quote = a.open.document.quotes[0]
    b.service.set_speaker_entity(quote.id, putin.id)
    with pytest.raises(ConflictError, match="was changed in another window"):
        a.service.delete_entity(putin.id)  # A's view has the quote unlinked
    assert a.store.spans.quotes_spoken_by(putin.id)[0].id == quote.id  # the link is intact
    assert a.open.document.quotes[0].speaker.entity == putin.id  # A shows the link now
    done = a.service.delete_entity(putin.id)  # now A knows what it unlinks
    unlink = next(
        e for e in a.store.events() if e["action"] == "change quote" and e["annotator"] == "anna"
    )
    assert unlink["before"]["speaker"]["entity"] == putin.id  # the log says what was there
    a.service.revert(done)
    assert a.store.spans.quote(quote.id).speaker.entity == putin.id  # undo restores the link


def test_undo_of_an_add_refused_when_the_other_window_linked_the_entity(windows) -> None:  # type: ignore[no-untyped-def]
    a, b = windows
    text = a.open.document.text
    i = text.index("журналистам")
    added = a.service.add_entity(a.open.id, i, i + len("журналистам"), "ORG")
    ent = added.changes[0].after
    b.open.reload()
    b.service.set_speaker_entity(b.open.document.quotes[0].id, ent.id)
    events = len(a.store.events())
    with pytest.raises(ConflictError, match="made the speaker of the quote «это важный шаг»"):
        a.service.revert(added)  # deleting it would silently unlink B's quote
    assert len(a.store.events()) == events
    assert a.store.spans.quote(b.open.document.quotes[0].id).speaker.entity == ent.id


def test_undo_and_redo_of_an_edit_the_other_window_changed_are_refused(windows, span) -> None:  # type: ignore[no-untyped-def]
    a, b = windows
    bishkek, rf = span(a.open.document, "Бишкеке"), span(a.open.document, "РФ")
    relabel = a.service.relabel(bishkek.id, "ORG")
    b.open.reload()
    b.service.relabel(bishkek.id, "PER")
    events = len(a.store.events())
    with pytest.raises(ConflictError, match=r"«Бишкеке» \(ORG\) was changed"):
        a.service.revert(relabel)  # it would say ORG → LOC, but PER is stored
    assert a.store.spans.entity(bishkek.id).label == "PER"  # B's decision stands
    assert len(a.store.events()) == events
    assert span(a.open.document, "Бишкеке").label == "PER"  # A shows it now
    undone = a.service.relabel(rf.id, "ORG")
    a.service.revert(undone)
    b.open.reload()
    b.service.delete_entity(rf.id)
    with pytest.raises(ConflictError, match=r"«РФ» \(LOC\) was deleted"):
        a.service.reapply(undone)


def test_a_quote_the_other_window_added_refuses_an_overlapping_undo(windows) -> None:  # type: ignore[no-untyped-def]
    a, b = windows
    quote = a.open.document.quotes[0]
    deleted = a.service.delete_quote(quote.id)
    b.open.reload()
    b.service.add_quote(b.open.id, quote.start, quote.end - 4, exact=True)
    with pytest.raises(ConflictError, match="overlaps the quote"):
        a.service.revert(deleted)
    assert len(a.store.document(a.open.id).quotes) == 1


def _spans(store: Store) -> dict[tuple[str, int], Any]:
    doc = store.document(store.document_ids()[0])
    out: dict[tuple[str, int], Any] = {("entity", e.id): asdict(e) for e in doc.entities}
    out.update({("quote", q.id): asdict(q) for q in doc.quotes})
    return out


def _replay(events: list[dict[str, Any]], start: dict[tuple[str, int], Any]) -> dict:
    """Apply the log's span rows to ``start``, checking each ``before`` on the way."""
    state = dict(start)
    for n, ev in enumerate(events):
        kind = ev["action"].partition(" ")[2]
        if kind not in ("entity", "quote"):
            continue
        key = (kind, (ev["before"] or ev["after"])["id"])
        assert state.get(key) == ev["before"], f"event {n} ({ev['operation']}): wrong before"
        if ev["after"] is None:
            state.pop(key)
        else:
            state[key] = ev["after"]
    return state


# Every edit (the edit session's 14), more often those around speaker links, undo and redo:
# an entity deleted or moved while the other window links a quote to it.
KINDS = [*range(14), 0, 1, 3, 8, 8, 9, 100, 100, 100, 200, 200]


@pytest.mark.parametrize("views", [True, False])  # windows, or two processes without one
@pytest.mark.parametrize("seed", range(4))
def test_random_sessions_in_two_windows_keep_the_log_true(
    windows, edit_session, seed: int, views: bool
) -> None:  # type: ignore[no-untyped-def]
    a, b = windows
    if not views:  # only the store's checks stand between the two
        a.open.close()
        b.open.close()
    start, first_event = _spans(a.store), len(a.store.events())
    drivers = [(a, edit_session(a.service, [a.open.id])), (b, edit_session(b.service, [b.open.id]))]
    rng, refused = random.Random(seed), 0
    for _ in range(300):
        window, driver = drivers[rng.random() < 0.5]
        kind = rng.choice(KINDS)
        before = (len(driver.undo), len(driver.redo))
        try:
            driver.step((kind, rng.randrange(5000), rng.randrange(5000), rng.randrange(8)))
        except ConflictError:
            refused += 1
            assert (len(driver.undo), len(driver.redo)) == before  # the stacks stay
            if views:
                assert window.open.document == window.store.document(window.open.id)
    assert refused  # the windows did get in each other's way
    state = _replay(a.store.events()[first_event:], start)
    assert state == _spans(a.store)  # the log replays to the database
    doc = a.store.document(a.open.id)
    ids = {e.id: e for e in doc.entities}
    for q in doc.quotes:
        if q.speaker is not None and q.speaker.entity is not None:
            ent = ids[q.speaker.entity]
            assert (ent.start, ent.end) == (q.speaker.start, q.speaker.end)
    assert first_overlap(doc.quotes) is None


def test_a_redo_or_undo_never_links_a_speaker_to_moved_words(windows, span) -> None:  # type: ignore[no-untyped-def]
    a, b = windows
    putin, quote = span(a.open.document, "Владимир Путин"), a.open.document.quotes[0]
    link = a.service.set_speaker_entity(quote.id, putin.id)
    a.service.revert(link)
    b.open.reload()
    b.service.move_entity(putin.id, "start", 1)  # now «Путин» only
    with pytest.raises(ConflictError, match="speaker «Владимир Путин» of the quote"):
        a.service.reapply(link)  # would link the quote to words the entity left
    assert a.store.spans.quote(quote.id) == quote  # as the undo left it

    text = a.open.document.text
    i = text.index("Мы договорились")
    a.open.reload()
    resize = a.service.move_entity(putin.id, "start", -1)  # «Владимир Путин» again
    b.open.reload()
    said = b.service.add_quote(b.open.id, i, i + len("Мы договорились"), exact=True)
    b.service.set_speaker_entity(said.changes[0].after.id, putin.id)
    with pytest.raises(ConflictError, match="made the speaker of the quote «Мы договорились»"):
        a.service.revert(resize)  # B's new quote would keep the longer mention
