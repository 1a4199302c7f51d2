"""Selection, split, offset check and notes shared by every export format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.io.exporters import ExportOptions, count, export
from models.io.exporters.common import MissingDependency, require
from models.io.exporters.split import assign_parts, parse_split
from models.store.store import Store


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_default_status_is_done_and_all_means_all(
    tmp_path: Path, export_corpus, make_store
) -> None:
    store = make_store()
    done = export(store, "jsonl", tmp_path / "d.jsonl", ExportOptions(statuses=["done"]))
    every = export(store, "jsonl", tmp_path / "a.jsonl", ExportOptions())
    assert done.documents == 2
    assert every.documents == len(export_corpus)
    assert {r["status"] for r in read_jsonl(tmp_path / "d.jsonl")} == {"done"}


def test_split_is_deterministic_and_stable_when_documents_are_added(
    tmp_path: Path, many, many_store
) -> None:
    store = many_store(300)
    options = ExportOptions(split="train=0.8,dev=0.1,test=0.1", seed=7)
    export(store, "jsonl", tmp_path / "one", options)
    first = {
        p: {r["id"] for r in read_jsonl(tmp_path / "one" / f"{p}.jsonl")}
        for p in ("train", "dev", "test")
    }
    for d in many(300, start=300):
        store.add_document(d)
    report = export(store, "jsonl", tmp_path / "two", options)
    second = {
        p: {r["id"] for r in read_jsonl(tmp_path / "two" / f"{p}.jsonl")}
        for p in ("train", "dev", "test")
    }
    for part, ids in first.items():
        assert ids <= second[part]  # nobody moved
    sizes = {p: len(ids) for p, ids in second.items()}
    assert sizes == {"train": 480, "dev": 60, "test": 60}
    assert any(n.startswith("split: train") for n in report.notes)


def parts_of(tmp_path: Path, name: str) -> dict[str, set[str]]:
    return {
        p: {r["id"] for r in read_jsonl(tmp_path / name / f"{p}.jsonl")}
        for p in ("train", "dev", "test")
    }


def test_thirty_documents_split_by_largest_remainder(tmp_path: Path, many_store) -> None:
    store = many_store(30)
    export(store, "jsonl", tmp_path / "s", ExportOptions(split="train=0.8,dev=0.1,test=0.1"))
    sizes = {p: len(ids) for p, ids in parts_of(tmp_path, "s").items()}
    assert sizes == {"train": 24, "dev": 3, "test": 3}


def test_every_length_is_within_one_document_of_its_share() -> None:
    parts = parse_split("train=0.7,dev=0.15,test=0.15")
    ids = [f"{i:016x}" for i in range(500)]
    assigned = list(assign_parts(ids, parts, 0).values())
    for n in range(1, len(ids) + 1):
        for name, frac in parts:
            assert abs(assigned[:n].count(name) - frac * n) < 1


def test_marking_more_documents_done_moves_nobody(tmp_path: Path, many) -> None:
    store = Store.in_memory()
    docs = list(many(40))
    for d in docs:
        store.add_document(d)
    for d in docs[::3]:
        store.set_status(d.id, "new")
    options = ExportOptions(statuses=["done"], split="train=0.8,dev=0.1,test=0.1")
    export(store, "jsonl", tmp_path / "one", options)
    for d in docs[::3]:
        store.set_status(d.id, "done")
    export(store, "jsonl", tmp_path / "two", options)
    first, second = parts_of(tmp_path, "one"), parts_of(tmp_path, "two")
    assert all(first[p] <= second[p] for p in first)
    assert {p: len(ids) for p, ids in second.items()} == {"train": 32, "dev": 4, "test": 4}


def test_another_seed_gives_another_split() -> None:
    parts = parse_split("train=0.5,test=0.5")
    ids = [f"{i:016x}" for i in range(200)]
    one, two = assign_parts(ids, parts, 1), assign_parts(ids, parts, 2)
    assert one != two and one == assign_parts(ids, parts, 1)
    assert list(one.values()).count("train") == 100 == list(two.values()).count("train")


def test_without_a_split_the_one_part_is_named(tmp_path: Path, export_corpus, make_store) -> None:
    report = export(make_store(), "brat", tmp_path / "b", ExportOptions())
    manifest = json.loads((tmp_path / "b" / "razmetka-export.json").read_text())
    assert (
        manifest["parts"] == {"all": len(export_corpus)} and dict(report.parts) == manifest["parts"]
    )
    export(make_store(), "brat", tmp_path / "g", ExportOptions(part="gold"))
    manifest = json.loads((tmp_path / "g" / "razmetka-export.json").read_text())
    assert manifest["parts"] == {"gold": len(export_corpus)}
    assert not any(n.startswith("split:") for n in report.notes)
    with pytest.raises(ValueError, match="--part"):
        export(make_store(), "brat", tmp_path / "x", ExportOptions(part="a b"))


@pytest.mark.parametrize(
    "spec",
    [
        "train=0.8,dev=0.1",
        "train",
        "train=x",
        "a=0.5,a=0.5",
        "train=1.2,dev=-0.2",
        "train=nan",
        "train=0.5,dev=nan",
        "train=inf,dev=-inf",
    ],
)
def test_bad_split_is_refused(make_store, spec: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="--split"):
        export(make_store(), "jsonl", tmp_path / "x", ExportOptions(split=spec))


def test_corrupt_span_refuses_that_document_only(tmp_path: Path, export_corpus, make_store) -> None:
    store = make_store()
    store.db.execute("UPDATE entities SET start = start + 1 WHERE text = 'Сергей Собянин'")
    report = export(store, "jsonl", tmp_path / "o.jsonl", ExportOptions())
    assert report.documents == len(export_corpus) - 1
    assert any("not exported" in n and "Сергей Собянин" in n for n in report.notes)
    texts = [r["text"] for r in read_jsonl(tmp_path / "o.jsonl")]
    assert not any("Собянин" in t for t in texts)


def test_label_filter_keeps_only_those_labels(tmp_path: Path, make_store) -> None:
    report = export(
        make_store(), "jsonl", tmp_path / "o.jsonl", ExportOptions(labels=frozenset({"PER"}))
    )
    labels = {e["label"] for r in read_jsonl(tmp_path / "o.jsonl") for e in r["entities"]}
    assert labels == {"PER"}
    assert any("not in --labels" in n for n in report.notes)


def test_unknown_label_or_status_is_refused(tmp_path: Path, make_store) -> None:
    with pytest.raises(ValueError, match="unknown label FOO"):
        export(make_store(), "jsonl", tmp_path / "o", ExportOptions(labels=frozenset({"FOO"})))
    with pytest.raises(ValueError, match="unknown status"):
        export(make_store(), "jsonl", tmp_path / "o", ExportOptions(statuses=["finished"]))


def test_include_model_exports_the_snapshot(tmp_path: Path, make_store) -> None:
    export(make_store(), "jsonl", tmp_path / "m.jsonl", ExportOptions(include_model=True))
    first = read_jsonl(tmp_path / "m.jsonl")[0]
    assert [e["text"] for e in first["entities"]][-1] != "Москве"  # the model missed it
    assert first["quotes"] == []


def test_progress_is_called_per_document_and_cancel_stops(
    tmp_path: Path, export_corpus, make_store
) -> None:
    seen: list[int] = []
    export(
        make_store(),
        "jsonl",
        tmp_path / "o.jsonl",
        ExportOptions(),
        lambda done, _r: seen.append(done),
    )
    assert seen == list(range(1, len(export_corpus) + 1))
    assert count(make_store(), ExportOptions()) == len(export_corpus)
    assert count(make_store(), ExportOptions(statuses=["done", "new"])) == 3
    report = export(
        make_store(), "jsonl", tmp_path / "c.jsonl", ExportOptions(), cancelled=lambda: True
    )
    assert report.documents == 0 and any("cancelled" in n for n in report.notes)


def test_folder_export_never_clobbers_a_foreign_folder(tmp_path: Path, make_store) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "precious.txt").write_text("keep")
    with pytest.raises(ValueError, match="not empty"):
        export(make_store(), "brat", out, ExportOptions())
    assert (out / "precious.txt").read_text() == "keep"


def test_folder_export_replaces_its_own_previous_export(
    tmp_path: Path, export_corpus, make_store
) -> None:
    out = tmp_path / "brat"
    export(make_store(), "brat", out, ExportOptions())
    export(make_store(export_corpus[:1]), "brat", out, ExportOptions())
    assert len(list(out.glob("*.ann"))) == 1


def test_missing_library_is_one_clear_line() -> None:
    with pytest.raises(MissingDependency, match=r"^the hf format needs nosuchlib: pip install"):
        require("nosuchlib_razmetka", "hf", "nosuchlib")


def test_unknown_format_is_refused(tmp_path: Path, make_store) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export(make_store(), "xml", tmp_path / "o", ExportOptions())
