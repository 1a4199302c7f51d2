"""Builders for the service tests: a store holding a document with model suggestions.

No natasha: the "model" spans are placed by hand (every occurrence of a few names), so
the tests are fast and say exactly what they start from.
"""

from __future__ import annotations

from models.io.ingest import document_from_text
from models.labels import sample_path
from models.nlp.occurrences import find_occurrences, fold
from models.service.annotation import AnnotationService
from models.spans import Document, Entity, Quote, Speaker
from models.store.store import Store

SHORT = (
    "Президент РФ Владимир Путин встретился с Садыром Жапаровым в Бишкеке. "
    "«Мы договорились», — сказал Путин журналистам. "
    "По словам эксперта Юрия Крупнова, «это важный шаг». Путину понравилось."
)
NAMES = {
    "Владимир Путин": "PER",
    "Садыром Жапаровым": "PER",
    "Бишкеке": "LOC",
    "Юрия Крупнова": "PER",
    "РФ": "LOC",
}


def simple_forms(word: str) -> frozenset[str]:
    """A stand-in for pymorphy: drops one Russian case ending."""
    w = fold(word)
    for end in ("ым", "ом", "ой", "а", "у", "е", "ы"):
        if w.endswith(end) and len(w) > len(end) + 2:
            return frozenset({w, w[: -len(end)]})
    return frozenset({w})


def suggestions(text: str, names: dict[str, str]) -> list[Entity]:
    """Suggested entities at every occurrence of each name, as the model would give."""
    return [
        Entity(s, e, label, text[s:e], name)
        for name, label in names.items()
        for s, e in find_occurrences(text, name)
    ]


def add_doc(
    store: Store, text: str, names: dict[str, str] | None = None, quotes: list[Quote] | None = None
) -> Document:
    """Store a document with suggested entities (and quotes) as the model's output."""
    doc = document_from_text(text).with_annotations(
        suggestions(text, NAMES if names is None else names), quotes or []
    )
    store.add_document(doc)
    return store.document(doc.id)


def make_service(
    store: Store,
    text: str = SHORT,
    names: dict[str, str] | None = None,
    quotes: list[Quote] | None = None,
) -> tuple[AnnotationService, Document]:
    """A service (annotator "ann") over a store holding one document."""
    doc = add_doc(store, text, names, quotes)
    return AnnotationService(store, "ann", forms=simple_forms), doc


def quote_of(text: str, words: str, speaker: str) -> Quote:
    """A model quote of ``words`` said by the first mention ``speaker`` (linked on insert
    when that mention is an entity)."""
    i, j = text.index(words), text.index(speaker)
    return Quote(i, i + len(words), words, Speaker(j, j + len(speaker), speaker, speaker))


def sample_text() -> str:
    """The bundled sample article."""
    return sample_path().read_text(encoding="utf-8").replace("\r\n", "\n").lstrip("\ufeff")


def span(doc: Document, text: str, nth: int = 0) -> Entity:
    """The ``nth`` entity of ``doc`` whose text is ``text``."""
    return [e for e in doc.entities if e.text == text][nth]


def snapshot(store: Store) -> list[tuple]:
    """Everything an edit can change, comparable across reopenings of the file."""
    out = []
    for doc_id in store.document_ids():
        doc = store.document(doc_id)
        out.append((doc_id, doc.status, doc.entities, doc.quotes))
    return out
