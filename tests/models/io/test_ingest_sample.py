"""Ingest of the bundled news article: meta, noise ranges, offsets."""

from __future__ import annotations

from models.spans import Document


def test_sample_meta(sample_doc: Document) -> None:
    assert sample_doc.meta["date"] == "2025-11-26"
    assert sample_doc.meta["title"] == (
        "Трудовые мигранты из Киргизии имеют преимущества при въезде на работу в Россию"
    )
    assert sample_doc.meta["source"] == "URA.RU"


def test_sample_noise_ranges(sample_doc: Document) -> None:
    text = sample_doc.text
    kinds = {n.kind: text[n.start : n.end] for n in sample_doc.noise}
    assert kinds["ad"] == "Продолжение после рекламы"
    assert kinds["repeat"].startswith("Трудовые мигранты из Киргизии имеют определенные")
    captions = [text[n.start : n.end] for n in sample_doc.noise if n.kind == "caption"]
    assert "Фото: Немышев Вячеслав © URA.RU" in captions
    assert any(
        c.startswith("Президенты России и Киргизии") and c.endswith("© URA.RU") for c in captions
    )


def test_only_the_second_copy_of_a_repeated_paragraph_is_noise(sample_doc: Document) -> None:
    text = sample_doc.text
    (rep,) = [n for n in sample_doc.noise if n.kind == "repeat"]
    first = text.find(text[rep.start : rep.end])
    assert first < rep.start


def test_noise_offsets_lie_inside_the_text(sample_doc: Document) -> None:
    for n in sample_doc.noise:
        assert 0 <= n.start < n.end <= len(sample_doc.text)
        assert sample_doc.text[n.start : n.end].strip() == sample_doc.text[n.start : n.end]


def test_text_is_kept_whole(sample_doc: Document, sample_text: str) -> None:
    assert sample_doc.text == sample_text
    assert "\r" not in sample_doc.text
