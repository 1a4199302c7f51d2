"""Hugging Face datasets: load_from_disk gives the parts, ClassLabel tags, same spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.io.exporters import ExportOptions, export
from models.io.exporters.tokens import sentences

datasets = pytest.importorskip("datasets")
from seqeval.metrics.sequence_labeling import get_entities


def test_saved_dataset_loads_with_classlabel_names(
    tmp_path: Path, export_corpus, make_store
) -> None:
    export(make_store(), "hf", tmp_path / "hf", ExportOptions())
    dd = datasets.load_from_disk(str(tmp_path / "hf"))
    assert list(dd) == ["all"] and dd["all"].split == "all"
    tags = dd["all"].features["ner_tags"].feature
    assert isinstance(tags, datasets.ClassLabel)
    assert tags.names == ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]
    assert set(dd["all"]["doc_id"]) == {d.id for d in export_corpus}


def test_tags_read_back_into_the_same_spans(tmp_path: Path, export_corpus, make_store) -> None:
    export(make_store(), "hf", tmp_path / "hf", ExportOptions())
    train = datasets.load_from_disk(str(tmp_path / "hf"))["all"]
    names = train.features["ner_tags"].feature.names
    for gold in export_corpus:
        rows = [r for r in train if r["doc_id"] == gold.id]
        flat = [t for s in sentences(gold.text) for t in s]
        assert [t for r in rows for t in r["tokens"]] == [t.text for t in flat]
        found, base = set(), 0
        for r in rows:
            for label, first, last in get_entities([names[i] for i in r["ner_tags"]]):
                found.add((flat[base + first].start, flat[base + last].end, label))
            base += len(r["tokens"])
        assert found == {(e.start, e.end, e.label) for e in gold.entities if e.text != "Ромашка"}


def test_split_parts_are_datasetdict_keys_and_documents_stay_whole(
    tmp_path: Path, many_store
) -> None:
    store = many_store(60)
    report = export(
        store, "hf", tmp_path / "hf", ExportOptions(split="train=0.6,dev=0.2,test=0.2", seed=3)
    )
    dd = datasets.load_from_disk(str(tmp_path / "hf"))
    assert list(dd) == ["train", "dev", "test"]
    assert sum(len(set(dd[p]["doc_id"])) for p in dd) == 60 == report.documents
    ids = [set(dd[p]["doc_id"]) for p in dd]
    assert not (ids[0] & ids[1]) and not (ids[0] & ids[2]) and not (ids[1] & ids[2])


def test_label_filter_shrinks_the_tag_set(tmp_path: Path, make_store) -> None:
    export(make_store(), "hf", tmp_path / "hf", ExportOptions(labels=frozenset({"LOC"})))
    train = datasets.load_from_disk(str(tmp_path / "hf"))["all"]
    assert train.features["ner_tags"].feature.names == ["O", "B-LOC", "I-LOC"]


def test_an_empty_part_still_loads(tmp_path: Path, export_corpus, make_store) -> None:
    store = make_store(export_corpus[:1])
    export(store, "hf", tmp_path / "hf", ExportOptions(split="train=0.5,test=0.5"))
    dd = datasets.load_from_disk(str(tmp_path / "hf"))
    assert sorted(len(set(dd[p]["doc_id"])) for p in dd) == [0, 1]
