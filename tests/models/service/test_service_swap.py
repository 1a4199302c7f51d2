"""swap_spans: applying one edit to a Document value, as the view does after each edit."""

from __future__ import annotations

import random

from models.changes import swap_spans
from models.spans import Document, Entity, Quote


def _doc(entities: list[Entity], quotes: list[Quote]) -> Document:
    return Document("d", "x" * 200).with_annotations(entities, quotes)


def test_swap_matches_sorting_from_scratch() -> None:
    rng = random.Random(3)
    for _ in range(300):
        ents = [
            Entity(s := rng.randrange(150), s + rng.randrange(1, 20), "PER", "x", id=i)
            for i in range(rng.randrange(12))
        ]
        gone = rng.sample(ents, min(len(ents), rng.randrange(3)))
        new = [
            Entity(s := rng.randrange(150), s + rng.randrange(1, 20), "LOC", "y", id=100 + i)
            for i in range(rng.randrange(3))
        ]
        got = swap_spans(_doc(ents, []), gone, new)
        want = _doc([e for e in ents if e not in gone] + new, [])
        assert sorted(got.entities, key=lambda e: e.id) == sorted(want.entities, key=lambda e: e.id)
        assert [(e.start, -e.end) for e in got.entities] == [
            (e.start, -e.end) for e in want.entities
        ]


def test_quotes_tied_at_start_in_any_order_are_found() -> None:
    a, b = Quote(39, 48, "a", id=1), Quote(39, 40, "b", id=2)
    doc = Document("d", "x" * 60, quotes=(a, b))  # not sorted by end
    assert swap_spans(doc, [a], []).quotes == (b,)
    assert swap_spans(doc, [b], []).quotes == (a,)
