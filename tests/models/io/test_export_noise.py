"""Noise (captions, ad markers, repeats, the news header) stays out of training data.

The sentence and token formats (CoNLL, HF, spaCy, Prodigy) cut it out unless
``keep_noise``; jsonl keeps the whole text and lists the ranges in ``meta.noise``; no
export carries the importing machine's path; the source's own id travels with the hash.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from models.io.exporters import ExportOptions, export
from models.io.ingest import document_from_text
from models.labels import sample_path
from models.spans import Document
from models.store.store import Store

SAMPLE = sample_path().read_text(encoding="utf-8")
AD_TEXT = (
    "Глава Минфина Антон Силуанов сказал: «Бюджет сбалансирован.\n\n"
    "Продолжение после рекламы\n\n"
    "Дефицита не будет», — добавил он в Москве."
)


@pytest.fixture
def sample_article(ent) -> Document:
    """The bundled article as imported, with an entity in the prose and one in a caption."""
    d = document_from_text(SAMPLE, str(sample_path()))
    entities = [ent(SAMPLE, "Владимир Путин", "PER"), ent(SAMPLE, "Немышев Вячеслав", "PER")]
    return replace(d, status="done").with_annotations(entities, [])


@pytest.fixture
def ad_article(ent, quote) -> Document:
    """A quote across an ad marker, imported from a path on the annotator's machine."""
    d = document_from_text(AD_TEXT, "/home/anna/news/силуанов.txt")
    q = quote(AD_TEXT, AD_TEXT[AD_TEXT.index("Бюджет") : AD_TEXT.index("»")], "Антон Силуанов")
    entities = [ent(AD_TEXT, "Антон Силуанов", "PER"), ent(AD_TEXT, "Москве", "LOC")]
    return replace(d, status="done").with_annotations(entities, [q])


def store_of(*docs: Document) -> Store:
    store = Store.in_memory()
    for d in docs:
        store.add_document(d)
    return store


def conll_tokens(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[0] for line in lines if line and not line.startswith("-DOCSTART-")]


def test_conll_starts_with_the_article_not_the_header(tmp_path: Path, sample_article) -> None:
    report = export(store_of(sample_article), "conll", tmp_path / "c.conll", ExportOptions())
    tokens = conll_tokens(tmp_path / "c.conll")
    assert tokens[:3] == ["Президент", "РФ", "Владимир"]
    for noise in ("date", "Немышев", "рекламы"):
        assert noise not in tokens
    assert tokens.count("определенные") == 1  # the repeated paragraph went out once
    assert any(n.startswith("left out: 4 paragraphs of noise") for n in report.notes)
    assert any(n.startswith("left out: 1 entities in the noise") for n in report.notes)


def test_keep_noise_keeps_it(tmp_path: Path, sample_article) -> None:
    options = ExportOptions(keep_noise=True)
    report = export(store_of(sample_article), "conll", tmp_path / "c.conll", options)
    tokens = conll_tokens(tmp_path / "c.conll")
    assert tokens[:2] == ["date", "2025-11-26"] and "рекламы" in tokens
    assert not any("noise" in n for n in report.notes)


def test_a_quote_across_an_ad_marker_keeps_its_words_and_speaker(
    tmp_path: Path, ad_article
) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    export(store_of(ad_article), "spacy", tmp_path / "s", ExportOptions())
    (doc,) = DocBin().from_disk(tmp_path / "s" / "0000.spacy").get_docs(spacy.blank("ru").vocab)
    assert "рекламы" not in doc.text
    assert [s.text for s in doc.spans["quotes"]] == ["Бюджет сбалансирован.\n\nДефицита не будет"]
    assert [s.text for s in doc.spans["speakers"]] == ["Антон Силуанов"]
    assert [(e.text, e.label_) for e in doc.ents] == [("Антон Силуанов", "PER"), ("Москве", "LOC")]
    kept = doc.user_data["razmetka"]["kept"]
    assert "\n\n".join(AD_TEXT[s:e] for s, e in kept) == doc.text


def test_hf_and_prodigy_leave_the_noise_out(tmp_path: Path, sample_article) -> None:
    datasets = pytest.importorskip("datasets")
    store = store_of(sample_article)
    export(store, "hf", tmp_path / "hf", ExportOptions())
    rows = datasets.load_from_disk(str(tmp_path / "hf"))["all"]
    words = [t for r in rows for t in r["tokens"]]
    assert words[0] == "Президент" and "Немышев" not in words
    export(store, "prodigy", tmp_path / "p.jsonl", ExportOptions())
    task = json.loads((tmp_path / "p.jsonl").read_text(encoding="utf-8"))
    assert task["text"].startswith("Президент РФ") and "рекламы" not in task["text"]
    assert [task["text"][s["start"] : s["end"]] for s in task["spans"]] == ["Владимир Путин"]
    assert all(task["text"][t["start"] : t["end"]] == t["text"] for t in task["tokens"])


def test_jsonl_keeps_the_whole_text_and_lists_the_noise(tmp_path: Path, sample_article) -> None:
    export(store_of(sample_article), "jsonl", tmp_path / "o.jsonl", ExportOptions())
    record = json.loads((tmp_path / "o.jsonl").read_text(encoding="utf-8"))
    assert record["text"] == SAMPLE and len(record["entities"]) == 2
    noise = record["meta"]["noise"]
    assert [n["kind"] for n in noise] == ["header", "caption", "ad", "repeat"]
    assert SAMPLE[noise[2]["start"] : noise[2]["end"]] == "Продолжение после рекламы"


def test_no_export_carries_the_local_path(tmp_path: Path, sample_article, ad_article) -> None:
    store = store_of(sample_article, ad_article)
    for fmt in ("jsonl", "labelstudio", "doccano", "prodigy"):
        export(store, fmt, tmp_path / f"o.{fmt}", ExportOptions())
        text = (tmp_path / f"o.{fmt}").read_text(encoding="utf-8")
        assert str(sample_path().parent) not in text and "/home/anna" not in text, fmt
        assert "000_ab57c9abfbad8233.txt" in text and "силуанов.txt" in text
    export(store, "jsonl", tmp_path / "k.jsonl", ExportOptions(keep_paths=True))
    assert "/home/anna/news/силуанов.txt" in (tmp_path / "k.jsonl").read_text(encoding="utf-8")


def test_the_source_id_travels_beside_the_hash(
    tmp_path: Path, no_natasha: None, sample_article
) -> None:
    from models.io.importers import import_files

    gold = tmp_path / "gold.jsonl"
    record = {"id": "book_58", "text": "Мэр Москвы Сергей Собянин.", "status": "done"}
    gold.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    store = store_of(sample_article)
    import_files(store, [gold])
    export(store, "jsonl", tmp_path / "o.jsonl", ExportOptions())
    metas = [json.loads(line) for line in (tmp_path / "o.jsonl").read_text().splitlines()]
    assert [m["meta"]["source_id"] for m in metas] == ["000_ab57c9abfbad8233", "book_58"]
    assert metas[1]["id"] != "book_58"  # the id stays the content hash


def test_jsonl_round_trip_keeps_meta_and_noise_alike(
    tmp_path: Path, no_natasha: None, sample_article, ad_article
) -> None:
    from models.io.importers import import_files

    export(store_of(sample_article, ad_article), "jsonl", tmp_path / "one.jsonl", ExportOptions())
    again = Store.in_memory()
    import_files(again, [tmp_path / "one.jsonl"])
    export(again, "jsonl", tmp_path / "two.jsonl", ExportOptions())

    def records(name: str) -> list[dict]:
        rows = [json.loads(x) for x in (tmp_path / name).read_text(encoding="utf-8").splitlines()]
        for r in rows:
            for span in r["entities"] + r["quotes"]:
                span.pop("origin")  # imported spans are the human's
        return rows

    one, two = records("one.jsonl"), records("two.jsonl")
    assert two == one and one[0]["meta"]["file"] == "000_ab57c9abfbad8233.txt"
    assert "noise" not in again.document(one[0]["id"]).meta
