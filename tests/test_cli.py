"""The command line through subprocess, as a user or a script would call it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.labels import sample_path

pytestmark = pytest.mark.slow


def test_annotate_prints_one_json_line_with_the_expected_entities(razmetka) -> None:
    run = razmetka("annotate", sample_path())
    assert run.returncode == 0, run.stderr
    (line,) = run.stdout.splitlines()
    doc = json.loads(line)
    assert doc["meta"]["date"] == "2025-11-26"
    found = {(e["label"], e["normal"]) for e in doc["entities"]}
    for want in [
        ("PER", "Владимир Путин"),
        ("PER", "Садыр Жапаров"),
        ("PER", "Юрий Крупнов"),
        ("LOC", "Россия"),
        ("LOC", "Киргизия"),
        ("ORG", "ЕАЭС"),
    ]:
        assert want in found
    for e in doc["entities"]:
        assert doc["text"][e["start"] : e["end"]] == e["text"]


def test_annotate_keeps_input_order_and_reports_bad_files(tmp_path: Path, razmetka) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Сергей Собянин посетил Казань.", encoding="utf-8")
    b.write_text("Мария Захарова выступила в Женеве.", encoding="utf-8")
    run = razmetka("annotate", b, tmp_path / "missing.txt", a)
    assert run.returncode == 1
    texts = [json.loads(line)["text"] for line in run.stdout.splitlines()]
    assert texts == [b.read_text(encoding="utf-8"), a.read_text(encoding="utf-8")]
    assert "missing.txt: no such file or folder" in run.stderr
    assert "Traceback" not in run.stderr


def test_import_is_idempotent_and_stats_count(tmp_path: Path, razmetka) -> None:
    db = tmp_path / "c.db"
    first = razmetka("import", "--db", db, sample_path())
    assert first.returncode == 0, first.stderr
    again = razmetka("import", "--db", db, sample_path().parent)
    assert again.returncode == 0
    assert "0 imported, 1 already" in again.stdout
    stats = json.loads(razmetka("stats", "--db", db, "--json").stdout)
    assert stats["documents"] == 1
    assert stats["by_status"] == {"new": 1}
    assert stats["by_label"]["PER"] >= 8


def test_database_from_environment_variable(tmp_path: Path, razmetka) -> None:
    db = tmp_path / "env.db"
    run = razmetka("import", sample_path(), env={"RAZMETKA_DB": str(db)})
    assert run.returncode == 0, run.stderr
    assert db.exists()


def test_export_jsonl_round_trips_text_and_offsets(tmp_path: Path, razmetka) -> None:
    db, out = tmp_path / "c.db", tmp_path / "out.jsonl"
    razmetka("import", "--db", db, sample_path())
    run = razmetka("export", "--db", db, "--format", "jsonl", "--out", out, "--status", "all")
    assert run.returncode == 0, run.stderr
    (line,) = out.read_text(encoding="utf-8").splitlines()
    doc = json.loads(line)
    assert doc["text"] == sample_path().read_text(encoding="utf-8")
    assert all(doc["text"][e["start"] : e["end"]] == e["text"] for e in doc["entities"])


def test_stats_on_missing_database_is_one_line(tmp_path: Path, razmetka) -> None:
    run = razmetka("stats", "--db", tmp_path / "nope.db")
    assert run.returncode == 1
    assert run.stderr.strip().count("\n") == 0 and "nope.db" in run.stderr
