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

    __slots__ = ("_max_end", "_spans", "_starts")

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

    def replaced(
        self, removed: Iterable[tuple[int, int, T]], added: Iterable[tuple[int, int, T]]
    ) -> SpanIndex[T]:
        """A copy with a few spans swapped (an edit), without re-sorting the rest.

        Re-indexing 10,000 spans for one edit would make an edit on a big article as
        slow as opening it; here the cost is list copies plus the running maximum from
        the first changed position until it meets the old one again.
        """
        new: SpanIndex[T] = SpanIndex.__new__(SpanIndex)
        spans, starts = list(self._spans), list(self._starts)
        changed = [s for s, _, _ in removed] + [s for s, _, _ in added]
        for s, e, item in removed:
            i = bisect_left(starts, s)
            while spans[i].end != e or spans[i].item != item:  # IndexError: not indexed
                i += 1
            del spans[i], starts[i]
        for s, e, item in added:
            i = bisect_left(starts, s)
            while i < len(spans) and spans[i].start == s and spans[i].end > e:
                i += 1  # outer before inner, as __init__ sorts
            spans.insert(i, Indexed(s, e, item))
            starts.insert(i, s)
        new._spans, new._starts = spans, starts
        new._max_end = self._rerun_max(spans, starts, changed)
        return new

    def _rerun_max(
        self, spans: list[Indexed[T]], starts: list[int], changed: list[int]
    ) -> list[int]:
        if not changed:
            return list(self._max_end)
        first = bisect_left(starts, min(changed))
        stable = bisect_right(starts, max(changed))  # from here on: old spans, shifted
        shift = len(spans) - len(self._spans)
        out = self._max_end[:first]
        running = out[-1] if out else -1
        for i in range(first, len(spans)):
            if i >= stable and running == (self._max_end[i - shift - 1] if i - shift else -1):
                return out + self._max_end[i - shift :]
            running = max(running, spans[i].end)
            out.append(running)
        return out
