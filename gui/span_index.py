"""A sorted index of spans that answers "which spans touch [lo, hi)?" by bisection.

The highlighter asks this once per text block, so its cost must not grow with the
number of spans in the document: spans are sorted by start, and a running maximum of
their ends (non-decreasing, hence bisectable) bounds the search from the left even when
a long span (a quote over several paragraphs) starts far before the block. Pure Python,
no Qt, so it is tested and reused on its own.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Indexed(Generic[T]):
    """One span in the index: code-point range plus what it stands for."""

    start: int
    end: int
    item: T


class SpanIndex(Generic[T]):
    """Immutable interval index over ``(start, end, item)`` triples (end exclusive)."""

    __slots__ = ("_spans", "_starts", "_max_end")

    def __init__(self, spans: Iterable[tuple[int, int, T]] = ()) -> None:
        ordered = sorted(spans, key=lambda s: (s[0], -s[1]))
        self._spans = [Indexed(s, e, it) for s, e, it in ordered]
        self._starts = [s.start for s in self._spans]
        self._max_end: list[int] = []
        running = -1
        for span in self._spans:
            running = max(running, span.end)
            self._max_end.append(running)

    def __len__(self) -> int:
        return len(self._spans)

    def __iter__(self) -> Iterator[Indexed[T]]:
        return iter(self._spans)

    def overlapping(self, lo: int, hi: int) -> list[Indexed[T]]:
        """Spans with ``start < hi`` and ``end > lo``, outer before inner."""
        first = bisect_right(self._max_end, lo)  # every span before ends at or before lo
        last = bisect_left(self._starts, hi)
        return [s for s in self._spans[first:last] if s.end > lo]

    def at(self, offset: int) -> list[Indexed[T]]:
        """Spans containing the character at ``offset``, outer before inner."""
        return self.overlapping(offset, offset + 1)
