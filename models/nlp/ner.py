"""Named entities (PER, LOC, ORG) with natasha, paragraph by paragraph, many at a time.

natasha is fed paragraphs, not whole documents: it uses a fifth of the memory on long
texts and finds mentions (URA.RU) that it misses in one big ``Doc``. The paragraphs of a
window of documents (or of one long document) are tagged together (``tagging``), which
is what makes it faster than natasha's own one-``Doc``-per-article call; each document's
natasha spans then go through one function (``entities_of``: trimmed edges, normal
forms, full names for lone surnames). The models are loaded once per process, lazily.
"""

from __future__ import annotations

import re
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from models.nlp import morph, tagging
from models.nlp.entity_rules import refine
from models.spans import Entity

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
# natasha slows down and grows memory on very long chunks; split long paragraphs by line.
_MAX_CHUNK = 5000
# Characters of paragraphs tagged together: enough for batches of like lengths (CPU time
# per character was flat from 5,000 to 40,000), small enough that a window's natasha
# objects stay small and a long document reports progress and notices a cancel often.
WINDOW = 10_000
_LOCK = threading.Lock()
# Characters natasha sometimes swallows at the edge of a span ("Немышев Вячеслав ©").
_EDGE_JUNK = " \t\n©®™.,;:!?—–-()[]/\\|*•·"


@dataclass(frozen=True)
class Pipeline:
    """The loaded natasha objects; one per process."""

    segmenter: Any
    morph_vocab: Any
    morph_tagger: Any
    ner_tagger: Any


@lru_cache(maxsize=1)
def _load() -> Pipeline:
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    emb = NewsEmbedding()
    return Pipeline(Segmenter(), morph.vocab(), NewsMorphTagger(emb), NewsNERTagger(emb))


def load_models() -> Pipeline:
    """Load natasha's models (about a second) once; safe to call from any thread."""
    with _LOCK:
        return _load()


def chunks(text: str) -> Iterator[tuple[int, str]]:
    """Paragraphs (split at blank lines) with their offsets; long ones split further."""
    for m in _PARAGRAPH.finditer(text):
        start, chunk = m.start(), m.group()
        if len(chunk) <= _MAX_CHUNK:
            yield start, chunk
            continue
        pos = 0
        while pos < len(chunk):
            end = min(len(chunk), pos + _MAX_CHUNK)
            if end < len(chunk):
                cut = max(chunk.rfind("\n", pos, end), chunk.rfind(". ", pos, end))
                end = cut + 1 if cut > pos else end
            yield start + pos, chunk[pos:end]
            pos = end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in _EDGE_JUNK:
        end -= 1
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    return start, end


@dataclass(frozen=True, slots=True)
class Found:
    """One natasha span at its place in the document, with the normal form natasha's
    morphology gives it (computed while its tokens are at hand)."""

    start: int
    end: int
    label: str
    normal: str


def entities_of(text: str, found: list[Found]) -> list[Entity]:
    """One document's post-processing of natasha's spans: trimmed edges, normal forms,
    then the entity rules (``entity_rules.refine``: names natasha cut or merged, labels,
    lone surnames with their full names)."""
    out: list[Entity] = []
    for f in found:
        start, end = _trim(text, f.start, f.end)
        if not any(c.isalnum() for c in text[start:end]):
            continue  # a lone dash or mark natasha tagged ("‒ сказал"): no name has no letter
        normal = f.normal.strip(_EDGE_JUNK) or text[start:end]
        out.append(Entity(start, end, f.label, text[start:end], normal))
    return refine(text, out)


def find_entities(text: str) -> list[Entity]:
    """All PER/LOC/ORG mentions in ``text`` with nominative normal forms."""
    return next(find_entities_many([text]))


def find_entities_many(
    texts: Iterable[str],
    paragraphs: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[list[Entity]]:
    """``find_entities`` of each text, in order; texts are read a window ahead.

    ``paragraphs(done, total)`` follows a document longer than a window through its
    paragraphs; ``cancelled`` is asked before each window and ends the iteration.
    """
    for text, found in natasha_spans(texts, paragraphs, cancelled):
        yield entities_of(text, found)


@dataclass(eq=False)
class _Open:
    """A document whose paragraphs are being tagged."""

    text: str
    total: int  # paragraphs (chunks), counted up front only for a long document
    found: list[Found] = field(default_factory=list)
    done: int = 0
    read: int = 0
    all_read: bool = False


def natasha_spans(
    texts: Iterable[str],
    paragraphs: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[tuple[str, list[Found]]]:
    """Each text with natasha's spans in it, in order, before ``entities_of``.

    The paragraphs of consecutive texts are tagged together in windows of ``WINDOW``
    characters; a text comes out as soon as its last paragraph is tagged.
    """
    nlp = load_models()
    waiting: deque[_Open] = deque()
    window: list[tuple[_Open, int, Any]] = []
    size = 0
    for text in texts:
        doc = _Open(text, sum(1 for _ in chunks(text)) if len(text) > WINDOW else 0)
        waiting.append(doc)
        for offset, chunk in chunks(text):
            window.append((doc, offset, tagging.segment(nlp, chunk)))
            doc.read += 1
            size += len(chunk)
            if size >= WINDOW:
                if cancelled():
                    return
                _tag_window(nlp, window, paragraphs)
                window, size = [], 0
                yield from _finished(waiting)
        doc.all_read = True
        yield from _finished(waiting)
    if window and not cancelled():
        _tag_window(nlp, window, paragraphs)
        yield from _finished(waiting)


def _tag_window(
    nlp: Pipeline,
    window: list[tuple[_Open, int, Any]],
    paragraphs: Callable[[int, int], None] | None,
) -> None:
    docs = [d for _, _, d in window]
    tagging.tag_ner(nlp, docs)
    tagging.tag_morph(nlp, docs)
    for owner, offset, doc in window:
        for span in doc.spans:
            normal = _normal(nlp.morph_vocab, span)
            owner.found.append(Found(offset + span.start, offset + span.stop, span.type, normal))
        owner.done += 1
    if paragraphs is not None:
        for owner in dict.fromkeys(o for o, _, _ in window):
            if owner.total:
                paragraphs(owner.done, owner.total)


def _finished(waiting: deque[_Open]) -> Iterator[tuple[str, list[Found]]]:
    while waiting and waiting[0].all_read and waiting[0].done == waiting[0].read:
        doc = waiting.popleft()
        yield doc.text, doc.found


def _normal(vocab: Any, span: Any) -> str:
    """Nominative form: names fully, organizations and places by their head phrase.

    natasha normalizes an ORG through the syntax tree; without the (costly) parse it
    inflects every word ("Институт демография"). Inflecting the words up to the first
    noun and keeping its dependents as written gives "Институт демографии".
    """
    if span.type == "PER" or len(span.tokens) < 2:
        span.normalize(vocab)
        return str(span.normal or span.text)
    from natasha.norm import inflect_word, recover_shapes, recover_spaces

    words, head_done = [], False
    for token in span.tokens:
        words.append(token.text if head_done else inflect_word(vocab, token))
        head_done = head_done or token.pos in ("NOUN", "PROPN")
    return str(recover_spaces(list(recover_shapes(words, span.tokens)), span.tokens))
