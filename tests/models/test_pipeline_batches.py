"""Pre-annotating a stream: input order with any number of jobs, progress inside a long
document, and a cancel that stops it midway."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from benchmarks.generate import news_variants
from models.io.ingest import document_from_text
from models.nlp.ner import WINDOW
from models.pipeline import pre_annotate, pre_annotate_many
from models.spans import Document

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parents[1] / "data"


def _real() -> list[str]:
    items = json.loads((DATA / "news_real_dev_texts.json").read_text(encoding="utf-8"))
    return [item["text"] for item in items]


def long_document() -> Document:
    """Real news, about five windows of paragraphs, as one document."""
    text = "\n\n".join(_real()[:60])
    assert len(text) > 4 * WINDOW
    return document_from_text(text)


def _stream() -> list[Document]:
    real = _real()
    texts = [*news_variants(8, seed=3), *real[60:70], "", " \n\n ", *real[70:75]]
    return [document_from_text(t) for t in texts]


def test_two_jobs_give_what_one_gives_in_input_order() -> None:
    docs = _stream()
    one = list(pre_annotate_many(docs, 1))
    two = list(pre_annotate_many(docs, 2))
    assert [m.id for _, m, _ in one] == [d.id for d in docs]
    assert two == one
    assert sum(len(m.entities) for _, m, _ in one) > 200


@pytest.mark.parametrize("jobs", [1, 2])
def test_without_search_the_annotations_are_the_same_and_no_lemmas_are_made(jobs: int) -> None:
    docs = _stream()[:12]
    full = list(pre_annotate_many(docs, jobs))
    bare = list(pre_annotate_many(docs, jobs, search=False))
    assert [(c, m) for c, m, _ in bare] == [(c, m) for c, m, _ in full]
    assert {lemmas for _, _, lemmas in bare} == {""}
    assert all(lemmas for (_, m, lemmas) in full if m.text.strip())


def test_a_stream_gives_what_each_document_alone_gives() -> None:
    docs = _stream()[:12]
    assert list(pre_annotate_many(docs)) == [pre_annotate(d) for d in docs]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_long_document_reports_its_paragraphs(jobs: int) -> None:
    doc = long_document()
    seen: list[tuple[int, int]] = []
    ((_, model, _),) = pre_annotate_many([doc], jobs, lambda d, t: seen.append((d, t)))
    assert len(seen) >= 4
    assert all(t == seen[0][1] for _, t in seen) and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted({d for d, _ in seen})
    assert model.entities == pre_annotate(doc)[1].entities


@pytest.mark.parametrize("jobs", [1, 2])
def test_cancel_stops_within_a_long_document(jobs: int) -> None:
    doc = long_document()
    seen: list[tuple[int, int]] = []
    stop = {"at": 0.0}

    def report(done: int, total: int) -> None:
        seen.append((done, total))
        stop["at"] = stop["at"] or time.monotonic()

    out = list(pre_annotate_many([doc, doc], jobs, report, lambda: bool(stop["at"])))
    assert out == [] and seen
    assert seen[-1][0] < seen[-1][1]  # stopped before the document's last paragraph
    assert time.monotonic() - stop["at"] < 5
