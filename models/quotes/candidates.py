"""Ranking the mentions that may be a quote's speaker, for picking one with keys 1-9.

Russian news names the source in the attribution clause: right after the quote
(«…», — сказал Путин.) or right before it in the same sentence (По словам Крупнова, «…»;
Путин заявил: «…»). Mentions there come first, nearest first; then the other PER and ORG
mentions of the paragraph, then of the document, nearest first, preferring those before
the quote (a source is usually introduced before it is quoted). One mention per name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.spans import Entity, Quote

SPEAKER_LABELS = ("PER", "ORG")
_SENTENCE_END = re.compile(r"[.!?…]\s|\n")
_PARAGRAPH_END = re.compile(r"\n\s*\n")
_CLOSING = "»“”\"' ,—–-:"


def attribution_after(text: str, quote: Quote) -> tuple[int, int]:
    """The clause after a quote, up to the end of its sentence."""
    start = quote.end
    while start < len(text) and text[start] in _CLOSING:
        start += 1
    found = _SENTENCE_END.search(text, start)
    return quote.end, found.start() if found else len(text)


def attribution_before(text: str, quote: Quote) -> tuple[int, int]:
    """The part of the quote's sentence that comes before it."""
    lo = max(text.rfind(". ", 0, quote.start), text.rfind("\n", 0, quote.start))
    return (lo + 1 if lo >= 0 else 0), quote.start


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    before = [m.end() for m in _PARAGRAPH_END.finditer(text, 0, pos)]
    after = _PARAGRAPH_END.search(text, pos)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def _zones(text: str, quote: Quote) -> tuple[tuple[int, int], ...]:
    """The clause after, the clause before, and the paragraph of a quote."""
    return (
        attribution_after(text, quote),
        attribution_before(text, quote),
        _paragraph(text, quote.start),
    )


def _rank(
    ent: Entity, text: str, quote: Quote, zones: tuple[tuple[int, int], ...]
) -> tuple[int, int]:
    """(tier, distance): lower is a likelier speaker."""
    (a_lo, a_hi), (b_lo, b_hi), (p_lo, p_hi) = zones
    before = ent.end <= quote.start
    distance = quote.start - ent.end if before else ent.start - quote.end
    if quote.start <= ent.start and ent.end <= quote.end:
        return 5, abs(distance)  # inside the quote: rarely its own source
    if a_lo <= ent.start and ent.end <= a_hi:
        return 0, distance
    if b_lo <= ent.start and ent.end <= b_hi:
        return 1, distance
    if p_lo <= ent.start and ent.end <= p_hi:
        return (2 if before else 3), abs(distance)
    return 4, abs(distance) + (0 if before else len(text))


def speaker_candidates(
    text: str, quote: Quote, entities: Sequence[Entity], limit: int = 9
) -> list[Entity]:
    """The likeliest speakers of ``quote`` among ``entities``, best first, one per name."""
    people = [e for e in entities if e.label in SPEAKER_LABELS]
    zones = _zones(text, quote)
    ranked = sorted(people, key=lambda e: (*_rank(e, text, quote, zones), e.start))
    seen: set[tuple[str, str]] = set()
    best = []
    for ent in ranked:
        key = (ent.label, (ent.normal or ent.text).lower())
        if key in seen:
            continue
        seen.add(key)
        best.append(ent)
        if len(best) == limit:
            break
    return best
