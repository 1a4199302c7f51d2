"""Quote detection time as a share of NER time, measured in one run.

Why: quote detection may add at most 10% to an article's pre-annotation. Pre-annotation
is NER (natasha and the entity rules, ``find_entities``) followed by the quote rules
(``find_quotes``); both are timed here on the bundled sample, on a ~50-paragraph article
made by repeating the sample's paragraphs (not blanked as repeats there, so all of its
quotes are attributed), and on the real news texts of tests/data, whose quotes are denser
and whose words are new to the caches. natasha's models are loaded before timing. The
quote rules keep small caches of pymorphy parses, so their first call on a text is
reported apart from the steady state (later articles in a batch share most words).

    python benchmarks/bench_quotes.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.io.ingest import parse_news
from models.nlp.ner import find_entities, load_models
from models.quotes.find import find_quotes
from models.quotes.morph import _cue_prefixes, parses

SAMPLE = ROOT / "resources" / "samples" / "000_ab57c9abfbad8233.txt"
TARGET = 0.10


def long_article(text: str, paragraphs: int = 50) -> str:
    """The sample's body paragraphs repeated (header dropped) up to ``paragraphs``."""
    body = [p for p in text.split("\n\n")[1:] if p.strip()]
    return "\n\n".join(body[i % len(body)] for i in range(paragraphs))


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def measure(name: str, text: str, repeat: int, noise_too: bool = True) -> float:
    """Print NER vs quote times for one text; return the steady-state ratio.

    Without ``noise_too`` the repeated paragraphs are not blanked as noise, so every
    quote in them is found and attributed (the worst case for the quote rules).
    """
    noise = parse_news(text)[1] if noise_too else []
    entities = find_entities(text)

    def quotes() -> object:
        return find_quotes(text, entities, noise)

    parses.cache_clear()
    t = time.perf_counter()
    found = quotes()
    first = (time.perf_counter() - t) * 1000
    ner = median_ms(lambda: find_entities(text), repeat)
    steady = median_ms(quotes, repeat)
    ratio = steady / ner
    print(
        f"{name}: {len(text):,} chars, {text.count(chr(10) * 2) + 1} paragraphs, "
        f"{len(found)} quotes"
    )
    print(f"  NER alone          {ner:8.2f} ms")
    print(f"  quotes, first call {first:8.2f} ms  ({first / ner:6.1%} of NER)")
    print(f"  quotes, steady     {steady:8.2f} ms  ({ratio:6.1%} of NER)")
    return ratio


def real_news() -> float:
    """The real news texts as one batch, each text's NER then its quotes: the first pass
    with cold quote caches (what a fresh ``import`` pays), then a second; the first
    pass's ratio is returned."""
    items = json.loads((ROOT / "tests/data/news_real_dev_texts.json").read_text(encoding="utf-8"))
    texts = [item["text"] for item in items]
    ner = 0.0
    entities = []
    for text in texts:
        t = time.perf_counter()
        entities.append(find_entities(text))
        ner += time.perf_counter() - t
    passes = []
    for _ in range(2):
        t = time.perf_counter()
        found = sum(len(find_quotes(x, e, parse_news(x)[1])) for x, e in zip(texts, entities))
        passes.append(time.perf_counter() - t)
    quotes = passes[0]
    print(f"real news: {len(texts)} texts, {sum(map(len, texts)):,} chars, {found} quotes")
    print(f"  NER alone          {ner * 1000:8.0f} ms")
    print(f"  quotes, first pass {quotes * 1000:8.0f} ms  ({quotes / ner:6.1%} of NER)")
    print(f"  quotes, second     {passes[1] * 1000:8.0f} ms  ({passes[1] / ner:6.1%} of NER)")
    return quotes / ner


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    load_models()
    find_entities("Прогрев: Владимир Путин прибыл в Москву.")
    t = time.perf_counter()
    _cue_prefixes()
    print(
        f"one-off per process: speech-verb prefixes from pymorphy paradigms "
        f"{(time.perf_counter() - t) * 1000:.0f} ms (natasha's own load is ~1.4 s)"
    )
    sample = SAMPLE.read_text(encoding="utf-8")
    ratios = [
        measure("sample", sample, args.repeat),
        measure(
            "50-paragraph article (repeats kept)",
            long_article(sample),
            args.repeat,
            noise_too=False,
        ),
        real_news(),
    ]
    worst = max(ratios)
    verdict = "within" if worst <= TARGET else "OVER"
    print(
        f"quote detection adds at most {worst:.1%} to NER time ({verdict} the {TARGET:.0%} target)"
    )
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
