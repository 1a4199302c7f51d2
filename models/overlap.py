"""Quotes never overlap: the one rule that quote edits, the store and every importer apply.

A quote split by the author's words («A, — сказал X. — B») is two quotes side by side,
and nested „…“ stay inside the quote that holds them (DESIGN.md), so no character of a
text belongs to two quotes. An edit refuses an overlapping quote with the message built
here, the store refuses one that another window made meanwhile, and an import refuses a
record that holds one: whatever razmetka stores, its own jsonl export reads back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

from models.spans import Quote

RULE = (
    "quotes never overlap: a quote split by the author's words is two quotes side by side,"
    " and nested „…“ stay inside the quote"
)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether ``[a_start, a_end)`` and ``[b_start, b_end)`` share a character."""
    return a_start < b_end and b_start < a_end


def overlapping_quote(
    quotes: Iterable[Quote], start: int, end: int, ignore: int | None = None
) -> Quote | None:
    """The first of ``quotes`` (other than the one with id ``ignore``) that shares a
    character with ``[start, end)``, or None."""
    return next(
        (
            q
            for q in quotes
            if overlaps(start, end, q.start, q.end) and (ignore is None or q.id != ignore)
        ),
        None,
    )


def first_overlap(quotes: Sequence[Quote]) -> tuple[Quote, Quote] | None:
    """The first two quotes that overlap, in quotes sorted by start; None when none do."""
    for a, b in pairwise(quotes):
        if b.start < a.end:
            return a, b
    return None


def overlap_message(start: int, end: int, text: str, other: Quote) -> str:
    """One line saying that the quote ``[start, end)`` overlaps ``other``, and the rule."""
    return (
        f"the quote {start}-{end} «{short(text)}» overlaps the quote "
        f"{other.start}-{other.end} «{short(other.text)}» ({RULE})"
    )


def short(text: str, limit: int = 24) -> str:
    """A span's text for a message: one line, at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
