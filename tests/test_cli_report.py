"""Exports and reports that do not mislead, through the command line as a new user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.labels import sample_path

pytestmark = pytest.mark.slow


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    from main import main

    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The bundled sample imported: one document, status new, nothing reviewed."""
    path = tmp_path / "c.db"
    assert run(capsys, "import", "--db", path, sample_path())[0] == 0
    return path


def test_export_with_nothing_done_says_what_was_left_out_and_how_to_include_it(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "export", "--db", db, "--format", "conll", "--out", tmp_path / "c")
    assert code == 0 and out.startswith("0 documents exported as conll")
    assert "not selected by status: 1 new (--status all exports them)" in err
    code, out, err = run(
        capsys,
        "export",
        "--db",
        db,
        "--format",
        "conll",
        "--out",
        tmp_path / "d",
        "--status",
        "all",
    )
    assert out.startswith("1 documents exported") and "not selected" not in err


def test_evaluate_db_before_any_review_refuses_to_compare(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "evaluate", "--db", db)
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and "nothing reviewed to compare" in err


def test_stats_keeps_labels_apart_from_statuses(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "stats", "--db", db)
    sections = out.split("\n\n")
    assert code == 0 and sections[1].startswith("by status:\n  new ")
    assert sections[2].startswith("entities by label:\n") and "PER" in sections[2]
    assert "new" not in sections[2] and "PER" not in sections[1]


def test_evaluate_help_names_no_file_the_repository_lacks(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        run(capsys, "evaluate", "--help")
    text = " ".join(capsys.readouterr().out.split())
    assert "quotes_dev.json" not in text
    assert "tests/data/quotes_corpus.json" in text and "jsonl export" in text
    assert (Path(__file__).parent / "data" / "quotes_corpus.json").is_file()


def test_evaluate_gold_reads_its_own_jsonl_export(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = tmp_path / "gold.jsonl"
    run(capsys, "export", "--db", db, "--format", "jsonl", "--out", gold, "--status", "all")
    record = json.loads(gold.read_text(encoding="utf-8"))
    record["entities"] = record["entities"][1:]  # the gold disagrees with the model once
    gold.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "evaluate", "--gold", gold)
    assert code == 0, err
    rows = {line.split()[0]: line.split() for line in out.splitlines()[2:]}
    assert {"PER", "LOC", "ORG", "ALL", "QUOTE"} <= set(rows)
    assert rows["ALL"][5] == "1"  # tp, fp = 1, fn = 0
    assert rows["QUOTE"][3] == "1.000"
    bad = tmp_path / "bad.json"
    bad.write_text('{"documents": []}', encoding="utf-8")
    code, out, err = run(capsys, "evaluate", "--gold", bad)
    assert code != 0 and err.count("\n") == 1 and "expected razmetka's jsonl export" in err
