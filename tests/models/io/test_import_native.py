"""Native JSONL import: gold marked imported, bad lines reported, merge only on request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.io.exporters import ExportOptions, export
from models.io.importers import import_files
from models.io.jsonshape import document_to_json
from models.store.store import Store


def write_jsonl(path: Path, records: list) -> Path:
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records)
        + "\n",
        encoding="utf-8",
    )
    return path


def strip(record: dict) -> dict:
    """A native record without what an import legitimately changes: origin, meta.file."""
    out = dict(record, meta={k: v for k, v in record["meta"].items() if k != "file"})
    out["entities"] = [{k: v for k, v in e.items() if k != "origin"} for e in record["entities"]]
    out["quotes"] = [{k: v for k, v in q.items() if k != "origin"} for q in record["quotes"]]
    return out


@pytest.mark.slow
def test_round_trip_export_import_export_is_identical(
    tmp_path: Path, export_corpus, make_store
) -> None:
    export(make_store(), "jsonl", tmp_path / "one.jsonl", ExportOptions())
    fresh = Store.in_memory()
    report = import_files(fresh, [tmp_path / "one.jsonl"])
    assert len(report.added) == len(export_corpus) and not report.errors
    export(fresh, "jsonl", tmp_path / "two.jsonl", ExportOptions())
    one = [json.loads(x) for x in (tmp_path / "one.jsonl").read_text().splitlines()]
    two = [json.loads(x) for x in (tmp_path / "two.jsonl").read_text().splitlines()]
    assert [strip(r) for r in two] == [strip(r) for r in one]
    imported = {e.state for d in fresh.iter_documents() for e in d.entities}
    assert imported == {"imported"}
    assert fresh.predictions(export_corpus[0].id).entities  # natasha made the snapshot


def test_bad_lines_are_reported_by_file_and_line_and_good_ones_imported(
    tmp_path: Path, no_natasha: None, doc_a, key
) -> None:
    good = document_to_json(doc_a)
    outside = dict(good, text="Короткий текст.", quotes=[], entities=[good["entities"][1]])
    unknown = dict(good, entities=[dict(good["entities"][0], label="MONEY")])
    q = good["quotes"][0]
    overlapping = dict(good, quotes=[q, dict(q, start=q["start"] + 1, text=q["text"][1:])])
    path = write_jsonl(
        tmp_path / "in.jsonl",
        [good, "{broken", outside, unknown, overlapping, {"text": "Просто текст без разметки."}],
    )
    store = Store.in_memory()
    report = import_files(store, [path])
    assert len(report.added) == 2
    where = [e.split(": ")[0] for e in report.errors]
    assert where == [f"{path}:{n}" for n in (2, 3, 4, 5)]
    assert "broken JSON" in report.errors[0] and "outside the text" in report.errors[1]
    assert "unknown label 'MONEY'" in report.errors[2] and "overlap" in report.errors[3]
    assert key(store.document(doc_a.id)) == key(doc_a)


def test_a_stored_document_is_updated_only_with_merge(
    tmp_path: Path, no_natasha: None, doc_a
) -> None:
    store = Store.in_memory()
    import_files(store, [write_jsonl(tmp_path / "a.jsonl", [document_to_json(doc_a)])])
    changed = document_to_json(doc_a)
    changed["entities"] = changed["entities"][:2]
    changed["status"] = "in_progress"
    path = write_jsonl(tmp_path / "b.jsonl", [changed, changed])
    report = import_files(store, [path])
    assert report.already == [doc_a.id] * 2 and report.not_merged == [doc_a.id]
    assert len(store.document(doc_a.id).entities) == len(doc_a.entities)
    report = import_files(store, [path], merge=True)
    assert report.merged == [doc_a.id] and report.already == [doc_a.id]
    after = store.document(doc_a.id)
    assert len(after.entities) == 2 and after.status == "in_progress"
    assert store.stats()["documents"] == 1


def test_plain_text_documents_are_not_merged(tmp_path: Path, no_natasha: None, doc_a) -> None:
    store = Store.in_memory()
    (tmp_path / "a.txt").write_text(doc_a.text, encoding="utf-8")
    import_files(store, [tmp_path / "a.txt"])
    report = import_files(store, [tmp_path / "a.txt"], merge=True)
    assert report.merged == [] and report.already == [doc_a.id]
