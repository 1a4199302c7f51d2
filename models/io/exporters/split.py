"""Train/dev/test parts: exact sizes, and a document never changes part.

The parts are dealt out over every document of the database in import order (not only
the ones an export selects): each next document goes to the part furthest below its
share so far, which keeps every part within one document of its share at every length
and gives the largest-remainder sizes (30 documents at 0.8/0.1/0.1 are 24/3/3). A
document's part therefore depends only on the documents imported before it and the
seed, so importing more, or marking more documents done, never moves one; the seed
decides between parts that are equally far behind. Fractions are exact (``0.1`` is
one tenth), so ties are real ties.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from fractions import Fraction

Parts = tuple[tuple[str, Fraction], ...]


def parse_split(spec: str | None) -> Parts:
    """``"train=0.8,dev=0.1,test=0.1"`` to ordered (name, fraction) pairs; () for none."""
    if not spec:
        return ()
    parts: list[tuple[str, Fraction]] = []
    for chunk in spec.split(","):
        name, _, value = chunk.partition("=")
        try:
            frac = Fraction(value.strip())
        except (ValueError, ZeroDivisionError):
            raise ValueError(f"--split: {chunk.strip()!r} is not NAME=FRACTION") from None
        name = name.strip()
        if not name.isidentifier() or frac <= 0 or name in dict(parts):
            raise ValueError(f"--split: bad part {chunk.strip()!r}")
        parts.append((name, frac))
    total = sum(f for _, f in parts)
    if total != 1:
        raise ValueError(f"--split: fractions add up to {float(total):g}, not 1")
    return tuple(parts)


def _draw(seed: int, doc_id: str, n: int) -> int:
    digest = hashlib.sha256(f"{seed}\x00{doc_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % n


def assign_parts(doc_ids: Iterable[str], parts: Parts, seed: int) -> dict[str, str]:
    """Each document id (in import order) to its part name."""
    counts = [0] * len(parts)
    out: dict[str, str] = {}
    for n, doc_id in enumerate(doc_ids, 1):
        behind = [frac * n - c for (_, frac), c in zip(parts, counts)]
        most = max(behind)
        tied = [i for i, b in enumerate(behind) if b == most]
        i = tied[_draw(seed, doc_id, len(tied))] if len(tied) > 1 else tied[0]
        counts[i] += 1
        out[doc_id] = parts[i][0]
    return out
