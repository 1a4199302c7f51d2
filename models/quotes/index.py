"""Sorted indexes over spans, so a long document costs linear time, not quadratic.

Attribution asks the same questions for every quote: which entities lie in this clause,
is this word inside a quote, who was named before this point. On a book-length text
with thousands of quotes, scanning every entity for every quote took longer than NER
itself; bisecting sorted offsets answers each question in logarithmic time.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from models.spans import Entity

MAX_NAME_LENGTH = 200  # characters: how far back an entity covering a span may start


class Ranges:
    """``(start, end)`` ranges (quote segments, noise), merged where they overlap."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        merged: list[tuple[int, int]] = []
        for a, b in sorted(ranges):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            elif a < b:
                merged.append((a, b))
        self.ranges = merged
        self.starts = [a for a, _ in merged]

    def contains(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ranges[i][1]

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The ranges that overlap ``[start, end)``."""
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        j = bisect.bisect_left(self.starts, end)
        return [r for r in self.ranges[i:j] if r[1] > start]

    def __bool__(self) -> bool:
        return bool(self.ranges)


class EntityIndex(Sequence[Entity]):
    """Entities sorted by start, with range queries."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities = sorted(entities, key=lambda e: (e.start, -e.end))
        self.starts = [e.start for e in self.entities]
        self.longest = max((e.end - e.start for e in self.entities), default=0)

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        return self.entities[i]

    def __len__(self) -> int:
        return len(self.entities)

    def between(self, start: int, end: int) -> list[Entity]:
        """Entities wholly inside ``[start, end)``."""
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [e for e in self.entities[i:j] if e.end <= end]

    def overlapping(self, start: int, end: int) -> list[Entity]:
        """Entities that share a character with ``[start, end)``."""
        i = bisect.bisect_left(self.starts, start - self.longest)
        j = bisect.bisect_left(self.starts, end)
        return [e for e in self.entities[i:j] if e.end > start]

    def inside_another(self, ent: Entity) -> bool:
        """Whether another entity of the index spans all of ``ent``."""
        i = bisect.bisect_left(self.starts, ent.end - self.longest)
        j = bisect.bisect_right(self.starts, ent.start)
        return any(e is not ent and e.end >= ent.end for e in self.entities[i:j])

    def covering(self, start: int, end: int, label: str) -> bool:
        """Whether an entity with ``label`` spans all of ``[start, end)``."""
        i = bisect.bisect_left(self.starts, start - MAX_NAME_LENGTH)
        j = bisect.bisect_right(self.starts, start)
        return any(e.label == label and e.end >= end for e in self.entities[i:j])
