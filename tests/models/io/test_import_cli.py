"""``import --format/--merge`` and ``export`` notes through the command line, in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.io.jsonshape import document_to_json

pytestmark = pytest.mark.slow


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    from main import main

    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_import_merge_and_export_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], doc_a
) -> None:
    db, gold = tmp_path / "c.db", tmp_path / "gold.jsonl"
    record = document_to_json(doc_a)
    gold.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", "--db", db, gold)
    assert code == 0 and out.startswith("1 imported, 0 already")
    record["entities"] = record["entities"][:1]
    gold.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", "--db", db, gold)
    assert "0 imported, 1 already in the database (1 with annotations: --merge" in out
    code, out, _ = run(capsys, "import", "--db", db, "--merge", "--format", "jsonl", gold)
    assert code == 0 and "0 imported, 1 merged, 0 already" in out
    code, out, err = run(
        capsys, "export", "--db", db, "--format", "conll", "--out", tmp_path / "c.conll"
    )
    assert code == 0 and "1 documents exported" in out
    assert "left out: 2 quotes (CoNLL has no place for them)" in err


def test_export_option_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "c.db"
    run(capsys, "import", "--db", db, tmp_path / "missing.txt")
    code, _out, err = run(
        capsys,
        "export",
        "--db",
        db,
        "--format",
        "jsonl",
        "--out",
        tmp_path / "o",
        "--split",
        "train=2",
    )
    assert code == 1 and err.strip().count("\n") == 0 and "--split" in err
