"""Importing in a child process: the same report, progress, cancel, and one-line failures."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from benchmarks.generate import write_articles
from models.io.import_process import ImportProcessError, import_in_process
from models.store.schema import StoreError
from models.store.store import Store

pytestmark = pytest.mark.slow


def test_the_child_imports_into_the_file_and_reports(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", 2)
    bad = tmp_path / "in" / "empty.txt"
    bad.write_bytes(b"")
    db = tmp_path / "c.db"
    seen: list[tuple[int, int]] = []
    report = import_in_process(db, [tmp_path / "in"], progress=lambda d, a: seen.append((d, a)))
    assert len(report.added) == 2 and len(report.errors) == 1 and "empty.txt" in report.errors[0]
    assert seen[0] == (0, 0) and seen[-1] == (3, 2)
    store = Store(db)
    assert store.document_ids() == report.added
    assert store.document(report.added[0]).entities  # pre-annotated by the child
    assert store.document(report.added[0]).meta["file"] == str(paths[0])
    store.close()


def test_cancelled_before_the_first_article_stores_nothing(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    report = import_in_process(tmp_path / "c.db", [tmp_path / "in"], cancelled=lambda: True)
    assert report.added == [] and report.errors == []
    assert Store(tmp_path / "c.db").count_documents() == 0


def test_a_bad_database_is_its_one_line(tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(b"not a database" * 100)
    write_articles(tmp_path / "in", 1)
    with pytest.raises(StoreError) as err:
        import_in_process(db, [tmp_path / "in"])
    assert str(err.value).startswith(str(db)) and "\n" not in str(err.value)
    assert db.read_bytes() == b"not a database" * 100


def test_a_killed_child_is_a_failure_and_keeps_what_it_stored(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 30)
    db = tmp_path / "c.db"

    def kill_after_two(done: int, _added: int) -> None:
        if done >= 2:
            for proc in Path("/proc").glob("[0-9]*"):
                try:
                    cmdline = (proc / "cmdline").read_bytes()
                except OSError:
                    continue
                if b"models.io.import_process" in cmdline and str(db).encode() in cmdline:
                    os.kill(int(proc.name), signal.SIGKILL)

    with pytest.raises(ImportProcessError) as err:
        import_in_process(db, [tmp_path / "in"], progress=kill_after_two)
    assert "exit code -9" in str(err.value)
    store = Store(db)
    assert 2 <= store.count_documents() < 30
    assert all(store.document(i).text for i in store.document_ids())
    store.close()


def test_bad_records_are_the_reports_lines_not_the_childs_death(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 1)
    meta = json.dumps({"text": "Мэр Москвы открыл парк.", "meta": {"title": {"ru": "x"}}})
    (folder / "meta.jsonl").write_text(meta)
    (folder / "deep.json").write_text("[" * 10_000 + "]" * 10_000)
    (folder / os.fsdecode(b"\xff\nname.txt")).write_bytes(b"")
    report = import_in_process(tmp_path / "c.db", [folder])
    assert len(report.added) == 1
    assert sorted(report.errors) == [
        f"{folder}/\\xff\\nname.txt: empty file",
        f"{folder}/deep.json:1: broken JSON (nested too deeply); the rest of the file is not read",
        f"{folder}/meta.jsonl:1: meta.title is an object, not text",
    ]
