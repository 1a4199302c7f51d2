"""Model versus gold for one document: what reviewers added, removed and changed.

The store keeps the model's predictions untouched, so this diff can always be made. Spans
are paired by position, not id (the snapshot is taken before ids exist): the same extent
and label is kept; the same extent with another label, or an overlapping span, is
changed (best overlap first); what is left is added (gold only) or removed (model only).
Quotes pair the same way, and a quote whose speaker differs is changed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from models.spans import Document, Entity, Quote

T = TypeVar("T", Entity, Quote)


@dataclass(frozen=True, slots=True)
class SpanDiff(Generic[T]):
    """The pairing of a model's spans with the gold ones."""

    kept: tuple[tuple[T, T], ...]
    changed: tuple[tuple[T, T], ...]  # (model, gold)
    added: tuple[T, ...]
    removed: tuple[T, ...]

    @property
    def agreement(self) -> float:
        """Share of all spans (model or gold) that the two agree on, 1.0 when none."""
        total = len(self.kept) + len(self.changed) + len(self.added) + len(self.removed)
        return 1.0 if total == 0 else len(self.kept) / total


@dataclass(frozen=True, slots=True)
class ReviewDiff:
    """The diff of a document's entities and quotes."""

    doc_id: str
    entities: SpanDiff[Entity]
    quotes: SpanDiff[Quote]


def _speaker_key(q: Quote) -> tuple[int, int] | None:
    return None if q.speaker is None else (q.speaker.start, q.speaker.end)


def _same(a: T, b: T) -> bool:
    if isinstance(a, Entity) and isinstance(b, Entity):
        return a.label == b.label
    return _speaker_key(a) == _speaker_key(b)


def _overlap(a: T, b: T) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def diff_spans(model: Sequence[T], gold: Sequence[T]) -> SpanDiff[T]:
    """Pair two lists of spans of one document (see the module docstring)."""
    by_extent: dict[tuple[int, int], list[T]] = {}
    for g in gold:
        by_extent.setdefault((g.start, g.end), []).append(g)
    kept, changed, left = [], [], []
    for m in model:
        same = by_extent.get((m.start, m.end), [])
        match = next((g for g in same if _same(m, g)), None)
        if match is not None:
            same.remove(match)
            kept.append((m, match))
        else:
            left.append(m)
    rest = sorted((g for bucket in by_extent.values() for g in bucket), key=_pos)
    pairs = sorted(_overlapping_pairs(left, rest), reverse=True)
    used_m: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i not in used_m and j not in used_g:
            used_m.add(i)
            used_g.add(j)
            changed.append((left[i], rest[j]))
    changed.sort(key=lambda p: p[1].start)
    return SpanDiff(
        tuple(kept),
        tuple(changed),
        tuple(sorted((g for j, g in enumerate(rest) if j not in used_g), key=_pos)),
        tuple(sorted((m for i, m in enumerate(left) if i not in used_m), key=_pos)),
    )


def _pos(span: Entity | Quote) -> tuple[int, int]:
    return span.start, span.end


def _overlapping_pairs(left: Sequence[T], rest: Sequence[T]) -> list[tuple[int, int, int]]:
    """``(overlap, i, j)`` for every overlapping pair; ``rest`` is sorted by start."""
    starts = [g.start for g in rest]
    longest = max((g.end - g.start for g in rest), default=0)
    pairs = []
    for i, m in enumerate(left):
        for j in range(bisect_left(starts, m.start - longest), bisect_left(starts, m.end)):
            if _overlap(m, rest[j]) > 0:
                pairs.append((_overlap(m, rest[j]), i, j))
    return pairs


def review_diff(model: Document, gold: Document) -> ReviewDiff:
    """The diff between a document's model snapshot and its current gold."""
    return ReviewDiff(
        gold.id, diff_spans(model.entities, gold.entities), diff_spans(model.quotes, gold.quotes)
    )
