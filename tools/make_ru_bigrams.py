"""Build resources/ru_bigrams.json: Russian letter-pair statistics for the decoder.

models/decoding.py tells cp1251 from koi8-r by how Russian each decoding reads. The
letter pairs come from natasha's news vocabulary (250,000 words with corpus counts),
so the table reflects news prose; it is generated once and committed, because loading
the embedding takes a second and 300 MB that a decoder should not need.

Run: python tools/make_ru_bigrams.py
"""

from __future__ import annotations

import itertools
import json
import math
from collections import Counter
from pathlib import Path

LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
OUT = Path(__file__).resolve().parents[1] / "resources" / "ru_bigrams.json"


def pair_counts() -> Counter[str]:
    """Counts of letter pairs (``^`` word start, ``$`` word end) in the news vocabulary."""
    from natasha import NewsEmbedding

    vocab = NewsEmbedding().vocab
    counts: Counter[str] = Counter()
    allowed = set(LETTERS)
    for word, n in zip(vocab.words, vocab.counts):
        if word and set(word) <= allowed:
            marked = f"^{word}$"
            for a, b in itertools.pairwise(marked):
                counts[a + b] += n
    return counts


def log_probs(counts: Counter[str]) -> dict[str, float]:
    """log P(next | previous), add-one smoothed, one decimal."""
    table = {}
    for a in "^" + LETTERS:
        row = {b: counts[a + b] + 1 for b in LETTERS + "$"}
        total = sum(row.values())
        for b, n in row.items():
            table[a + b] = round(math.log(n / total), 1)
    return table


def main() -> None:
    """Write the table."""
    OUT.write_text(
        json.dumps(log_probs(pair_counts()), ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
    )
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
