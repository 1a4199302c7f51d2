"""The bundled sample article: its three quotes, their sources, and its two non-quotes."""

from __future__ import annotations

import pytest
from test_quotes_helpers import REPO, noise_of

from models.nlp.ner import find_entities
from models.quotes.find import find_quotes
from models.spans import Entity, Quote

pytestmark = pytest.mark.slow

SAMPLE = REPO / "resources" / "samples" / "000_ab57c9abfbad8233.txt"


@pytest.fixture(scope="module")
def annotated() -> tuple[str, list[Entity], list[Quote]]:
    text = SAMPLE.read_text(encoding="utf-8")
    entities = find_entities(text)
    return text, entities, find_quotes(text, entities, noise_of(text))


def _starting(quotes: list[Quote], words: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(words)]
    assert len(found) == 1, [q.text[:40] for q in quotes]
    return found[0]


def test_three_quotes(annotated: tuple[str, list[Entity], list[Quote]]) -> None:
    assert len(annotated[2]) == 3


def test_document_is_the_source(annotated: tuple[str, list[Entity], list[Quote]]) -> None:
    q = _starting(annotated[2], "В целях оптимизации")
    assert q.text.endswith("трудящегося")
    assert q.speaker is not None and q.speaker.text == "документе"
    assert q.speaker.normal == "документ"


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("Совсем недавно", "урегулированы"),
        ("Киргизия имеет большую диаспору", "не раньше"),
    ],
)
def test_multi_paragraph_quotes_by_krupnov(
    annotated: tuple[str, list[Entity], list[Quote]], first: str, last: str
) -> None:
    text, entities, quotes = annotated
    q = _starting(quotes, first)
    assert q.text.endswith(last) and "\n\n" in q.text
    assert q.text == text[q.start : q.end]
    assert q.speaker is not None and q.speaker.normal == "Юрий Крупнов"
    linked = [e for e in entities if (e.start, e.end) == (q.speaker.start, q.speaker.end)]
    assert linked and linked[0].label == "PER"


@pytest.mark.parametrize("words", ["упорядоченной и безопасной миграции", "выторговать"])
def test_scare_quotes_are_not_quotes(
    annotated: tuple[str, list[Entity], list[Quote]], words: str
) -> None:
    assert all(words not in q.text for q in annotated[2])
