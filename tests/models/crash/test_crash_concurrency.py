"""Two processes on one database: a window-like reader/editor while `import` adds documents.

WAL lets the reader read while the importer writes; every write takes the lock up front
(BEGIN IMMEDIATE) and waits its turn, so neither side sees an error, and the reader's
next query shows the new documents without reopening anything.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from benchmarks.generate import write_articles
from models.io.ingest import document_from_text
from models.spans import Entity
from models.store.store import Store

pytestmark = pytest.mark.slow


def test_reader_and_editor_work_during_an_import_and_see_new_documents(
    tmp_path: Path, start_import, check_whole
) -> None:
    db = tmp_path / "corpus.db"
    window = Store(db)  # stays open all along, like the window
    for n in range(3):
        note = document_from_text(f"Заметка {n}: Сергей Собянин в Москве.")
        window.add_document(
            note.with_annotations([Entity(11, 25, "PER", "Сергей Собянин", "Сергей Собянин")], [])
        )
    first = window.document_ids()[0]
    write_articles(tmp_path / "articles", 12)

    proc = start_import(db, tmp_path / "articles")
    seen, statuses = [], ["in_progress", "done"]
    while proc.poll() is None:
        seen.append(window.count_documents())
        window.lists.summaries(0, 50)
        window.lists.summaries(0, 50, search="Киргизии")
        window.stats()
        window.set_status(first, statuses[len(seen) % 2])  # an edit mid-import
        time.sleep(0.02)
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert "12 imported" in out
    assert seen == sorted(seen)  # never a document lost from view
    assert window.count_documents() == 15  # no reopen needed
    assert len(window.lists.summaries(0, 100)) == 15
    assert len(window.lists.summaries(0, 100, search="Киргизии")) == 12
    assert window.document_status(first) in statuses
    window.close()
    check_whole(db, 15)


def test_two_importers_at_once_store_every_document_once(
    tmp_path: Path, start_import, check_whole
) -> None:
    db = tmp_path / "corpus.db"
    Store(db).close()
    write_articles(tmp_path / "articles", 16)
    procs = [start_import(db, tmp_path / "articles") for _ in range(2)]
    outputs = [p.communicate(timeout=600) for p in procs]
    added = 0
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
        assert "Traceback" not in err and "not saved" not in err
        added += int(re.search(r"(\d+) imported", out).group(1))  # type: ignore[union-attr]
    assert added == 16
    check_whole(db, 16)
