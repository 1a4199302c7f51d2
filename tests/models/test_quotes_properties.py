"""Properties of find_quotes on arbitrary text: valid offsets, nothing in noise, no crash."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.quotes.find import find_quotes
from models.spans import Entity, Noise

pytestmark = pytest.mark.slow

PIECES = [
    "«",
    "»",
    "„",
    "“",
    '"',
    "”",
    ", — ",
    " - ",
    ": ",
    ". ",
    "! ",
    "? ",
    "\n",
    "\n\n",
    "сказал",
    "заявила",
    "он",
    "она",
    "по словам",
    "что",
    "Мы готовы",
    "губернатор",
    "Иван Петров",
    "в пресс-службе",
    "компания",
    "ООО",
    " ",
    "😀",
    "x",
    "«Ромашка»",
    "Об этом",
    "со ссылкой на",
    "источник",
    "в сообщении",
    "В.",
    "глава региона",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, data=st.data())
def test_offsets_are_valid_and_noise_is_respected(text: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    noise = [Noise(a, b, "caption")]
    entities = []
    start = text.find("Иван Петров")
    if start >= 0:
        entities.append(Entity(start, start + 11, "PER", "Иван Петров", "Иван Петров"))
    for q in find_quotes(text, entities, noise):
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start : q.end]
        assert not (a <= q.start < b), "a quote starts inside noise"
        if q.speaker is not None:
            s = q.speaker
            assert 0 <= s.start < s.end <= len(text) and s.text == text[s.start : s.end]
            # an empty noise range (a == b) holds nothing, so nothing can be inside it
            assert a == b or s.end <= a or s.start >= b, "a speaker mention inside noise"


@settings(max_examples=60, deadline=None)
@given(text=TEXTS)
def test_quotes_are_ordered_and_disjoint(text: str) -> None:
    found = find_quotes(text, [])
    for left, right in itertools.pairwise(found):
        assert left.end <= right.start
