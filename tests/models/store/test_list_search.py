"""The document list's search: a clean, bounded query, read once over its own connection.

NUL or a lone surrogate in the search box once raised OperationalError, 400 repeated
words took seconds per query, and a dash between two words found nothing. A search is
now its words (each once, at most a dozen), and a slow one is read once, in a thread of
its own, into the positions that answer every later question.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from models.nlp.occurrences import MAX_TERMS, MAX_WORD, search_terms, search_words
from models.service.annotation import AnnotationService
from models.service.listing import DocumentListing
from models.spans import Document, Entity
from models.store.store import Store

N = 60


def _doc(i: int) -> Document:
    text = f"Статья {i}: Путин в Бишкеке." if i % 3 == 0 else f"Статья {i}: погода в Москве."
    ents = (Entity(text.index("в ") + 2, len(text) - 1, "LOC", text[-8:-1]),) if i % 2 else ()
    status = ("new", "done", "in_progress", "skipped")[i % 4]
    return Document(f"d{i:03}", text, {"title": f"Статья {i}"}, status, ents)


@pytest.fixture
def service(tmp_path: Path) -> AnnotationService:
    store = Store(tmp_path / "list.db")
    with store.db.atomic():
        for i in range(N):
            store.add_document(_doc(i))
    return AnnotationService(store, forms=lambda w: frozenset({w.lower()}))


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("Путин\x00Бишкек", ["Путин", "Бишкек"]),  # NUL: was OperationalError
        ("\ud800Бишкек\udfff", ["Бишкек"]),  # lone surrogates: were UnicodeEncodeError
        ("Путин — Бишкек!", ["Путин", "Бишкек"]),  # a dash once matched nothing at all
        ("«Путин», Санкт-Петербург", ["Путин", "Санкт-Петербург"]),
        ("Путин " * 400, ["Путин"]),  # repeated words: once each (was 3.7 s a query)
        ("ПУТИН путин Путин", ["ПУТИН"]),
        ("— « » \x00 \x1b", []),
    ],
)
def test_the_query_is_its_words(query: str, words: list[str]) -> None:
    assert search_words(query) == words


def test_the_query_is_bounded() -> None:
    many = " ".join(f"слово{i}" for i in range(400))
    assert search_words(many) == [f"слово{i}" for i in range(MAX_TERMS)]
    assert search_words("я" * 10_000) == ["я" * MAX_WORD]
    assert len(search_terms("Путина " * 50_000)) == 1


@pytest.mark.parametrize("query", ["Бишкеке\x00", "\ud800Бишкеке", "Бишкеке " * 400, "— Бишкеке"])
def test_odd_queries_find_what_their_words_find(service: AnnotationService, query: str) -> None:
    listing = service.listing(search=query)
    assert listing.search == "Бишкеке"
    assert listing.extent() == (N // 3, N - 3 + 1)  # positions start at 1
    assert [s.id for s in listing.page(0, 5)] == ["d000", "d003", "d006", "d009", "d012"]


def test_a_query_of_no_words_is_no_search(service: AnnotationService) -> None:
    listing = service.listing(search="\x00 — \ud800")
    assert listing.search is None and not listing.slow and listing.extent() == (N, N)


def _answers(listing: DocumentListing, doc_ids: list[str]) -> tuple:
    total, last = listing.extent()
    return (
        (total, last),
        [listing.count_before(p) for p in range(0, last + 2, 7)],
        [listing.row_of(d) for d in doc_ids],
        [[s.id for s in listing.page(o, 4)] for o in range(0, total + 4, 4)],
    )


@pytest.mark.parametrize(
    ("status", "search", "label"),
    [
        (None, "Бишкеке", None),
        ("done", "Бишкеке", None),
        (None, "Москве", "LOC"),
        (None, "в", None),
    ],
)
def test_a_resolved_search_answers_as_the_query_does(service, status, search, label) -> None:  # type: ignore[no-untyped-def]
    ids = service.store.document_ids()
    live = service.listing(status, search, label)
    read = service.listing_reader().read(status, search, label)
    assert live.slow and not read.slow
    assert _answers(read, ids) == _answers(live, ids)


def test_the_reader_reads_while_the_window_writes(service: AnnotationService) -> None:
    reader = service.listing_reader()
    assert reader.separate
    got: list[DocumentListing] = []
    with service.store.db.atomic():  # the window's connection holds the write lock
        service.store.set_status("d000", "skipped")
        worker = threading.Thread(target=lambda: got.append(reader.read(search="Бишкеке")))
        worker.start()
        worker.join(10)
    assert got and got[0].extent()[0] == N // 3  # not held up, and not the uncommitted
    reader.interrupt()  # nothing running: no effect on the next read
    assert reader.read(search="Москве").extent()[0] == N - N // 3
    reader.close()


def test_reading_a_search_again_tells_same_appended_or_other(service: AnnotationService) -> None:
    reader = service.listing_reader()
    shown = reader.read(search="Бишкеке")
    assert reader.read(search="Бишкеке").compare(shown) == "same"
    assert reader.read(search="Москве").compare(shown) == "other"
    service.store.add_document(Document("d999", "Снова Бишкеке.", {"title": "Новая"}))
    again = reader.read(search="Бишкеке")
    assert again.compare(shown) == "appended" and again.extent()[0] == N // 3 + 1
    done = reader.read("done", "Бишкеке")
    service.set_status(done.page(0, 1)[0].id, "new")
    assert reader.read("done", "Бишкеке").compare(done) == "other"  # a row left


def test_a_database_in_memory_reads_on_its_one_connection() -> None:
    store = Store.in_memory()
    store.add_document(_doc(0))
    reader = AnnotationService(store).listing_reader()
    assert not reader.separate and reader.read(search="Путин").extent() == (1, 1)
