"""The export corpus: small hand-made annotated documents for the export/import tests.

The corpus covers what formats trip over: a nested entity, a speaker that is not an
entity, an emoji before entities (UTF-16 vs code points), a quote running across a
paragraph break, an unreviewed document whose snapshot differs from the gold. No natasha:
every span is placed by hand. The documents are frozen values, shared by the session;
the builders are fixtures that return the function itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from models.io.jsonshape import content_id
from models.spans import Document, Entity, Quote, Speaker
from models.store.store import Store

TEXT_A = (
    "Президент РФ Владимир Путин заявил: «Мы будем работать».\n\n"
    "«Это важно», — сказал глава ООО «Ромашка» Иван Петров в Москве."
)
TEXT_EMOJI = "😀 Ура! Мэр Москвы Сергей Собянин открыл парк 🎉 в Зарядье."
TEXT_PARA = (
    "Министр финансов Антон Силуанов сказал: «Бюджет сбалансирован.\n\n"
    "Дефицита не будет», — добавил он в Минфине."
)
TEXT_NEW = "Глава Минздрава Михаил Мурашко посетил Казань."
TEXT_SKIP = "Реклама. Подписывайтесь на наш канал."


def ent(
    text: str, words: str, label: str, normal: str = "", nth: int = 0, state: str = "confirmed"
) -> Entity:
    """The ``nth`` occurrence of ``words`` in ``text`` as an entity."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Entity(start, start + len(words), label, words, normal or words, state=state)


def quote(
    text: str, words: str, speaker: str | None, normal: str = "", state: str = "confirmed"
) -> Quote:
    """A quote of ``words`` whose speaker is the first occurrence of ``speaker``."""
    start = text.index(words)
    who = None
    if speaker is not None:
        s = text.index(speaker)
        who = Speaker(s, s + len(speaker), speaker, normal or speaker)
    return Quote(start, start + len(words), words, who, state=state)


def doc(
    text: str,
    entities: list[Entity],
    quotes: list[Quote] = (),  # type: ignore[assignment]
    status: str = "done",
    meta: dict[str, Any] | None = None,
) -> Document:
    """A Document with the given spans."""
    return Document(
        content_id(text), text, dict(meta or {"title": text[:20]}), status
    ).with_annotations(entities, list(quotes))


def doc_a() -> Document:
    t = TEXT_A
    return doc(
        t,
        [
            ent(t, "РФ", "LOC", "Россия"),
            ent(t, "Владимир Путин", "PER"),
            ent(t, "ООО «Ромашка»", "ORG"),
            ent(t, "Ромашка", "ORG"),
            ent(t, "Иван Петров", "PER"),
            ent(t, "Москве", "LOC", "Москва"),
        ],
        [quote(t, "Мы будем работать", "Владимир Путин"), quote(t, "Это важно", "глава")],
        meta={"title": "Путин", "date": "2025-11-26", "source": "URA.RU"},
    )


def doc_emoji() -> Document:
    t = TEXT_EMOJI
    return doc(
        t,
        [
            ent(t, "Москвы", "LOC", "Москва"),
            ent(t, "Сергей Собянин", "PER"),
            ent(t, "Зарядье", "LOC"),
        ],
    )


def doc_para() -> Document:
    t = TEXT_PARA
    q = quote(t, "Бюджет сбалансирован.\n\nДефицита не будет", "Антон Силуанов")
    return doc(
        t,
        [ent(t, "Антон Силуанов", "PER"), ent(t, "Минфине", "ORG", "Минфин")],
        [q],
        status="in_progress",
    )


def doc_new() -> Document:
    t = TEXT_NEW
    return doc(
        t,
        [
            ent(t, "Михаил Мурашко", "PER", state="suggested"),
            ent(t, "Казань", "LOC", state="suggested"),
        ],
        status="new",
    )


def doc_skip() -> Document:
    return doc(TEXT_SKIP, [], status="skipped")


def corpus() -> list[Document]:
    """The hand-made documents, in import order."""
    return [doc_a(), doc_emoji(), doc_para(), doc_new(), doc_skip()]


def model_of(d: Document) -> Document:
    """A model snapshot that differs from the gold: the last entity missed."""
    ents = [Entity(e.start, e.end, e.label, e.text, e.normal) for e in d.entities[:-1]]
    return d.with_annotations(ents, [])


def make_store(docs: list[Document] | None = None) -> Store:
    """An in-memory store holding ``docs`` (default: the corpus), with snapshots."""
    store = Store.in_memory()
    for d in docs if docs is not None else corpus():
        store.add_document(d, model_of(d))
    return store


def many(n: int, start: int = 0) -> Iterator[Document]:
    """``n`` distinct small documents (numbered), for split tests."""
    for i in range(start, start + n):
        t = f"Документ {i}. Мэр Москвы Сергей Собянин открыл парк."
        yield doc(t, [ent(t, "Москвы", "LOC"), ent(t, "Сергей Собянин", "PER")])


def many_store(n: int) -> Store:
    """An in-memory store holding ``many(n)``, without model snapshots."""
    store = Store.in_memory()
    for d in many(n):
        store.add_document(d)
    return store


def key(d: Document) -> tuple[Any, ...]:
    """A document's annotations as comparable values (ids and review states aside)."""
    ents = sorted((e.start, e.end, e.label, e.text, e.normal) for e in d.entities)
    quotes = sorted(
        (
            q.start,
            q.end,
            q.text,
            None
            if q.speaker is None
            else (q.speaker.start, q.speaker.end, q.speaker.text, q.speaker.normal),
        )
        for q in d.quotes
    )
    return d.text, tuple(ents), tuple(quotes)


@pytest.fixture(scope="session", name="export_corpus")
def _export_corpus() -> tuple[Document, ...]:
    """The five hand-made documents, in import order: ``doc_a``, ``doc_emoji``,
    ``doc_para``, ``doc_new`` and a skipped advertisement."""
    return tuple(corpus())


@pytest.fixture(scope="session", name="doc_a")
def _doc_a() -> Document:
    """Two paragraphs, a nested ORG, a quote by an entity and one by «глава»; done."""
    return doc_a()


@pytest.fixture(scope="session", name="doc_emoji")
def _doc_emoji() -> Document:
    """Emoji before and between the entities (two UTF-16 units each); done."""
    return doc_emoji()


@pytest.fixture(scope="session", name="doc_para")
def _doc_para() -> Document:
    """A quote running across a paragraph break; in progress."""
    return doc_para()


@pytest.fixture(scope="session", name="doc_new")
def _doc_new() -> Document:
    """Unreviewed: the model's suggestions only."""
    return doc_new()


@pytest.fixture(scope="session", name="make_store")
def _make_store() -> Callable[..., Store]:
    """``make_store(docs=None)``: an in-memory store holding ``docs`` (default: the
    corpus), each with a model snapshot that missed its last entity."""
    return make_store


@pytest.fixture(scope="session", name="model_of")
def _model_of() -> Callable[[Document], Document]:
    """``model_of(doc)``: the model snapshot ``make_store`` stores with ``doc``."""
    return model_of


@pytest.fixture(scope="session", name="many")
def _many() -> Callable[..., Iterator[Document]]:
    """``many(n, start=0)``: ``n`` distinct small numbered documents, for split tests."""
    return many


@pytest.fixture(scope="session", name="many_store")
def _many_store() -> Callable[[int], Store]:
    """``many_store(n)``: an in-memory store holding ``many(n)``, without model
    snapshots."""
    return many_store


@pytest.fixture(scope="session", name="key")
def _key() -> Callable[[Document], tuple[Any, ...]]:
    """``key(doc)``: a document's annotations as comparable values (ids and review
    states aside)."""
    return key


@pytest.fixture(scope="session", name="make_doc")
def _make_doc() -> Callable[..., Document]:
    """``make_doc(text, entities, quotes=(), status="done", meta=None)``."""
    return doc


@pytest.fixture(scope="session", name="ent")
def _ent() -> Callable[..., Entity]:
    """``ent(text, words, label, normal="", nth=0, state="confirmed")``: the ``nth``
    occurrence of ``words`` as an entity."""
    return ent


@pytest.fixture(scope="session", name="quote")
def _quote() -> Callable[..., Quote]:
    """``quote(text, words, speaker, normal="", state="confirmed")``: a quote of ``words``
    said by the first occurrence of ``speaker``."""
    return quote
