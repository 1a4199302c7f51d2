"""Label Studio JSON exports: newest annotation is the gold, predictions the snapshot."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from models.io.exporters import ExportOptions, export
from models.io.importers import import_files
from models.store.store import Store

TEXT = "Мэр Москвы Сергей Собянин сказал: «Парк откроется летом»."


def region(rid: str, words: str, label: str, text: str = TEXT, **extra: Any) -> dict:
    start = text.index(words)
    return {
        "id": rid,
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "origin": "manual",
        "value": {"start": start, "end": start + len(words), "text": words, "labels": [label]},
        **extra,
    }


def ls_task(tid: int = 1, text: str = TEXT, **kw: Any) -> dict:
    """A task as Label Studio 1.x exports it (ids, timestamps, completed_by …)."""
    older = {
        "id": 10,
        "completed_by": 1,
        "was_cancelled": False,
        "ground_truth": False,
        "created_at": "2025-01-01T10:00:00Z",
        "updated_at": "2025-01-01T10:00:00Z",
        "lead_time": 3.1,
        "result": [region("a", "Москвы", "LOC")],
    }
    newer = dict(
        older,
        id=11,
        updated_at="2025-01-02T10:00:00Z",
        result=[
            region("a", "Москвы", "LOC"),
            region("b", "Сергей Собянин", "PER"),
            region("c", "Парк откроется летом", "QUOTE"),
            {"from_id": "c", "to_id": "b", "type": "relation", "direction": "right", "labels": []},
            {
                "id": "x",
                "from_name": "topic",
                "to_name": "text",
                "type": "choices",
                "value": {"choices": ["city"]},
            },
        ],
    )
    task = {
        "id": tid,
        "data": {"text": text},
        "annotations": [newer, older],
        "predictions": [
            {
                "id": 5,
                "model_version": "v1",
                "score": 0.5,
                "result": [region("p", "Сергей Собянин", "PER")],
            }
        ],
        "meta": {},
        "created_at": "2025-01-01T09:00:00Z",
        "project": 3,
    }
    task.update(kw)
    return task


def write(path: Path, tasks: list) -> Path:
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_newest_annotation_is_gold_and_predictions_the_snapshot(
    tmp_path: Path, no_natasha: None
) -> None:
    store = Store.in_memory()
    report = import_files(store, [write(tmp_path / "export.json", [ls_task()])])
    assert len(report.added) == 1 and not report.errors
    doc = store.document(report.added[0])
    assert [(e.text, e.label, e.state) for e in doc.entities] == [
        ("Москвы", "LOC", "imported"),
        ("Сергей Собянин", "PER", "imported"),
    ]
    assert doc.quotes[0].speaker.text == "Сергей Собянин" and doc.status == "done"
    assert [e.text for e in store.predictions(doc.id).entities] == ["Сергей Собянин"]


def test_a_task_without_annotations_gets_its_predictions_as_suggestions(
    tmp_path: Path, no_natasha: None
) -> None:
    store = Store.in_memory()
    report = import_files(store, [write(tmp_path / "e.json", [ls_task(annotations=[])])])
    doc = store.document(report.added[0])
    assert doc.status == "new"
    assert [(e.text, e.state) for e in doc.entities] == [("Сергей Собянин", "suggested")]


def test_cancelled_annotation_means_skipped(tmp_path: Path, no_natasha: None) -> None:
    task = ls_task()
    task["annotations"] = [dict(task["annotations"][0], was_cancelled=True, result=[])]
    store = Store.in_memory()
    report = import_files(store, [write(tmp_path / "e.json", [task])])
    assert store.document(report.added[0]).status == "skipped"


def test_bad_tasks_are_reported_with_their_line(tmp_path: Path, no_natasha: None) -> None:
    outside = ls_task(2, text="Короче.")
    mismatch = ls_task(3, text=TEXT.replace("Москвы", "Тюмени"))
    unknown = ls_task(4, text=TEXT + " 2")
    unknown["annotations"][0]["result"][1] = region("b", "Сергей Собянин", "MONEY", TEXT + " 2")
    dangling = ls_task(5, text=TEXT + " 3")
    dangling["annotations"][0]["result"][3]["to_id"] = "zzz"
    tasks = [ls_task(), outside, mismatch, unknown, dangling, ls_task(6, text=TEXT + " 4")]
    path = write(tmp_path / "export.json", tasks)
    report = import_files(Store.in_memory(), [path])
    assert len(report.added) == 2 and len(report.errors) == 4
    starts = [n for n, line in enumerate(path.read_text().splitlines(), 1) if line == "  {"]
    assert [e.split(": ")[0] for e in report.errors] == [f"{path}:{n}" for n in starts[1:5]]
    reasons = " | ".join(report.errors)
    for why in (
        "outside the text",
        "but the text there is",
        "unknown label 'MONEY'",
        "refers to a span that is not in the record",
    ):
        assert why in reasons


def test_broken_json_keeps_the_tasks_before_it(tmp_path: Path, no_natasha: None) -> None:
    path = tmp_path / "cut.json"
    good = json.dumps([ls_task()], ensure_ascii=False, indent=2)
    path.write_text(good[:-2] + ',\n  {"data": {"text": "обры', encoding="utf-8")
    report = import_files(Store.in_memory(), [path])
    assert len(report.added) == 1
    assert len(report.errors) == 1 and "broken JSON" in report.errors[0]


def test_crlf_text_offsets_are_mapped(tmp_path: Path, no_natasha: None) -> None:
    text = "Заголовок\r\n\r\nМэр Москвы Сергей Собянин."
    task = {
        "data": {"text": text},
        "annotations": [{"result": [region("a", "Сергей Собянин", "PER", text)]}],
    }
    store = Store.in_memory()
    report = import_files(store, [write(tmp_path / "crlf.json", [task])])
    ent = store.document(report.added[0]).entities[0]
    assert ent.text == "Сергей Собянин" and "\r" not in store.document(report.added[0]).text


@pytest.mark.slow
def test_our_label_studio_export_imports_back_into_an_empty_database(
    tmp_path: Path, export_corpus, make_store, model_of, key
) -> None:
    export(make_store(), "labelstudio", tmp_path / "tasks.json", ExportOptions())
    fresh = Store.in_memory()
    report = import_files(fresh, [tmp_path / "tasks.json"])
    assert len(report.added) == len(export_corpus) and not report.errors
    for gold in export_corpus:
        if gold.status != "new":
            assert key(fresh.document(gold.id)) == key(gold)
        assert key(fresh.predictions(gold.id)) == key(model_of(gold))
        assert fresh.document(gold.id).status == gold.status


def test_repeated_regions_are_refused_not_imported_twice(tmp_path: Path, no_natasha: None) -> None:
    same_id = ls_task(1)
    same_id["annotations"][0]["result"][1]["id"] = "a"  # two regions called "a"
    same_span = ls_task(2, text=TEXT + " 2")
    same_span["annotations"][0]["result"].insert(
        1, region("a2", "Москвы", "LOC", TEXT + " 2")
    )  # "Москвы" LOC twice
    path = write(tmp_path / "export.json", [same_id, same_span, ls_task(3, text=TEXT + " 3")])
    report = import_files(Store.in_memory(), [path])
    assert len(report.added) == 1 and len(report.errors) == 2
    assert "region id a appears twice" in report.errors[0]
    assert "region a2 repeats region a" in report.errors[1]
