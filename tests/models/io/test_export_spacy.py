"""spaCy reads the DocBin shards back with the same entities, quotes and speakers."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.io.exporters import ExportOptions, export

spacy = pytest.importorskip("spacy")
from spacy.tokens import DocBin


def load(folder: Path) -> list:
    vocab = spacy.blank("xx").vocab
    return [
        d
        for shard in sorted(folder.glob("*.spacy"))
        for d in DocBin().from_disk(shard).get_docs(vocab)
    ]


def test_docbin_has_the_same_text_and_entities(
    tmp_path: Path, export_corpus, doc_a, make_store
) -> None:
    report = export(make_store(), "spacy", tmp_path / "corpus", ExportOptions())
    docs = load(tmp_path / "corpus")
    assert [d.text for d in docs] == [c.text for c in export_corpus]
    first = docs[0]
    gold = doc_a
    nested = ("Ромашка", "ORG")
    expected = {(e.start, e.end, e.label) for e in gold.entities if (e.text, e.label) != nested}
    assert {(s.start_char, s.end_char, s.label_) for s in first.ents} == expected
    assert {(s.start_char, s.end_char, s.label_) for s in first.spans["entities"]} == {
        (e.start, e.end, e.label) for e in gold.entities
    }
    assert any("not in doc.ents" in n and n.startswith("left out: 1 ") for n in report.notes)


def test_quotes_and_speakers_are_span_groups_linked_in_user_data(
    tmp_path: Path, doc_a, make_store
) -> None:
    export(make_store(), "spacy", tmp_path / "corpus", ExportOptions())
    first = load(tmp_path / "corpus")[0]
    quotes = [s.text for s in first.spans["quotes"]]
    speakers = [s.text for s in first.spans["speakers"]]
    assert quotes == ["Мы будем работать", "Это важно"]
    assert speakers == ["Владимир Путин", "глава"]
    meta = first.user_data["razmetka"]
    assert [list(p) for p in meta["speaker_of"]] == [[0, 0], [1, 1]] and meta["id"] == doc_a.id


def test_spacy_corpus_reader_reads_the_folder(tmp_path: Path, make_store) -> None:
    from spacy.training import Corpus

    export(make_store(), "spacy", tmp_path / "corpus", ExportOptions(statuses=["done"]))
    examples = list(Corpus(tmp_path / "corpus")(spacy.blank("ru")))
    assert len(examples) == 2
    assert "Владимир Путин" in [e.text for e in examples[0].reference.ents]


def test_shards_keep_memory_flat_and_lose_nothing(tmp_path: Path, monkeypatch, many_store) -> None:
    from models.io.exporters import spacy_docbin

    monkeypatch.setattr(spacy_docbin, "SHARD", 4)
    store = many_store(10)
    export(store, "spacy", tmp_path / "c", ExportOptions())
    assert len(list((tmp_path / "c").glob("*.spacy"))) == 3
    assert len(load(tmp_path / "c")) == 10


def test_split_writes_one_folder_per_part(tmp_path: Path, many_store) -> None:
    store = many_store(40)
    export(store, "spacy", tmp_path / "c", ExportOptions(split="train=0.5,dev=0.5"))
    sizes = [len(load(tmp_path / "c" / p)) for p in ("train", "dev")]
    assert sum(sizes) == 40 and min(sizes) > 0


def test_emoji_before_entities_keeps_offsets(tmp_path: Path, make_store) -> None:
    export(make_store(), "spacy", tmp_path / "c", ExportOptions())
    emoji = load(tmp_path / "c")[1]
    assert [s.text for s in emoji.ents] == ["Москвы", "Сергей Собянин", "Зарядье"]


def test_docs_have_razdel_sentences_and_the_shipped_tokenizer_makes_the_same_tokens(
    tmp_path: Path,
    export_corpus,
    make_store,
) -> None:
    from models.io.exporters.razdel_tokenizer import RazdelTokenizer
    from models.io.exporters.tokens import sentences

    export(make_store(), "spacy", tmp_path / "c", ExportOptions())
    tokenizer = RazdelTokenizer(spacy.blank("ru").vocab)
    for doc, gold in zip(load(tmp_path / "c"), export_corpus):
        assert [t.text for t in tokenizer(doc.text)] == [t.text for t in doc]
        want = [[t.text for t in s] for s in sentences(gold.text)]
        assert [[t.text for t in s if not t.is_space] for s in doc.sents] == want


def test_the_config_names_razdels_tokenizer_and_no_lemmatizer(tmp_path: Path, make_store) -> None:
    from spacy.util import load_config

    export(make_store(), "spacy", tmp_path / "c", ExportOptions())
    config = load_config(tmp_path / "c" / "config.cfg")
    assert config["nlp"]["tokenizer"] == {"@tokenizers": "razmetka.razdel_tokenizer.v1"}
    assert config["nlp"]["lang"] == "ru" and config["nlp"]["pipeline"] == ["tok2vec", "ner"]
    code = (tmp_path / "c" / "razdel_tokenizer.py").read_text(encoding="utf-8")
    assert "registry.tokenizers('razmetka.razdel_tokenizer.v1'" in code
    assert "from models" not in code  # it runs where only spaCy and razdel are


def test_the_tokenizers_paragraphs_are_ingests() -> None:
    from models.io.exporters.razdel_tokenizer import PARAGRAPH
    from models.io.ingest import paragraphs
    from models.labels import sample_path

    for text in (sample_path().read_text(encoding="utf-8"), "a\n \nb\n\n\n c\nd\n", "\n\nx"):
        assert [m.span() for m in PARAGRAPH.finditer(text)] == list(paragraphs(text))
