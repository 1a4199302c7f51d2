"""Bad inputs become one IngestError each (file, line, reason); the batch goes on."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from models.io.ingest import IngestError, load_paths
from models.spans import Document

GOOD = "Сергей Собянин открыл новую станцию метро в Москве."


def _load(*paths: Path) -> tuple[list[Document], list[str]]:
    items = list(load_paths(paths))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [str(i) for i in items if isinstance(i, IngestError)]
    return docs, errors


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary file"),
        (bytes(range(256)) * 4, "binary file"),
        (b"", "empty file"),
        (b"  \r\n\t\n", "empty file"),
        (b"\xef\xbb\xbf", "empty file"),
        (b"\xff\xfe", "empty file"),
        (
            "Новости дня: всё хорошо. ".encode() * 20 + b"\xff" + "Конец.".encode(),
            "not valid UTF-8 (bad byte at offset 880)",
        ),
        (b"\xff\xfe" + "Текст".encode("utf-16-le") + b"\x00\xd8", "not valid UTF-16"),
    ],
)
def test_unreadable_file_is_one_error_and_the_next_file_loads(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    bad = _write(tmp_path / "bad.txt", data)
    good = _write(tmp_path / "good.txt", GOOD)
    docs, errors = _load(bad, good)
    assert [d.text for d in docs] == [GOOD]
    assert len(errors) == 1
    assert errors[0].startswith(f"{bad}: ") and reason in errors[0]
    assert "\n" not in errors[0]


def test_missing_path_and_folder_without_text(tmp_path: Path) -> None:
    empty = tmp_path / "pictures"
    empty.mkdir()
    _write(empty / "photo.png", b"\x89PNG\x00")
    good = _write(tmp_path / "good.txt", GOOD)
    docs, errors = _load(tmp_path / "nope.txt", empty, good)
    assert len(docs) == 1
    assert errors == [
        f"{tmp_path / 'nope.txt'}: no such file or folder",
        f"{empty}: folder has no .txt, .json or .jsonl files",
    ]


def test_broken_json_line_is_reported_with_its_number(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": GOOD}, ensure_ascii=False),
        '{"text": "оборвано',
        "",
        json.dumps({"text": "Вторая новость."}, ensure_ascii=False),
    ]
    path = _write(tmp_path / "batch.JSONL", "\r\n".join(lines))
    docs, errors = _load(path)
    assert [d.text for d in docs] == [GOOD, "Вторая новость."]
    assert len(errors) == 1 and errors[0].startswith(f"{path}:2: broken JSON")


def test_broken_json_file_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "doc.json", '{\n  "text": "Текст",\n  oops\n}')
    _docs, errors = _load(path)
    assert len(errors) == 1 and errors[0].startswith(f"{path}:3: broken JSON")


def test_deeply_nested_json_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = _write(tmp_path / "deep.json", "[" * 100_000 + "]" * 100_000)
    _docs, errors = _load(path)
    assert errors == [f"{path}: broken JSON (nested too deeply)"]


@pytest.mark.parametrize(
    "record",
    [
        {"text": "Короткий текст.", "entities": [{"start": 0, "end": 99, "label": "PER"}]},
        {"text": "Короткий текст.", "entities": [{"start": -1, "end": 3, "label": "PER"}]},
        {"text": "Короткий текст.", "entities": [{"start": 5, "end": 5, "label": "PER"}]},
        {
            "text": "Короткий текст.",
            "entities": [{"start": 0, "end": 8, "label": "PER", "text": "Длинный"}],
        },
        {"text": "Короткий текст.", "entities": [{"start": "0", "end": 8, "label": "PER"}]},
        {"text": "Короткий текст.", "entities": [{"start": True, "end": 8, "label": "PER"}]},
        {"text": "Короткий текст.", "entities": [{"start": 0.5, "end": 8, "label": "PER"}]},
        {"text": "Короткий текст.", "entities": ["Короткий"]},
        {"text": "Короткий текст.", "entities": {"start": 0}},
        {"text": "Короткий текст.", "entities": [{"start": 0, "end": 8, "label": 7}]},
        {
            "text": "Короткий текст.",
            "entities": [{"start": 0, "end": 8, "label": "PER", "annotator": {"x": 1}}],
        },
        {"text": "Короткий текст.", "quotes": [{"start": 0, "end": 8, "speaker": "он"}]},
        {
            "text": "Короткий текст.",
            "quotes": [{"start": 0, "end": 8, "speaker": {"start": 9, "end": 30}}],
        },
        {
            "text": "Короткий текст.",
            "quotes": [{"start": 0, "end": 8, "speaker": {"start": 9, "end": 14, "text": "Текст"}}],
        },
        {"text": ""},
        {"text": 5},
        {"entities": []},
        ["not", "an", "object"],
        {"text": "Текст.", "status": "finished"},
        {"text": "Текст.", "meta": "x"},
    ],
)
def test_bad_record_is_refused_and_the_others_imported(tmp_path: Path, record: object) -> None:
    lines = [
        json.dumps({"text": GOOD}, ensure_ascii=False),
        json.dumps(record, ensure_ascii=False),
        json.dumps({"text": "Вторая новость."}, ensure_ascii=False),
    ]
    path = _write(tmp_path / "batch.jsonl", "\n".join(lines))
    docs, errors = _load(path)
    assert [d.text for d in docs] == [GOOD, "Вторая новость."]
    assert len(errors) == 1 and errors[0].startswith(f"{path}:2: "), errors


def test_record_index_is_named_in_a_json_list(tmp_path: Path) -> None:
    recs = [{"text": GOOD}, {"text": "Текст.", "entities": [{"start": 0, "end": 50}]}]
    path = _write(tmp_path / "list.json", json.dumps(recs, ensure_ascii=False))
    docs, errors = _load(path)
    assert len(docs) == 1
    assert errors == [f"{path}: record 2: entity 1 offsets 0-50 outside the text (length 6)"]


def test_a_span_that_matches_is_accepted(tmp_path: Path) -> None:
    rec = {
        "text": "Сказал Путин.",
        "entities": [{"start": 7, "end": 12, "label": "PER", "text": "Путин"}],
    }
    path = _write(tmp_path / "ok.jsonl", json.dumps(rec, ensure_ascii=False))
    docs, errors = _load(path)
    assert errors == []
    assert [(e.start, e.end, e.text) for e in docs[0].entities] == [(7, 12, "Путин")]


def test_empty_json_list_says_no_records(tmp_path: Path) -> None:
    path = _write(tmp_path / "none.json", "[]")
    assert _load(path) == ([], [f"{path}: no records in the file"])


def test_an_unreadable_subfolder_is_reported_not_skipped(tmp_path: Path) -> None:
    """Permissions bind only a user other than root: as root, a child runs as nobody."""
    folder = Path(tempfile.mkdtemp(prefix="razmetka-test-"))
    try:
        folder.chmod(0o755)
        (folder / "a.txt").write_text("Мэр Москвы открыл парк.", encoding="utf-8")
        (folder / "secret").mkdir()
        (folder / "secret" / "b.txt").write_text("Тайна.", encoding="utf-8")
        (folder / "secret").chmod(0o000)
        code = (
            "import sys; from models.io.importers.detect import read_paths;"
            "from models.io.ingest import load_paths;"
            "print(*map(str, read_paths([sys.argv[1]], 'auto', frozenset())), sep='\\n');"
            "print(*map(str, load_paths([sys.argv[1]])), sep='\\n')"
        )
        drop = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        if os.geteuid() == 0 and not shutil.which("setpriv"):
            pytest.skip("root ignores permissions and setpriv is missing")
        run = subprocess.run(
            [*(drop if os.geteuid() == 0 else []), sys.executable, "-c", code, str(folder)],
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parents[3],
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
            timeout=120,
        )
        assert run.returncode == 0, run.stderr
        lines = [line for line in run.stdout.splitlines() if "Permission denied" in line]
        assert lines == [f"{folder}/secret: cannot read the folder (Permission denied)"] * 2
    finally:
        (folder / "secret").chmod(0o755)
        shutil.rmtree(folder)
