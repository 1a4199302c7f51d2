"""Label Studio tasks validate against the documented task format and import back.

label-studio-sdk is not a dependency; the checks below are the task format of
labelstud.io/guide/task_format and /guide/predictions: ``data`` with the text the config
names, ``annotations`` and ``predictions`` holding ``result`` lists of ``labels``
regions (id, from_name, to_name, value.start/end/text/labels) and ``relation`` items
(from_id, to_id, direction, labels), every name and label declared in the config.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from models.io.exporters import ExportOptions, export
from models.io.importers.labelstudio import read_task
from models.labels import load_labels


def config_names(xml: str) -> dict[str, Any]:
    root = ET.fromstring(xml)
    assert root.tag == "View"
    labels = root.find("Labels")
    text = root.find("Text")
    return {
        "from": labels.get("name"),
        "to": labels.get("toName"),
        "text": text.get("name"),
        "var": text.get("value"),
        "labels": {x.get("value") for x in labels},
        "relations": {x.get("value") for x in root.iter("Relation")},
    }


def validate_result(result: list, text: str, cfg: dict[str, Any]) -> None:
    assert isinstance(result, list)
    regions = {}
    for item in result:
        if item["type"] == "relation":
            continue
        assert item["type"] == "labels"
        assert isinstance(item["id"], str) and item["id"] not in regions
        assert item["from_name"] == cfg["from"] and item["to_name"] == cfg["to"] == cfg["text"]
        v = item["value"]
        assert isinstance(v["start"], int) and isinstance(v["end"], int)
        assert 0 <= v["start"] < v["end"] <= len(text)
        assert v["text"] == text[v["start"] : v["end"]]
        assert len(v["labels"]) == 1 and set(v["labels"]) <= cfg["labels"]
        regions[item["id"]] = item
    for item in result:
        if item["type"] == "relation":
            assert item["from_id"] in regions and item["to_id"] in regions
            assert item["direction"] in ("left", "right", "bi")
            assert set(item["labels"]) <= cfg["relations"]


def validate(tasks: Any, cfg: dict[str, Any]) -> None:
    assert isinstance(tasks, list)
    field = cfg["var"].lstrip("$")
    for task in tasks:
        assert set(task) <= {"id", "data", "annotations", "predictions", "meta"}
        text = task["data"][field]
        assert isinstance(text, str)
        for ann in task.get("annotations", []):
            assert isinstance(ann.get("was_cancelled", False), bool)
            validate_result(ann["result"], text, cfg)
        for pred in task.get("predictions", []):
            assert isinstance(pred["model_version"], str)
            validate_result(pred["result"], text, cfg)


@pytest.fixture
def exported(tmp_path: Path, make_store) -> Callable[..., tuple[list, dict[str, Any]]]:
    """``exported(**options)``: the corpus's tasks (in ``tmp_path``) and its config's names."""

    def export_tasks(**kw: Any) -> tuple[list, dict[str, Any]]:
        export(make_store(), "labelstudio", tmp_path / "tasks.json", ExportOptions(**kw))
        tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
        xml = (tmp_path / "tasks.config.xml").read_text(encoding="utf-8")
        return tasks, config_names(xml)

    return export_tasks


def test_tasks_validate_against_the_task_format(export_corpus, exported) -> None:
    tasks, cfg = exported()
    validate(tasks, cfg)
    assert len(tasks) == len(export_corpus)
    assert cfg["labels"] == set(load_labels().names) | {"QUOTE", "SPEAKER"}


def test_gold_is_annotations_and_snapshot_is_predictions(exported) -> None:
    tasks, _cfg = exported()
    by_status = {t["data"]["status"]: t for t in tasks}
    assert "annotations" not in by_status["new"]  # unreviewed: pre-annotations only
    assert by_status["skipped"]["annotations"][0]["was_cancelled"] is True
    first = tasks[0]
    gold = [r["value"]["text"] for r in first["annotations"][0]["result"] if "value" in r]
    pred = [r["value"]["text"] for r in first["predictions"][0]["result"] if "value" in r]
    assert "Москве" in gold and "Москве" not in pred
    rels = [r for r in first["annotations"][0]["result"] if r["type"] == "relation"]
    assert [(r["from_id"], r["to_id"]) for r in rels] == [("q1", "e2"), ("q2", "s2")]


def test_tasks_import_back_with_the_same_spans(export_corpus, model_of, key, exported) -> None:
    tasks, _cfg = exported()
    labels = load_labels().names
    for gold, task in zip(export_corpus, tasks):
        record = read_task(task, labels)
        assert record.doc.id == gold.id and record.doc.status == gold.status
        if gold.status != "new":
            assert key(record.doc) == key(gold)
        assert key(record.model) == key(model_of(gold))
        assert record.doc.meta["title"] == gold.meta["title"]


def test_include_model_sends_the_snapshot_as_predictions_only(exported) -> None:
    tasks, cfg = exported(include_model=True)
    validate(tasks, cfg)
    assert all("annotations" not in t for t in tasks)


def test_a_new_document_with_a_human_edit_keeps_its_annotation(
    tmp_path: Path, doc_new, make_store
) -> None:
    from dataclasses import replace

    edited = doc_new
    edited = edited.with_annotations([replace(edited.entities[0], state="added")], [])
    export(make_store([edited]), "labelstudio", tmp_path / "t.json", ExportOptions())
    (task,) = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert [r["value"]["text"] for r in task["annotations"][0]["result"]] == ["Михаил Мурашко"]


def converter_items(task: dict[str, Any], from_names: set[str]) -> list[dict[str, Any]]:
    """What label-studio-converter 0.0.59 takes from a task (``Converter.
    annotation_result_from_task`` and ``get_data``, read in its source): ``task["id"]``,
    ``task["data"]``, and of each annotation not cancelled, newest ``created_at`` first,
    its ``id`` and the ``value`` of each result item whose ``from_name`` is in the config."""
    annotations = [
        a for a in task["annotations"] if not (a.get("skipped") or a.get("was_cancelled"))
    ]
    out = []
    for a in sorted(annotations, key=lambda x: x.get("created_at", 0), reverse=True):
        values = [r["value"] for r in a["result"] if r.get("from_name") in from_names]
        out.append(
            {
                "id": task["id"],
                "input": task["data"],
                "annotation_id": a.get("id"),
                "values": values,
            }
        )
    return out


def test_tasks_carry_the_ids_label_studios_converter_reads(export_corpus, exported) -> None:
    tasks, cfg = exported()
    reviewed = [t for t in tasks if "annotations" in t]
    items = [i for t in reviewed for i in converter_items(t, {cfg["from"]})]
    assert [t["id"] for t in tasks] == list(range(1, len(tasks) + 1))
    assert all(isinstance(i["annotation_id"], int) for i in items)
    assert len({i["annotation_id"] for i in items}) == len(items)
    assert all(p["id"] and p["task"] == t["id"] for t in tasks for p in t["predictions"])
    first = items[0]
    assert first["input"]["text"] == export_corpus[0].text
    assert any(v["text"] == "Владимир Путин" and v["labels"] == ["PER"] for v in first["values"])


def test_label_studios_own_converter_reads_the_export(tmp_path: Path, make_store) -> None:
    converter = pytest.importorskip("label_studio_converter")
    tasks_file = tmp_path / "tasks.json"
    export(make_store(), "labelstudio", tasks_file, ExportOptions())
    config = (tmp_path / "tasks.config.xml").read_text(encoding="utf-8")
    c = converter.Converter(config=config, project_dir=None)
    c.convert(str(tasks_file), str(tmp_path / "conll"), "CONLL2003", is_dir=False)
    lines = (tmp_path / "conll" / "result.conll").read_text(encoding="utf-8").splitlines()
    tagged = {line.split()[0]: line.split()[-1] for line in lines[1:] if line}
    assert tagged["Владимир"] == "B-PER" and tagged["Путин"] == "I-PER"
    c.convert(str(tasks_file), str(tmp_path / "min"), "JSON_MIN", is_dir=False)
    rows = json.loads((tmp_path / "min" / "result.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in rows] == [1, 2, 3]  # not the new (unreviewed) nor the skipped one
