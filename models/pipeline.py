"""Pre-annotation: NER, quotes, search lemmas; one document or a stream.

A stream is tagged a window of paragraphs at a time (``find_entities_many``), many
documents per natasha call. With ``jobs > 1`` natasha is loaded once, then the workers
are forked so they share the loaded models (a pool that loads models per worker ran at
half the speed of one process on 2 cores); each worker takes groups of consecutive
documents and results come back in input order. A long document's progress through its
paragraphs reaches the caller from whichever process tags it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import partial
from typing import Any

from models.nlp.lemmas import lemmas
from models.nlp.ner import WINDOW, find_entities, find_entities_many, load_models
from models.quotes.find import find_quotes
from models.spans import Document, Entity

Annotated = tuple[Document, Document, str]
"""``(curated, model, lemmas)`` for storing a new document."""
Paragraphs = Callable[[int, int], None]
"""``paragraphs(done, total)`` of a long document while it is tagged."""

POLL_S = 0.1  # how often the main process looks at workers' progress and at a cancel


def _with_model(doc: Document, entities: list[Entity]) -> Document:
    quotes = find_quotes(doc.text, entities, doc.noise)
    return replace(doc, status="new").with_annotations(entities, quotes)


def _annotated(doc: Document, entities: list[Entity], search: bool = True) -> Annotated:
    """A document that arrives with spans (a gold import) keeps them as its curated
    annotations; the model's output is still computed, as the snapshot to compare with.
    Without ``search`` the lemmas are left empty (a third of the time on real news)."""
    model = _with_model(doc, entities)
    curated = doc if (doc.entities or doc.quotes) else replace(model, status=doc.status)
    return curated, model, lemmas(doc.text) if search else ""


def predict(doc: Document) -> Document:
    """The model's annotations of a document (its own spans are ignored)."""
    return _with_model(doc, find_entities(doc.text))


def pre_annotate(doc: Document) -> Annotated:
    """``(curated, model, lemmas)`` for storing one new document."""
    return _annotated(doc, find_entities(doc.text))


def pre_annotate_many(
    docs: Iterable[Document],
    jobs: int = 1,
    paragraphs: Paragraphs | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    search: bool = True,
) -> Iterator[Annotated]:
    """Pre-annotate documents in input order, with ``jobs`` processes (fork after loading).

    ``cancelled`` is asked between windows of paragraphs, so a long document stops
    midway; the iteration then ends. ``search=False`` leaves out the search lemmas,
    which only a store indexes (``annotate`` prints none).
    """
    load_models()
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from _stream(docs, paragraphs, cancelled, search)
    else:
        yield from _pool(docs, jobs, paragraphs, cancelled, search)


def _stream(
    docs: Iterable[Document],
    paragraphs: Paragraphs | None,
    cancelled: Callable[[], bool],
    search: bool = True,
) -> Iterator[Annotated]:
    waiting: deque[Document] = deque()

    def texts() -> Iterator[str]:
        for doc in docs:
            waiting.append(doc)
            yield doc.text

    for entities in find_entities_many(texts(), paragraphs, cancelled):
        yield _annotated(waiting.popleft(), entities, search)


def _groups(docs: Iterable[Document]) -> Iterator[list[Document]]:
    """Consecutive documents of about a window's length, one task per group: long enough
    to batch well, short enough that the workers share a small import evenly."""
    group: list[Document] = []
    size = 0
    for doc in docs:
        group.append(doc)
        size += len(doc.text)
        if size >= WINDOW:
            yield group
            group, size = [], 0
    if group:
        yield group


_progress_queue: Any = None  # set in each worker: where its paragraph progress goes


def _init_worker(queue: Any) -> None:
    global _progress_queue
    _progress_queue = queue


def _work(group: list[Document], search: bool = True) -> list[Annotated]:
    report = None if _progress_queue is None else lambda d, t: _progress_queue.put((d, t))
    return list(_stream(group, report, lambda: False, search))


def _pool(
    docs: Iterable[Document],
    jobs: int,
    paragraphs: Paragraphs | None,
    cancelled: Callable[[], bool],
    search: bool,
) -> Iterator[Annotated]:
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    ctx = multiprocessing.get_context("fork")
    queue = ctx.SimpleQueue() if paragraphs is not None else None
    with ctx.Pool(jobs, _init_worker, (queue,)) as pool:
        results = pool.imap(partial(_work, search=search), _groups(docs))
        while True:
            try:
                group = results.next(timeout=POLL_S)
            except multiprocessing.TimeoutError:
                group = None
            except StopIteration:
                return
            while queue is not None and paragraphs is not None and not queue.empty():
                paragraphs(*queue.get())
            if cancelled():
                return  # leaving the block terminates the workers
            yield from group or ()
