"""A bad record never stops the batch: one line naming the file and why; the rest goes on.

Every record here is one that once aborted a whole folder (a traceback, or a bare
"database error") and skipped every file after it. The file name in the line is escaped,
so a name with a newline or an escape sequence cannot break the line or the terminal.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from models.io.importers import import_files
from models.store.store import Store

TEXT = "Мэр Москвы Сергей Собянин открыл парк."
GOOD = "Глава Минздрава Михаил Мурашко посетил Казань."


def ls_task(annotation: dict) -> str:
    return json.dumps([{"data": {"text": TEXT}, "annotations": [annotation]}], ensure_ascii=False)


def region(rid: str, start: object, end: int, label: str = "PER") -> dict:
    value = {"start": start, "end": end, "labels": [label]}
    return {"type": "labels", "id": rid, "from_name": "label", "to_name": "text", "value": value}


BAD = {
    "meta.jsonl": (
        json.dumps({"text": TEXT, "meta": {"title": {"ru": "Заголовок"}}}),
        "meta.title is an object, not text",
    ),
    "surrogate.jsonl": ('{"text": "Текст \\ud800 с половиной символа."}', "lone surrogate"),
    "deep.json": ("[" * 10_000 + "]" * 10_000, "nested too deeply"),
    "deep.jsonl": ('{"text": "x", "meta": ' + "[" * 10_000 + "]" * 10_000 + "}", "nested"),
    "no_result.json": (ls_task({"id": 1}), "annotation has no result"),
    "list_value.json": (
        ls_task({"result": [{"type": "labels", "id": "a", "value": [0, 3]}]}),
        "value is not an object",
    ),
    "relations.jsonl": (
        json.dumps(
            {
                "text": TEXT,
                "entities": [{"id": 1, "start_offset": 4, "end_offset": 10, "label": "LOC"}],
                "relations": 5,
            }
        ),
        '"relations" must be a list',
    ),
    "digits.jsonl": (
        '{"text": "Текст.", "entities": [{"start": ' + "7" * 5000 + ', "end": 2, "label": "PER"}]}',
        "too many digits",
    ),
    "true_offset.json": (ls_task({"result": [region("a", True, 3)]}), "offsets"),
}


def run(folder: Path, tmp_path: Path) -> tuple[list[str], Store]:
    (folder / "zz_good.txt").write_text(GOOD, encoding="utf-8")
    store = Store(tmp_path / "corpus.db")
    report = import_files(store, [folder])
    return report.errors, store


@pytest.mark.usefixtures("no_natasha")
@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_record_is_one_line_and_the_batch_goes_on(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    content, reason = BAD[name]
    (folder / name).write_text(content, encoding="utf-8")
    errors, store = run(folder, tmp_path)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{folder / name}") and reason in errors[0], errors[0]
    assert "\n" not in errors[0]
    assert [d.text for d in store.iter_documents()] == [GOOD]


@pytest.mark.usefixtures("no_natasha")
def test_file_names_are_escaped_in_the_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a\nb.txt").write_bytes(b"")
    (folder / "c\x1b[31md.txt").write_bytes(b"")
    (folder / os.fsdecode(b"e\xff.txt")).write_bytes(b"")
    errors, store = run(folder, tmp_path)
    assert errors == [
        f"{folder}/a\\nb.txt: empty file",
        f"{folder}/c\\x1b[31md.txt: empty file",
        f"{folder}/e\\xff.txt: empty file",
    ]
    assert store.count_documents() == 1


@pytest.mark.usefixtures("no_natasha")
def test_a_file_whose_name_is_not_utf8_is_imported(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"\xcd\xee\xe2\xee\xf1\xf2\xfc.txt")).write_text(TEXT, encoding="utf-8")
    errors, store = run(folder, tmp_path)
    assert errors == []
    files = sorted(d.meta["file"] for d in store.iter_documents())
    assert files == [
        f"{folder}/\\xcd\\xee\\xe2\\xee\\xf1\\xf2\\xfc.txt",
        str(folder / "zz_good.txt"),
    ]
