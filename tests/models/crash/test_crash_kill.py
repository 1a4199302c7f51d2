"""kill -9 in the middle of a batch import, then the same import again.

Each document is one transaction (text, spans, model snapshot, search row, log entry),
so a killed import leaves only whole documents, and running it again adds exactly the
missing ones: every document once, none half-written.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from benchmarks.generate import write_articles

pytestmark = pytest.mark.slow
ARTICLES = 40


@pytest.mark.parametrize("jobs", [1, 2])
def test_kill_9_mid_import_then_import_again(
    tmp_path: Path, start_import, count_documents, wait_for_documents, check_whole, jobs: int
) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, ARTICLES, seed=jobs)
    db = tmp_path / "corpus.db"
    proc = start_import(db, "--jobs", str(jobs), folder)
    stored = wait_for_documents(db, proc, at_least=3)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the import finished before the kill"
    killed_at = count_documents(db)
    assert 3 <= stored <= killed_at < ARTICLES
    check_whole(db, killed_at)

    again = start_import(db, "--jobs", str(jobs), folder)
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    assert "Traceback" not in err
    assert f"{ARTICLES - killed_at} imported, {killed_at} already in the database" in out
    check_whole(db, ARTICLES)
