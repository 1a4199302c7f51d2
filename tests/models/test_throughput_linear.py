"""The indexes that keep a long document linear answer exactly what a full scan answers.

Merging «»-named organizations and giving lone surnames their full names used to scan
every entity for every candidate: fine for an article, hours for a 50 MB one. The sorted
indexes that replaced the scans must agree with them on any spans, including nested,
touching and overlapping ones.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from models.quotes.index import EntityIndex
from models.spans import Entity

spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 25)).map(
        lambda p: Entity(p[0], p[0] + p[1], "ORG", "x" * p[1])
    ),
    max_size=25,
)


@given(spans, st.integers(0, 80), st.integers(1, 30))
def test_overlapping_is_the_scan(entities: list[Entity], start: int, length: int) -> None:
    end = start + length
    scan = [e for e in entities if e.start < end and e.end > start]
    assert sorted(EntityIndex(entities).overlapping(start, end), key=id) == sorted(scan, key=id)


@given(spans)
def test_inside_another_is_the_scan(entities: list[Entity]) -> None:
    index = EntityIndex(entities)
    for m in entities:
        scan = any(o is not m and o.start <= m.start and m.end <= o.end for o in entities)
        assert index.inside_another(m) == scan
