"""Shared helpers for the quote tests (no tests here): the pipeline and the data files.

Quotes are predicted the way ``main.py annotate`` does it: natasha entities, quoted
organization names merged, noise from the news-format parser when it is available.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from models.nlp.ner import find_entities
from models.quotes.find import find_quotes
from models.spans import Noise, Quote

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
DEV = DATA / "quotes_dev.json"  # a copy of ../shared/gold/quotes_dev.json
# The shared scoring script is not ours to copy: it lies beside the repository, or not at all.
SCORER = REPO.parent / "shared" / "tools" / "score_quotes.py"


def noise_of(text: str) -> list[Noise]:
    """Noise ranges from models.io.ingest.parse_news, or none if it does not exist yet."""
    try:
        from models.io.ingest import parse_news
    except ImportError:
        return []
    return list(parse_news(text)[1])


@cache
def predict_cached(text: str) -> tuple[Quote, ...]:
    entities = find_entities(text)
    return tuple(find_quotes(text, entities, noise_of(text)))


def predict(text: str) -> list[Quote]:
    """The pipeline's quotes for a text (cached: several tests score the same files)."""
    return list(predict_cached(text))


def load_cases(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))


def shared_scorer() -> ModuleType | None:
    """../shared/tools/score_quotes.py as a module (its own speaker matching), if present."""
    if not SCORER.exists():
        return None
    spec = importlib.util.spec_from_file_location("score_quotes", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pairs(text: str) -> list[tuple[str, str | None]]:
    """(quote, speaker normal form) found in ``text`` through NER and the quote rules."""
    from models.nlp.ner import find_entities
    from models.quotes.find import find_quotes

    found = find_quotes(text, find_entities(text))
    return [(q.text, q.speaker.normal if q.speaker else None) for q in found]


def speakers(text: str) -> list[str | None]:
    """The speakers' normal forms, in quote order."""
    return [s for _, s in pairs(text)]
