"""Batched tagging finds exactly what natasha finds paragraph by paragraph.

The reference below is the per-paragraph path razmetka used before batching, written
with natasha's own ``Doc`` API: one ``Doc`` per paragraph, ``tag_ner``, then
``tag_morph`` over every sentence of a paragraph that has a span. The batched path puts
paragraphs of many documents into one NER call sorted by length and tags only the
sentences that hold a span, so what could differ is the padding inside a batch, the
company a sentence keeps in the morphology batch and float rounding in BLAS for other
matrix sizes. Every span (offsets, label) and every normal form is compared, on
generated articles, real news (factru and quote dev texts), short quote texts, and one
long document that crosses many windows with a paragraph longer than a chunk.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from natasha import Doc

from benchmarks.generate import news_variants
from models.nlp.ner import (
    WINDOW,
    Found,
    _normal,
    chunks,
    entities_of,
    find_entities_many,
    load_models,
    natasha_spans,
)

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parents[1] / "data"


def per_paragraph(nlp: Any, text: str) -> list[Found]:
    """The reference: natasha's documented calls, one paragraph (chunk) at a time."""
    found = []
    for offset, chunk in chunks(text):
        doc = Doc(chunk)
        doc.segment(nlp.segmenter)
        doc.tag_ner(nlp.ner_tagger)
        if doc.spans:
            doc.tag_morph(nlp.morph_tagger)
        for s in doc.spans:
            found.append(
                Found(offset + s.start, offset + s.stop, s.type, _normal(nlp.morph_vocab, s))
            )
    return found


def _texts(name: str) -> list[str]:
    return [item["text"] for item in json.loads((DATA / name).read_text(encoding="utf-8"))]


def corpus() -> list[str]:
    """Generated, real and short texts interleaved, so batches mix them; one long one."""
    real = _texts("news_real_dev_texts.json")
    short = _texts("quotes_stress.json") + _texts("quotes_round3.json")
    generated = list(news_variants(60, seed=7))
    mixed: list[str] = []
    for i in range(max(len(real), len(short), len(generated))):
        for part in (real, short, generated):
            if i < len(part):
                mixed.append(part[i])
    one_line = " ".join(real[:40]).replace("\n", " ")  # a paragraph of many chunks
    long = "\n\n".join([*real[40:100], one_line, *real[100:]])
    assert len(long) > 5 * WINDOW and len(one_line) > 5 * 5000
    return [*mixed, long]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return corpus()


@pytest.fixture(scope="module")
def reference(texts: list[str]) -> list[list[Found]]:
    nlp = load_models()
    return [per_paragraph(nlp, t) for t in texts]


def test_the_corpus_is_varied_and_has_entities(
    texts: list[str], reference: list[list[Found]]
) -> None:
    assert len(texts) >= 400
    assert sum(len(f) for f in reference) > 5000
    assert {f.label for found in reference for f in found} == {"PER", "LOC", "ORG"}


def test_batched_spans_and_normals_are_the_per_paragraph_ones(
    texts: list[str], reference: list[list[Found]]
) -> None:
    got = list(natasha_spans(texts))
    assert [t for t, _ in got] == texts
    for (text, found), expected in zip(got, reference):
        assert found == expected, text[:80]


def test_entities_are_the_per_paragraph_ones_after_post_processing(
    texts: list[str], reference: list[list[Found]]
) -> None:
    expected = [entities_of(t, f) for t, f in zip(texts, reference)]
    assert list(find_entities_many(texts)) == expected


def test_one_document_at_a_time_is_the_same_as_a_stream(texts: list[str]) -> None:
    sample = texts[:30]
    assert [next(natasha_spans([t]))[1] for t in sample] == [f for _, f in natasha_spans(sample)]
