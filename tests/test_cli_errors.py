"""Bad inputs and bad databases through the real command line (subprocess).

Each problem is one stderr line naming the file and the reason; no traceback; the rest
of the batch is imported; the exit code says whether anything failed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.io.ingest import document_from_text
from models.store.store import Store

pytestmark = pytest.mark.slow

NEWS = (
    "Губернатор Свердловской области Денис Паслер провел совещание в Екатеринбурге. "
    "По его словам, ремонт дорог завершат до конца сентября.\n\n"
    "Мэр города Алексей Орлов сказал журналистам, что подрядчики уже получили аванс."
)
KOI8_NEWS = (
    "Мэр Челябинска Наталья Котова открыла новую школу. Директор школы "
    "рассказал, что в ней будут учиться девятьсот детей."
)
LITERAL = (
    "<b>Путин</b> &amp; <script>alert('Медведев')</script> посетил Казань.\x07"
    "\x1b[31m Конец\x0b строки."
)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of good files in every encoding, and bad files of every kind."""
    d = tmp_path_factory.mktemp("batch")
    (d / "a_utf8.txt").write_text(NEWS, encoding="utf-8")
    (d / "b_bom.txt").write_bytes(b"\xef\xbb\xbf" + ("Второй. " + NEWS).encode())
    (d / "c_utf16.txt").write_bytes(("Третий. " + NEWS).encode("utf-16"))
    (d / "d_cp1251.txt").write_bytes(("Четвёртый. " + NEWS).replace("\n", "\r\n").encode("cp1251"))
    (d / "e_koi8.txt").write_bytes(KOI8_NEWS.replace("\n", "\r").encode("koi8_r"))
    (d / "f_literal.txt").write_text(LITERAL, encoding="utf-8")
    (d / "g_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (d / "h_empty.txt").write_bytes(b"")
    lines = [
        json.dumps({"text": "Пятый: Мария Захарова выступила в Женеве."}, ensure_ascii=False),
        '{"text": "оборванная строка',
        json.dumps(
            {"text": "Шестой текст.", "entities": [{"start": 0, "end": 40, "label": "PER"}]},
            ensure_ascii=False,
        ),
        json.dumps(
            {
                "text": "Седьмой текст.",
                "entities": [{"start": 0, "end": 7, "label": "PER", "text": "Восьмой"}],
            },
            ensure_ascii=False,
        ),
        json.dumps({"text": "Девятый: Игорь Петров приехал в Пермь."}, ensure_ascii=False),
    ]
    (d / "i_batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (d / "pictures").mkdir()
    (d / "pictures" / "photo.png").write_bytes(b"\x89PNG\x00")
    return d


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def test_import_reports_each_bad_file_once_and_imports_the_rest(
    batch: Path, tmp_path: Path, razmetka
) -> None:
    db = tmp_path / "corpus.db"
    run = razmetka("import", "--db", db, batch, tmp_path / "missing.txt")
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    errors = _errors(run.stderr)
    expected = [
        (batch / "g_binary.txt", "binary file"),
        (batch / "h_empty.txt", "empty file"),
        (f"{batch / 'i_batch.jsonl'}:2", "broken JSON"),
        (f"{batch / 'i_batch.jsonl'}:3", "outside the text"),
        (f"{batch / 'i_batch.jsonl'}:4", "'Восьмой' but the text there is 'Седьмой'"),
        (tmp_path / "missing.txt", "no such file or folder"),
    ]
    assert len(errors) == len(expected), run.stderr
    for where, reason in expected:
        assert any(e.startswith(f"{where}: ") and reason in e for e in errors), (where, errors)
    assert "8 imported" in run.stdout and "6 failed" in run.stdout

    texts = {d.text for d in Store(db).iter_documents()}
    assert NEWS in texts and "Второй. " + NEWS in texts and "Третий. " + NEWS in texts
    assert "Четвёртый. " + NEWS in texts  # cp1251 with CRLF, normalized
    assert KOI8_NEWS in texts  # koi8-r with CR line ends
    assert LITERAL in texts  # markup and control characters kept as they are
    assert "Пятый: Мария Захарова выступила в Женеве." in texts
    assert "Девятый: Игорь Петров приехал в Пермь." in texts

    out = tmp_path / "corpus.jsonl"
    run = razmetka("export", "--db", db, "--format", "jsonl", "--status", "all", "--out", out)
    assert run.returncode == 0, run.stderr
    exported = [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert LITERAL in exported and KOI8_NEWS in exported  # exported as stored


def test_a_folder_with_no_text_is_an_error(batch: Path, tmp_path: Path, razmetka) -> None:
    run = razmetka("import", "--db", tmp_path / "c.db", batch / "pictures")
    assert run.returncode == 1
    assert _errors(run.stderr) == [
        f"{batch / 'pictures'}: folder has no .txt, .json, .jsonl or .ann files"
    ]


def test_annotate_prints_good_documents_and_reports_bad_ones(batch: Path, razmetka) -> None:
    run = razmetka(
        "annotate", batch / "e_koi8.txt", batch / "g_binary.txt", batch / "f_literal.txt"
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert _errors(run.stderr) == [
        f"{batch / 'g_binary.txt'}: binary file (contains NUL bytes), not text"
    ]
    docs = [json.loads(line) for line in run.stdout.splitlines()]
    assert [d["text"] for d in docs] == [KOI8_NEWS, LITERAL]
    assert ("PER", "Наталья Котова") in {(e["label"], e["normal"]) for e in docs[0]["entities"]}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"just some notes\n" * 100, "not a razmetka database"),
        (b"SQLite format 3\x00" + b"\xa5" * 8084, "damaged (its header is not valid)"),
    ],
)
def test_import_into_a_file_that_is_not_a_database(
    tmp_path: Path, batch: Path, content: bytes, reason: str, razmetka
) -> None:
    db = tmp_path / "notes.db"
    db.write_bytes(content)
    before = sha(db)
    run = razmetka("import", "--db", db, batch / "a_utf8.txt")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    (line,) = _errors(run.stderr)
    assert line.startswith(f"razmetka: {db}: ") and reason in line
    assert sha(db) == before


def test_newer_and_read_only_databases(tmp_path: Path, batch: Path, razmetka) -> None:
    db = tmp_path / "corpus.db"
    store = Store(db)
    store.add_document(document_from_text(NEWS))
    store.close()
    db.chmod(0o444)
    before = sha(db)
    run = razmetka("import", "--db", db, batch / "a_utf8.txt")
    assert run.returncode == 1 and "read-only" in run.stderr and "Traceback" not in run.stderr
    stats = razmetka("stats", "--db", db, "--json")  # reading a read-only file works
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["documents"] == 1
    out = tmp_path / "out.jsonl"
    export = razmetka("export", "--db", db, "--format", "jsonl", "--status", "all", "--out", out)
    assert export.returncode == 0, export.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["text"] == NEWS
    assert sha(db) == before

    db.chmod(0o644)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 42")
    conn.close()
    before = sha(db)
    for cmd in (("import", "--db", db, batch / "a_utf8.txt"), ("stats", "--db", db)):
        run = razmetka(*cmd)
        assert run.returncode == 1
        (line,) = _errors(run.stderr)
        assert "newer razmetka (schema 42" in line
    assert sha(db) == before


def test_backup_command(tmp_path: Path, razmetka) -> None:
    db, out = tmp_path / "corpus.db", tmp_path / "copy.db"
    store = Store(db)
    store.add_document(document_from_text(NEWS))
    store.close()
    run = razmetka("backup", "--db", db, "--out", out)
    assert run.returncode == 0, run.stderr
    assert Store(out, readonly=True).stats()["documents"] == 1

    notes = tmp_path / "notes.txt"
    notes.write_text("не база данных")
    run = razmetka("backup", "--db", db, "--out", notes)
    assert run.returncode == 1 and "not overwritten" in run.stderr
    assert notes.read_text() == "не база данных"
    run = razmetka("backup", "--db", tmp_path / "nope.db", "--out", out)
    assert run.returncode == 1 and "no such database" in run.stderr


def _small_db(path: Path) -> Path:
    store = Store(path)
    store.add_document(document_from_text(NEWS))
    store.close()
    return path


def test_backup_never_onto_the_database_and_onto_a_file_only_with_force(
    tmp_path: Path, razmetka
) -> None:
    db = _small_db(tmp_path / "corpus.db")
    before = sha(db)
    for target in (db, Path(f"{db}-wal"), tmp_path / "." / "corpus.db"):
        for extra in ((), ("--force",)):
            run = razmetka("backup", "--db", db, "--out", target, *extra)
            assert run.returncode == 1 and "Traceback" not in run.stderr
            (line,) = _errors(run.stderr)
            assert "is the database being read" in line and "backed up" not in run.stdout
    assert sha(db) == before

    old = _small_db(tmp_path / "old.db")  # yesterday's backup
    old_hash = sha(old)
    run = razmetka("backup", "--db", db, "--out", old)
    assert run.returncode == 1
    assert _errors(run.stderr) == [
        f"razmetka: {old}: exists; not overwritten (--force replaces it)"
    ]
    assert sha(old) == old_hash
    run = razmetka("backup", "--db", db, "--out", old, "--force")
    assert run.returncode == 0, run.stderr
    assert Store(old, readonly=True).stats()["documents"] == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".razmetka-tmp-")]


def test_export_onto_an_existing_file_needs_force(tmp_path: Path, razmetka) -> None:
    db = _small_db(tmp_path / "corpus.db")
    notes = tmp_path / "notes.jsonl"
    notes.write_text("мои заметки\n")
    run = razmetka("export", "--db", db, "--format", "jsonl", "--status", "all", "--out", notes)
    assert run.returncode == 1
    assert _errors(run.stderr) == [
        f"razmetka: {notes}: exists; not overwritten (--force replaces it)"
    ]
    assert notes.read_text() == "мои заметки\n"
    run = razmetka(
        "export", "--db", db, "--format", "jsonl", "--status", "all", "--out", notes, "--force"
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(notes.read_text(encoding="utf-8"))["text"] == NEWS


@pytest.fixture
def unprivileged(razmetka):  # type: ignore[no-untyped-def]
    """``unprivileged(*args)``: razmetka as a user whom file permissions bind (root
    ignores them)."""

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        if os.geteuid() != 0:
            return razmetka(*args)
        drop = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        return razmetka(*args, env={"PYTHONDONTWRITEBYTECODE": "1"}, prefix=drop)

    return run


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder every user may read (pytest's tmp_path is private to its owner)."""
    folder = Path(tempfile.mkdtemp(prefix="razmetka-test-"))
    folder.chmod(0o755)
    yield folder
    for p in folder.rglob("*"):
        if p.is_dir():
            p.chmod(0o755)
    shutil.rmtree(folder)


@pytest.mark.skipif(os.geteuid() == 0 and not shutil.which("setpriv"), reason="needs setpriv")
def test_export_where_it_cannot_be_written_is_one_line(open_folder: Path, unprivileged) -> None:
    db = _small_db(open_folder / "corpus.db")
    db.chmod(0o644)
    locked = open_folder / "locked"
    locked.mkdir(mode=0o555)
    locked.chmod(0o555)
    long_name = open_folder / ("д" * 300 + ".jsonl")
    cases = [
        (locked / "c.jsonl", (), "cannot write the export (Permission denied)"),
        (locked / "brat", (), "Permission denied"),
        (long_name, (), "File name too long"),
        (Path("/dev/full"), ("--force",), "not a regular file; not overwritten"),
    ]
    for out, extra, reason in cases:
        fmt = "brat" if out.name == "brat" else "jsonl"
        run = unprivileged(
            "export", "--db", db, "--format", fmt, "--status", "all", "--out", out, *extra
        )
        assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
        (line,) = _errors(run.stderr)
        assert line.startswith(f"razmetka: {out}: ") and reason in line, line
    assert list(locked.iterdir()) == []


def test_a_file_name_with_control_characters_stays_one_escaped_line(
    tmp_path: Path, razmetka
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "red\x1b[31m\nname.txt").write_bytes(b"")
    (folder / "good.txt").write_text(NEWS, encoding="utf-8")
    run = razmetka("import", "--db", tmp_path / "c.db", folder)
    assert run.returncode == 1 and "\x1b" not in run.stderr
    assert _errors(run.stderr) == [f"{folder}/red\\x1b[31m\\nname.txt: empty file"]
    assert "1 imported" in run.stdout
