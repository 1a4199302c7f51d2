"""Pre-annotation: NER and quotes, for one document or a batch.

A batch with ``jobs > 1`` loads natasha once, then forks the workers so they share the
loaded models (a pool that loads models per worker ran at half the speed of one
process on 2 cores). Results come back in input order.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace

from models.nlp.lemmas import lemmas
from models.nlp.ner import find_entities, load_models
from models.quotes.find import find_quotes
from models.spans import Document


def predict(doc: Document) -> Document:
    """The model's annotations of a document (its own spans are ignored)."""
    entities = find_entities(doc.text)
    quotes = find_quotes(doc.text, entities, doc.noise)
    return replace(doc, status="new").with_annotations(entities, quotes)


def pre_annotate(doc: Document) -> tuple[Document, Document, str]:
    """``(curated, model, lemmas)`` for storing a new document.

    A document that arrives with spans (a gold import) keeps them as its curated
    annotations; the model's output is still computed, as the snapshot to compare with.
    """
    model = predict(doc)
    curated = doc if (doc.entities or doc.quotes) else replace(model, status=doc.status)
    return curated, model, lemmas(doc.text)


def _work(doc: Document) -> tuple[Document, Document, str]:
    return pre_annotate(doc)


def pre_annotate_many(
    docs: Iterable[Document], jobs: int = 1
) -> Iterator[tuple[Document, Document, str]]:
    """Pre-annotate documents in order, with ``jobs`` processes (fork after loading)."""
    load_models()
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for doc in docs:
            yield pre_annotate(doc)
        return
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs) as pool:
        yield from pool.imap(_work, docs, chunksize=4)
