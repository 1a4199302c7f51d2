"""``main.py reannotate``: natasha re-run over a stored database, as a user runs it.

The stored snapshot is an "old" one with a span no model would make ("Директор" as a
person); the reviewer has added a span of their own. A re-run replaces the snapshot and
leaves the curated spans; with --refresh-suggestions the untouched suggestion goes too,
and the reviewer's span still stays.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.io.ingest import document_from_text
from models.spans import Entity
from models.store.store import Store

pytestmark = pytest.mark.slow

TEXT = "Директор компании «Вектор» Иван Петров открыл завод в Казани."
MINE = Entity(
    TEXT.index("завод"),
    TEXT.index("завод") + 5,
    "ORG",
    "завод",
    "завод",
    state="added",
    annotator="anna",
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "old.db"
    old = Entity(0, 8, "PER", "Директор", "Директор")
    store = Store(path)
    store.add_document(document_from_text(TEXT).with_annotations([old, MINE], []))
    store.close()
    return path


def _read(path: Path):  # type: ignore[no-untyped-def]
    store = Store(path)
    try:
        doc_id = store.document_ids()[0]
        return store.document(doc_id), store.predictions(doc_id)
    finally:
        store.close()


def test_reannotate_replaces_the_snapshot_only(db: Path, razmetka) -> None:
    before, _ = _read(db)
    run = razmetka("reannotate", "--db", db)
    assert run.returncode == 0, run.stderr
    after, model = _read(db)
    assert after.entities == before.entities  # curated: as they were
    assert "Директор" not in {e.text for e in model.entities}
    assert ("PER", "Иван Петров") in {(e.label, e.normal) for e in model.entities}
    assert "1 document reannotated: 1 model snapshot changed" in run.stdout
    assert "--refresh-suggestions updates them" in run.stdout


def test_refresh_suggestions_updates_only_the_untouched(db: Path, razmetka) -> None:
    run = razmetka("reannotate", "--db", db, "--refresh-suggestions")
    assert run.returncode == 0, run.stderr
    after, _ = _read(db)
    texts = {e.text for e in after.entities}
    assert "Директор" not in texts and "Иван Петров" in texts
    mine = next(e for e in after.entities if e.text == "завод")
    assert (mine.label, mine.normal, mine.state, mine.annotator) == (
        "ORG",
        "завод",
        "added",
        "anna",
    )
    assert "untouched suggestions refreshed in 1 document:" in run.stdout
    again = razmetka("reannotate", "--db", db, "--refresh-suggestions")
    assert "0 model snapshots changed, 1 the same" in again.stdout
    assert _read(db)[0].entities == after.entities


def test_a_wrong_status_is_one_line(db: Path, razmetka) -> None:
    run = razmetka("reannotate", "--db", db, "--status", "finished")
    assert run.returncode != 0
    assert run.stderr.strip().count("\n") == 0 and "finished" in run.stderr
