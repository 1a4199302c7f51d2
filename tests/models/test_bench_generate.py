"""The benchmark data generators give exact, valid spans (the GUI benchmarks rely on it)."""

from __future__ import annotations

import re

from benchmarks.generate import big_article, corpus_documents, news_variants, sample_text
from models.io.ingest import document_from_text
from models.spans import Document, Entity


def _valid(doc: Document) -> None:
    for e in doc.entities:
        assert doc.text[e.start : e.end] == e.text
    for q in doc.quotes:
        assert doc.text[q.start : q.end] == q.text
        if q.speaker is not None:
            assert doc.text[q.speaker.start : q.speaker.end] == q.speaker.text


def test_big_article_has_exactly_the_spans_asked_for() -> None:
    doc = big_article(200_000, entities=2_000, quotes=100)
    assert 200_000 <= len(doc.text) < 210_000
    assert (len(doc.entities), len(doc.quotes)) == (2_000, 100)
    _valid(doc)
    quarters = {4 * e.start // len(doc.text) for e in doc.entities}
    assert quarters == {0, 1, 2, 3}  # spread over the whole article


def test_news_variants_are_distinct_and_in_the_news_format() -> None:
    texts = list(news_variants(50))
    assert len(set(texts)) == 50
    doc = document_from_text(texts[7])
    assert doc.meta["date"] and doc.meta["source"] == "URA.RU"


def test_corpus_documents_move_the_template_spans() -> None:
    text = sample_text()
    ents = [
        Entity(m.start(), m.end(), "LOC", m.group(), "Киргизия")
        for m in re.finditer("Киргизии", text)
    ]
    template = document_from_text(text).with_annotations(ents, [])
    docs = list(corpus_documents(template, 30, lemmatize=str.lower))
    assert len({d.id for d, _ in docs}) == 30
    for doc, lemmas in docs:
        _valid(doc)
        assert all(e.text == "Киргизии" for e in doc.entities)
        assert "метка м0000" in lemmas
