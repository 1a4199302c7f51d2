"""A name found once in an article is found wherever it is written the same way.

natasha decides every mention from its own sentence, so the name it tags in one
paragraph ("Vestas", "Голос Америки") it can miss in the next, where the context is
thinner (a headline, a list). An annotator labels every occurrence; here every other
occurrence written exactly the same (case and all, on word boundaries, outside other
spans) gets the label the name has most often in the document.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from models.spans import Entity

MIN_LENGTH = 3


_CAPITALIZED = re.compile(r"(?<![\w\-])[^\W_a-zа-яё][\w\-]*")


def _word_starts(text: str) -> dict[str, list[int]]:
    """Each capitalized (or digit-led) word of ``text`` → where it starts: one pass, so a
    book costs no more per name than a news item."""
    index: dict[str, list[int]] = defaultdict(list)
    for m in _CAPITALIZED.finditer(text):
        index[m.group()].append(m.start())
    return index


def _occurrences(text: str, surface: str, index: dict[str, list[int]]) -> list[int]:
    """Starts of ``surface`` in ``text`` on word boundaries."""
    first = _CAPITALIZED.match(surface)
    if first is None:
        return []
    out = []
    for pos in index.get(first.group(), ()):
        end = pos + len(surface)
        if text.startswith(surface, pos) and not (end < len(text) and _is_word(text[end])):
            out.append(pos)
    return out


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch in "-_"


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
    index = _word_starts(text)
    covered = bytearray(len(text) + 1)
    for ent in entities:
        covered[ent.start : ent.end] = b"\x01" * (ent.end - ent.start)
    added: list[Entity] = []
    for surface in sorted(labels, key=len, reverse=True):
        label = labels[surface].most_common(1)[0][0]
        for start in _occurrences(text, surface, index):
            end = start + len(surface)
            if any(covered[start:end]):
                continue
            covered[start:end] = b"\x01" * (end - start)
            added.append(Entity(start, end, label, surface, normals[surface, label]))
    return entities + added
