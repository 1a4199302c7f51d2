"""The document list's queries: pages by position, the filtered extent, a row's number."""

from __future__ import annotations

from models.spans import Document
from models.store.store import Store


def fill(store: Store, n: int) -> None:
    with store.db.atomic():
        for i in range(n):
            store.add_document(
                Document(
                    f"d{i:03}", f"Текст {i}", {"title": f"T{i}"}, "done" if i % 3 == 0 else "new"
                )
            )


def test_a_page_after_a_position_equals_the_page_at_that_offset(store: Store) -> None:
    fill(store, 30)
    assert store.lists.summaries(limit=5, after=20) == store.lists.summaries(20, 5)
    done = store.lists.summaries(0, 10, "done")
    assert store.lists.summaries(limit=3, status="done", after=done[3].position) == done[4:7]


def test_extent_counts_matches_and_names_the_last_position(store: Store) -> None:
    assert store.lists.extent() == (0, 0)
    fill(store, 10)
    assert store.lists.extent() == (10, 10)
    assert store.lists.extent("done") == (4, 10)  # d000 d003 d006 d009
    assert store.lists.count("done", before=7) == 2  # d006 is position 7


def test_document_row_is_the_row_under_the_filter(store: Store) -> None:
    fill(store, 10)
    assert store.lists.row_of("d009") == 9
    assert store.lists.row_of("d009", "done") == 3
    assert store.lists.row_of("d001", "done") is None
    assert store.lists.row_of("nope") is None
