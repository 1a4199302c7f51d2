"""Agreement measures on plain values: span matches, token labels, Cohen's kappa,
Krippendorff's alpha.

A span is ``(start, end, label)``. Two spans match exactly when all three are equal; they
overlap-match when the labels are equal and the character IoU (shared characters over
the characters either covers) is at least the threshold, each span matched at most once,
best IoU first. Counts keep what both have and what only one has, so F1 sums over
documents and pairs (micro). Tokens take the label of the longest span touching them
(``O`` when none), and kappa and alpha are computed on those labels; alpha comes from the
``krippendorff`` package, nominal. Where a measure has nothing to measure it is None;
where nobody disagrees it is 1.0 (the package, like the formula, divides by zero there).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from models.nlp.tokens import Token

Span = tuple[int, int, str]
OUTSIDE = "O"


@dataclass(frozen=True, slots=True)
class Counts:
    """Spans both annotators have, and those only one has."""

    both: int = 0
    only_a: int = 0
    only_b: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.both + other.both, self.only_a + other.only_a, self.only_b + other.only_b
        )

    @property
    def f1(self) -> float | None:
        """2·both / (spans of a + spans of b); None when neither has any."""
        total = 2 * self.both + self.only_a + self.only_b
        return None if total == 0 else 2 * self.both / total


def iou(a: Span, b: Span) -> float:
    """Shared characters over the characters either span covers."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, inter) / (max(a[1], b[1]) - min(a[0], b[0]))


def exact_counts(a: Sequence[Span], b: Sequence[Span]) -> Counts:
    """Counts where a match is the same offsets and label (duplicates count once each)."""
    both = sum((Counter(a) & Counter(b)).values())
    return Counts(both, len(a) - both, len(b) - both)


def overlap_pairs(a: Sequence[Span], b: Sequence[Span], threshold: float) -> list[tuple[int, int]]:
    """Index pairs of one-to-one matches with the same label and IoU >= ``threshold``.

    Greedy by IoU, highest first (ties by position), which is optimal when, as usual,
    each span overlaps few others.
    """
    candidates = []
    order = sorted(range(len(b)), key=lambda j: b[j][0])
    starts = [b[j][0] for j in order]
    longest = max((s[1] - s[0] for s in b), default=0)
    for i, x in enumerate(a):
        for k in range(bisect_left(starts, x[0] - longest), bisect_left(starts, x[1])):
            j = order[k]
            if b[j][2] == x[2] and (score := iou(x, b[j])) >= threshold and score > 0:
                candidates.append((-score, x[0], b[j][0], i, j))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, _, _, i, j in sorted(candidates):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return pairs


def overlap_counts(a: Sequence[Span], b: Sequence[Span], threshold: float) -> Counts:
    """Counts where a match is an overlap match (see ``overlap_pairs``)."""
    both = len(overlap_pairs(a, b, threshold))
    return Counts(both, len(a) - both, len(b) - both)


def token_labels(tokens: Sequence[Token], spans: Iterable[Span]) -> list[str]:
    """Each token's label: the longest span sharing a character with it (ties: the one
    that starts first, then the label's name); ``O`` outside every span."""
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    best: list[tuple[int, int, str] | None] = [None] * len(tokens)
    for start, end, label in spans:
        rank = (-(end - start), start, label)
        for k in range(bisect_right(ends, start), bisect_left(starts, end)):
            if best[k] is None or rank < best[k]:  # type: ignore[operator]
                best[k] = rank
    return [OUTSIDE if b is None else b[2] for b in best]


def cohen_kappa(x: Sequence[str], y: Sequence[str]) -> float | None:
    """Cohen's kappa of two label sequences over the same units; None when empty."""
    n = len(x)
    if n == 0:
        return None
    observed = sum(a == b for a, b in zip(x, y)) / n
    if observed == 1:
        return 1.0
    cx, cy = Counter(x), Counter(y)
    expected = sum(cx[k] * cy[k] for k in cx) / (n * n)
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(units: Sequence[Sequence[str | None]]) -> float | None:
    """Nominal alpha over units, each the labels its coders gave (None: not coded).

    None when no unit has two labels; 1.0 when no unit's labels differ.
    """
    pairable = [[v for v in u if v is not None] for u in units]
    pairable = [u for u in pairable if len(u) >= 2]
    if not pairable:
        return None
    if all(len(set(u)) == 1 for u in pairable):
        return 1.0
    import krippendorff
    import numpy as np

    codes: dict[str, int] = {}
    coders = max(len(u) for u in units)
    data = np.full((coders, len(units)), np.nan)
    for j, unit in enumerate(units):
        for i, label in enumerate(unit):
            if label is not None:
                data[i, j] = codes.setdefault(label, len(codes))
    value = float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    return None if math.isnan(value) else value


def binary(labels: Sequence[str], label: str) -> list[str]:
    """The labels as ``label`` or ``O`` (for one label's kappa and alpha)."""
    return [v if v == label else OUTSIDE for v in labels]
