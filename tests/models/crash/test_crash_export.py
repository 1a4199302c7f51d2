"""kill -9 in the middle of an export: nothing that looks complete is left behind.

A line-per-document file cut after a record, or a folder holding the first DocBin shards,
reads as a smaller but valid corpus; a reader would train on it without a word. The
export writes into a hidden temporary folder and moves the result into place only once
it is complete, so after a kill the output is simply not there, and the next export
removes the dead one's temporary folder.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from models.io.exporters.spacy_docbin import SHARD
from models.io.jsonshape import content_id
from models.spans import Document, Entity
from models.store.store import Store

pytestmark = pytest.mark.slow
DOCUMENTS = 3000
STAGE = ".razmetka-tmp-"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "corpus.db"
    store = Store(path)
    for i in range(DOCUMENTS):
        text = f"Документ {i}. Мэр Москвы Сергей Собянин открыл парк в Зарядье. " * 8
        ent = Entity(text.index("Москвы"), text.index("Москвы") + 6, "LOC", "Москвы")
        store.add_document(
            Document(content_id(text), text, {"title": f"{i}"}, "done").with_annotations([ent], [])
        )
    store.close()
    return path


@pytest.fixture(scope="session")
def start_export(start) -> Callable[[Path, str, Path], subprocess.Popen[str]]:
    """``start_export(db, fmt, out)``: ``main.py export`` as a process of its own."""

    def export(db: Path, fmt: str, out: Path) -> subprocess.Popen[str]:
        return start("export", "--db", db, "--format", fmt, "--out", out)

    return export


def written(folder: Path) -> int:
    """Bytes written so far anywhere under ``folder`` (the export's temporary files too)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def shards(folder: Path) -> int:
    """DocBin shards written so far anywhere under ``folder``."""
    return len(list(folder.rglob("*.spacy")))


@pytest.fixture(scope="session")
def kill_mid_export(start_export) -> Callable[[Path, str, Path, Path], None]:
    """``kill_mid_export(db, fmt, out, watch)``: an export killed once ``watch`` holds
    part of its output."""

    def kill(db: Path, fmt: str, out: Path, watch: Path) -> None:
        proc = start_export(db, fmt, out)
        deadline = time.monotonic() + 240  # a guard against hanging, not a speed target
        while proc.poll() is None and time.monotonic() < deadline:
            if (shards(watch) >= 3) if fmt == "spacy" else (written(watch) >= 200_000):
                break
            time.sleep(0.005)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL, "the export finished before the kill"

    return kill


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "prodigy", "conll"])
def test_kill_9_mid_export_leaves_no_file_that_looks_complete(
    db: Path, tmp_path: Path, start_export, kill_mid_export, fmt: str
) -> None:
    out = tmp_path / "out" / "corpus.txt"
    out.parent.mkdir()
    kill_mid_export(db, fmt, out, out.parent)
    assert not out.exists()
    assert [p.name[: len(STAGE)] for p in out.parent.iterdir()] == [STAGE]

    again = start_export(db, fmt, out)
    _, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    # the dead temporary is gone; the data and its card are there
    assert sorted(p.name for p in out.parent.iterdir()) == ["corpus.README.md", out.name]


def test_kill_9_mid_spacy_export_leaves_no_corpus_spacy_would_read(
    db: Path, tmp_path: Path, start_export, kill_mid_export
) -> None:
    pytest.importorskip("spacy")
    from spacy.training.corpus import walk_corpus

    out = tmp_path / "docbin"
    kill_mid_export(db, "spacy", out, tmp_path)
    with pytest.warns(UserWarning):  # spaCy warns that it found no .spacy file
        assert walk_corpus(out, ".spacy") == []

    again = start_export(db, "spacy", out)
    _, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    assert not [p for p in out.iterdir() if p.name.startswith(STAGE)]
    assert len(walk_corpus(out, ".spacy")) == -(-DOCUMENTS // SHARD)
