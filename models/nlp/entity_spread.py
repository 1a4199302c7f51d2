"""A name found once in an article is found wherever it is written the same way.

natasha decides every mention from its own sentence, so the name it tags in one
paragraph ("Vestas", "Голос Америки") it can miss in the next, where the context is
thinner (a headline, a list). An annotator labels every occurrence; here every other
occurrence written exactly the same (case and all, on word boundaries, outside other
spans) gets the label the name has most often in the document.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict

from models.spans import Entity

MIN_LENGTH = 3


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "-_"


def _occurrences(text: str, surface: str) -> list[int]:
    """Starts of ``surface`` in ``text`` on word boundaries."""
    out, pos = [], text.find(surface)
    while pos != -1:
        end = pos + len(surface)
        before = text[pos - 1] if pos else " "
        after = text[end] if end < len(text) else " "
        if not _is_word_char(before) and not _is_word_char(after):
            out.append(pos)
        pos = text.find(surface, pos + 1)
    return out


def _spreadable(ent: Entity) -> bool:
    first = ent.text[:1]
    return len(ent.text) >= MIN_LENGTH and (first.isupper() or first.isdigit())


def spread_names(text: str, entities: list[Entity]) -> list[Entity]:
    """The entities plus every uncovered occurrence of a name already labelled."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    normals: dict[tuple[str, str], str] = {}
    for ent in entities:
        if _spreadable(ent):
            labels[ent.text][ent.label] += 1
            normals.setdefault((ent.text, ent.label), ent.normal)
    if not labels:
        return entities
    spans = sorted((e.start, e.end) for e in entities)
    starts = [s for s, _ in spans]
    added: list[Entity] = []
    for surface in sorted(labels, key=len, reverse=True):
        label = labels[surface].most_common(1)[0][0]
        for start in _occurrences(text, surface):
            end = start + len(surface)
            i = bisect.bisect_left(starts, end)
            if any(e > start for _, e in spans[max(0, i - 8) : i]) or any(
                a.start < end and start < a.end for a in added
            ):
                continue
            added.append(Entity(start, end, label, surface, normals[surface, label]))
    return entities + added
