"""The sorted indexes behind attribution: ranges, entities by position."""

from __future__ import annotations

from models.quotes.index import EntityIndex, Ranges
from models.spans import Entity


def test_ranges_merge_and_lookup() -> None:
    r = Ranges([(10, 20), (0, 100), (200, 210)])
    assert r.ranges == [(0, 100), (200, 210)]
    assert r.contains(50) and r.contains(200) and not r.contains(100) and not r.contains(150)
    assert r.within(90, 205) == [(0, 100), (200, 210)]
    assert r.within(100, 200) == []
    assert not Ranges() and Ranges([(1, 2)])


def test_entity_index_between_and_covering() -> None:
    ents = EntityIndex(
        [
            Entity(30, 40, "PER", "x"),
            Entity(0, 9, "ORG", "ООО «Ромашка»"),
            Entity(12, 20, "LOC", "y"),
        ]
    )
    assert [e.start for e in ents] == [0, 12, 30]
    assert [e.start for e in ents.between(10, 40)] == [12, 30]
    assert ents.between(13, 40) == [ents[2]]
    assert ents.covering(4, 9, "ORG") and not ents.covering(4, 10, "ORG")
    assert not ents.covering(12, 20, "ORG") and len(ents) == 3
