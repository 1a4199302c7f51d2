"""SpanIndex.replaced and SpanLayers.replaced: an edit's spans swapped without a rebuild
answer every query as an index built from scratch would."""

from __future__ import annotations

import random

from gui.article.highlighter import SpanLayers
from gui.article.span_index import SpanIndex
from models.spans import Entity, Quote, Speaker


def _ranges(index: SpanIndex, lo: int, hi: int) -> list:
    return sorted((s.start, s.end, s.item) for s in index.overlapping(lo, hi))


def test_replaced_answers_like_a_fresh_index() -> None:
    rng = random.Random(5)
    for _ in range(2000):
        spans = [
            (s := rng.randrange(100), s + rng.randrange(1, 30), f"i{k}")
            for k in range(rng.randrange(25))
        ]
        gone = rng.sample(spans, min(len(spans), rng.randrange(4)))
        new = [
            (s := rng.randrange(100), s + rng.randrange(1, 30), f"n{k}")
            for k in range(rng.randrange(4))
        ]
        got = SpanIndex(spans).replaced(gone, new)
        want = SpanIndex([s for s in spans if s not in gone] + new)
        for lo in range(0, 130, 9):
            assert _ranges(got, lo, lo + 4) == _ranges(want, lo, lo + 4)


def test_layers_follow_a_speaker_change() -> None:
    q = Quote(10, 20, "x" * 10, Speaker(30, 35, "y" * 5))
    moved = Quote(10, 20, "x" * 10, Speaker(40, 45, "z" * 5))
    e = Entity(30, 35, "PER", "y" * 5)
    layers = SpanLayers.build("x" * 60, [e], [q], []).replaced([q], [moved])
    assert [s.start for s in layers.speakers.at(41)] == [40]
    assert layers.speakers.at(31) == [] and len(layers.entities) == 1
