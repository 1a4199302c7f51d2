"""Exports never lose a file they did not write: the database, the user's files, links.

Each test plants what a careless or hostile folder holds (the database itself, a user's
notes, an edited export file, a forged manifest, links pointing out of the folder) and
checks the export refuses in one line and leaves every byte of it as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from models.io.exporters import ExportOptions, export
from models.store.store import Store

MANIFEST = "razmetka-export.json"
EVERY = ExportOptions()


def tree(folder: Path) -> dict[str, str]:
    """Every entry under ``folder`` (links not followed) with its content hash or target."""
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            p = Path(root) / name
            rel = str(p.relative_to(folder))
            if p.is_symlink():
                out[rel] = "-> " + os.readlink(p)
            elif p.is_file():
                out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
            else:
                out[rel] = "dir"
    return out


def one_line(exc: pytest.ExceptionInfo[BaseException]) -> str:
    message = str(exc.value)
    assert message and "\n" not in message
    return message


@pytest.fixture
def db(tmp_path: Path, export_corpus) -> Path:
    """A database file with the hand-made corpus, cleanly closed."""
    path = tmp_path / "data" / "corpus.db"
    path.parent.mkdir()
    store = Store(path)
    for d in export_corpus:
        store.add_document(d)
    store.close()
    return path


@pytest.mark.parametrize("name", ["corpus.db", "corpus.db-wal", "corpus.db-shm"])
@pytest.mark.parametrize(("fmt", "split"), [("jsonl", None), ("brat", None), ("jsonl", "a=1")])
def test_out_naming_the_database_or_its_sidecars_is_refused(
    db: Path, export_corpus, name: str, fmt: str, split: str | None
) -> None:
    store = Store(db, readonly=True)
    before = tree(db.parent)
    for force in (False, True):
        with pytest.raises(ValueError, match="database") as info:
            export(store, fmt, db.parent / name, ExportOptions(split=split), force=force)
        assert one_line(info).startswith(f"{db.parent / name}: ")
    store.close()
    assert tree(db.parent) == before
    assert Store(db, readonly=True).count_documents() == len(export_corpus)


def test_a_link_to_the_database_is_refused_too(db: Path, tmp_path: Path) -> None:
    (tmp_path / "soft.jsonl").symlink_to(db)
    os.link(db, tmp_path / "hard.jsonl")
    store = Store(db, readonly=True)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for out in (tmp_path / "soft.jsonl", tmp_path / "hard.jsonl"):
        with pytest.raises(ValueError, match="database"):
            export(store, "jsonl", out, EVERY, force=True)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_the_manifest_lists_only_what_the_export_wrote(
    tmp_path: Path, export_corpus, make_store
) -> None:
    out = tmp_path / "brat"
    export(make_store(), "brat", out, EVERY)
    # the user keeps their notes and a database beside the export
    (out / "NOTES.md").write_text("что поправить")
    for name in ("mine.db", "mine.db-wal", "mine.db-shm"):
        (out / name).write_bytes(b"SQLite format 3\x00" + bytes(100))
    mine = {k: v for k, v in tree(out).items() if k.startswith(("NOTES", "mine"))}
    export(make_store(), "brat", out, EVERY)
    listed = {e["name"] for e in json.loads((out / MANIFEST).read_text())["files"]}
    assert not listed & set(mine)
    export(make_store(export_corpus[:1]), "brat", out, EVERY)
    assert {k: v for k, v in tree(out).items() if k in mine} == mine
    assert len(list(out.glob("*.ann"))) == 1


def test_a_file_changed_since_the_export_is_not_removed(tmp_path: Path, make_store) -> None:
    out = tmp_path / "brat"
    export(make_store(), "brat", out, EVERY)
    edited = sorted(out.glob("*.ann"))[0]
    edited.write_text(edited.read_text() + "T99\tPER 0 1\tП\n")  # corrected by hand
    before = tree(out)
    with pytest.raises(ValueError, match="changed") as info:
        export(make_store(), "brat", out, EVERY)
    assert edited.name in one_line(info)
    assert tree(out) == before


@pytest.mark.parametrize("name", ["../victim", "/abs/victim", ".", "..", "sub/x", ""])
def test_a_planted_manifest_naming_anything_but_a_child_is_refused(
    tmp_path: Path, make_store, name: str
) -> None:
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "keep.txt").write_text("keep")
    out = tmp_path / "out"
    out.mkdir()
    (out / "x").write_text("x")
    for files in ([name], [{"name": name, "size": 4, "sha256": "0" * 64}]):
        (out / MANIFEST).write_text(json.dumps({"files": files}))
        before = tree(tmp_path)
        with pytest.raises(ValueError) as info:
            export(make_store(), "brat", out, EVERY)
        assert one_line(info).startswith(f"{out / MANIFEST}: ")
        assert tree(tmp_path) == before


@pytest.mark.parametrize(
    "content",
    ['{"files": 5}', "not json at all", "[]", '{"files": [{"name": 3}]}', '{"files": [7]}'],
)
def test_a_bad_manifest_is_one_line_and_nothing_is_touched(
    tmp_path: Path, make_store, content: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST).write_text(content)
    (out / "keep.txt").write_text("keep")
    before = tree(out)
    with pytest.raises(ValueError) as info:
        export(make_store(), "brat", out, EVERY)
    assert one_line(info).startswith(f"{out / MANIFEST}: ")
    assert tree(out) == before


def test_writers_never_follow_a_link_planted_in_the_folder(
    tmp_path: Path, export_corpus, make_store
) -> None:
    out = tmp_path / "brat"
    export(make_store(export_corpus[:1]), "brat", out, EVERY)
    outside = tmp_path / "outside"
    outside.mkdir()
    doc_id = export_corpus[1].id
    (out / f"{doc_id}.txt").symlink_to(outside / "victim.txt")  # dangling
    (out / f"{doc_id}.ann").symlink_to(outside)  # a folder
    before = tree(tmp_path)
    with pytest.raises(ValueError) as info:
        export(make_store(), "brat", out, EVERY)
    assert doc_id in one_line(info)
    assert tree(tmp_path) == before
    assert not (outside / "victim.txt").exists()


def test_a_split_part_planted_as_a_link_is_not_written_through(tmp_path: Path, make_store) -> None:
    out = tmp_path / "parts"
    options = ExportOptions(split="train=0.5,dev=0.5")
    export(make_store(), "jsonl", out, options)
    outside = tmp_path / "outside"
    outside.mkdir()
    (out / "train.jsonl").unlink()
    (out / "train.jsonl").symlink_to(outside / "stolen.jsonl")
    before = tree(tmp_path)
    with pytest.raises(ValueError, match=r"train\.jsonl"):
        export(make_store(), "jsonl", out, options)
    assert tree(tmp_path) == before


def test_a_single_file_export_onto_an_existing_file_needs_force(
    tmp_path: Path, export_corpus, make_store
) -> None:
    notes = tmp_path / "notes.jsonl"
    notes.write_text("мои заметки\n")
    with pytest.raises(ValueError, match="exists") as info:
        export(make_store(), "jsonl", notes, EVERY)
    assert one_line(info).startswith(f"{notes}: ")
    assert notes.read_text() == "мои заметки\n"
    report = export(make_store(), "jsonl", notes, EVERY, force=True)
    assert len(notes.read_text().splitlines()) == report.documents == len(export_corpus)


def test_the_label_studio_config_beside_the_file_is_not_overwritten(
    tmp_path: Path, make_store
) -> None:
    (tmp_path / "tasks.config.xml").write_text("<View/>")
    with pytest.raises(ValueError, match=r"tasks\.config\.xml"):
        export(make_store(), "labelstudio", tmp_path / "tasks.json", EVERY)
    assert (tmp_path / "tasks.config.xml").read_text() == "<View/>"
    assert not (tmp_path / "tasks.json").exists()


def test_an_interrupted_export_leaves_no_output_and_keeps_the_previous_one(
    tmp_path: Path,
    export_corpus,
    make_store,
) -> None:
    def interrupt(done: int, _report: object) -> None:
        if done == 2:
            raise KeyboardInterrupt

    single = tmp_path / "c.jsonl"
    with pytest.raises(KeyboardInterrupt):
        export(make_store(), "jsonl", single, EVERY, interrupt)
    assert list(tmp_path.iterdir()) == []  # no file, no temporary left behind
    with pytest.raises(KeyboardInterrupt):
        export(make_store(), "brat", tmp_path / "new", EVERY, interrupt)
    assert list(tmp_path.iterdir()) == []  # not even the folder it made
    out = tmp_path / "brat"
    export(make_store(export_corpus[:1]), "brat", out, EVERY)
    before = tree(out)
    with pytest.raises(KeyboardInterrupt):
        export(make_store(), "brat", out, EVERY, interrupt)
    assert tree(out) == before


def test_a_stale_temporary_of_a_dead_export_is_cleaned_up(tmp_path: Path, make_store) -> None:
    dead = tmp_path / ".razmetka-tmp-999999999-0123abcd"  # no such process
    dead.mkdir()
    (dead / "c.jsonl").write_text("{}\n")
    alive = tmp_path / f".razmetka-tmp-{os.getpid()}-89abcdef"  # a running export's
    alive.mkdir()
    lookalike = tmp_path / ".razmetka-tmp-notes"
    lookalike.write_text("mine")
    export(make_store(), "jsonl", tmp_path / "c.jsonl", EVERY)
    assert not dead.exists() and alive.is_dir() and lookalike.read_text() == "mine"
