"""One rule for quote edits and imports: quotes never overlap (models.overlap).

A quote split by the author's words is two quotes side by side; nested „…“ stay inside
one quote. So what an edit accepts, every import reads back, and what an import refuses,
no edit makes.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from models.io.exporters import ExportOptions, export
from models.io.importers import import_files
from models.overlap import RULE, first_overlap
from models.service.annotation import AnnotationService, EditError
from models.service.corpus import export_suffix
from models.store.store import Store

TEXT = (
    "«Мы договорились, — сказал Путин журналистам. — Это важный шаг». "
    "Глава «Ромашки» Иван Петров добавил: «Мы „за“ и готовы работать»."
)


pytestmark = pytest.mark.usefixtures("no_natasha")


def words(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


@pytest.fixture
def svc(simple_forms, add_doc) -> tuple[AnnotationService, str]:
    store = Store.in_memory()
    doc = add_doc(store, TEXT, {"Путин": "PER", "Иван Петров": "PER"})
    return AnnotationService(store, "ann", forms=simple_forms), doc.id


def test_a_split_quote_is_two_quotes_side_by_side(svc) -> None:  # type: ignore[no-untyped-def]
    service, doc_id = svc
    service.add_quote(doc_id, *words(TEXT, "Мы договорились"))
    service.add_quote(doc_id, *words(TEXT, "Это важный шаг"))
    nested = service.add_quote(doc_id, *words(TEXT, "Мы „за“ и готовы работать"))
    assert nested.changes[0].after.text == "Мы „за“ и готовы работать"  # „за“ stays inside
    assert len(service.document(doc_id).quotes) == 3


def test_an_overlapping_quote_is_refused_with_the_rule(svc) -> None:  # type: ignore[no-untyped-def]
    service, doc_id = svc
    service.add_quote(doc_id, *words(TEXT, "Мы „за“ и готовы работать"))
    with pytest.raises(EditError, match="already marked"):
        service.add_quote(doc_id, *words(TEXT, "Мы „за“ и готовы работать"))
    with pytest.raises(EditError) as inside:
        service.add_quote(doc_id, *words(TEXT, "„за“"))  # nested: it stays inside, no quote
    assert "«за» overlaps the quote «Мы „за“ и готовы" in str(inside.value)
    assert RULE in str(inside.value)
    with pytest.raises(EditError, match="overlaps"):
        service.add_quote(doc_id, *words(TEXT, "добавил: «Мы"))  # across an edge
    assert len(service.document(doc_id).quotes) == 1


def test_a_quote_edge_cannot_move_into_the_next_quote(svc) -> None:  # type: ignore[no-untyped-def]
    service, doc_id = svc
    first = service.add_quote(doc_id, *words(TEXT, "Мы договорились")).changes[0].after
    service.add_quote(doc_id, *words(TEXT, "Это важный шаг"))
    with pytest.raises(EditError, match="overlaps the quote «Это важный шаг»"):
        service.resize_quote(first.id, first.start, TEXT.index("важный"))
    service.move_quote(first.id, "end", 2)  # up to the author's words: fine
    with pytest.raises(EditError, match=RULE):
        service.move_quote(first.id, "end", 20)


def _export_import(store: Store, tmp_path: Path, fmt: str) -> tuple[Store, list[str]]:
    out = tmp_path / f"out{export_suffix(fmt) or ''}"
    export(store, fmt, out, ExportOptions())
    fresh = Store.in_memory()
    return fresh, import_files(fresh, [out]).errors


@pytest.mark.parametrize("fmt", ["jsonl", "labelstudio", "brat"])
def test_what_the_edits_accept_every_import_reads_back(svc, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    service, doc_id = svc
    for part in ("Мы договорились", "Это важный шаг", "Мы „за“ и готовы работать"):
        service.add_quote(doc_id, *words(TEXT, part))
    fresh, errors = _export_import(service.store, tmp_path, fmt)
    assert errors == []
    got = fresh.document(fresh.document_ids()[0]).quotes
    assert [q.text for q in got] == [q.text for q in service.document(doc_id).quotes]


@pytest.mark.parametrize("seed", range(3))
def test_random_quote_edits_always_export_and_import_back(
    tmp_path: Path, simple_forms, add_doc, edit_session, seed: int
) -> None:
    store = Store.in_memory()
    doc = add_doc(store, TEXT, {"Путин": "PER", "Иван Петров": "PER"})
    driver = edit_session(AnnotationService(store, "ann", forms=simple_forms), [doc.id])
    rng = random.Random(seed)
    for _ in range(200):  # mostly quote edits: add, move an edge, delete; undo and redo
        kind = rng.choice([6, 6, 6, 11, 11, 11, 7, 8, 100, 200])
        driver.step((kind, rng.randrange(5000), rng.randrange(5000), rng.randrange(8)))
    quotes = store.document(doc.id).quotes
    assert first_overlap(quotes) is None
    fresh, errors = _export_import(store, tmp_path, "jsonl")
    assert errors == []
    assert len(fresh.document(doc.id).quotes) == len(quotes)


def test_an_import_refuses_overlapping_quotes_by_the_same_rule(tmp_path: Path) -> None:
    a, b = words(TEXT, "Мы договорились"), words(TEXT, "договорились, — сказал")
    quotes = [
        {"id": f"q{n}", "start": s, "end": e, "text": TEXT[s:e], "speaker": None}
        for n, (s, e) in enumerate((a, b))
    ]
    path = tmp_path / "two.jsonl"
    path.write_text(json.dumps({"text": TEXT, "quotes": quotes}, ensure_ascii=False) + "\n")
    report = import_files(Store.in_memory(), [path])
    assert len(report.errors) == 1
    assert "overlaps the quote" in report.errors[0] and RULE in report.errors[0]
