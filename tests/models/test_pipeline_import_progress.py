"""The window's import of a long document: progress through its paragraphs from the child
process, and Cancel in the middle of it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from test_pipeline_batches import long_document

from models.io.import_process import import_in_process
from models.store.store import Store

pytestmark = pytest.mark.slow


def _long_file(tmp_path: Path) -> Path:
    path = tmp_path / "long.txt"
    path.write_text(long_document().text, encoding="utf-8")
    return path


def test_the_child_reports_paragraphs_of_a_long_document(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    db = tmp_path / "c.db"
    report = import_in_process(
        db, [_long_file(tmp_path)], paragraphs=lambda d, t: seen.append((d, t))
    )
    assert len(report.added) == 1
    assert len(seen) >= 4 and seen[-1][0] == seen[-1][1]
    assert Store(db).count_documents() == 1


def test_cancel_in_the_middle_of_a_long_document_stores_nothing_and_stops_soon(
    tmp_path: Path,
) -> None:
    seen: list[tuple[int, int]] = []
    clicked: list[float] = []

    def part(done: int, total: int) -> None:
        seen.append((done, total))
        clicked.append(time.monotonic())

    db = tmp_path / "c.db"
    report = import_in_process(
        db, [_long_file(tmp_path)], paragraphs=part, cancelled=lambda: bool(clicked)
    )
    assert report.added == [] and report.errors == []
    assert seen[-1][0] < seen[-1][1]
    assert time.monotonic() - clicked[0] < 10
    assert Store(db).count_documents() == 0
