"""The document list model: every row counted at once, summaries read a page at a time."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gui.panels.document_list import DocumentListWidget
from gui.panels.document_list_model import DOC_ID_ROLE, DocumentListModel
from models import AnnotationService, Document, Store

N = 1000


def fill(store: Store, first: int, count: int) -> None:
    with store.db.atomic():
        for i in range(first, first + count):
            text = f"Текст {i} про Бишкек" if i % 10 == 0 else f"Текст {i}"
            store.add_document(
                Document(
                    f"d{i:04}", text, {"title": f"Статья {i}"}, "done" if i % 4 == 0 else "new"
                )
            )


@pytest.fixture
def store() -> Store:
    store = Store.in_memory()
    fill(store, 0, N)
    return store


@pytest.fixture
def service(store: Store) -> AnnotationService:
    return AnnotationService(store)


def test_every_row_is_counted_before_any_page_is_read(service: AnnotationService) -> None:
    model = DocumentListModel(service)
    assert model.rowCount() == model.total == N
    assert model.pages_read == 0


def test_the_last_row_reads_one_page_not_all(service: AnnotationService) -> None:
    model = DocumentListModel(service)
    assert model.index(N - 1, 0).data() == f"Статья {N - 1}"
    assert model.index(N - 1, 0).data(DOC_ID_ROLE) == f"d{N - 1:04}"
    assert (model.pages_read, model.pages_cached) == (1, 1)
    assert model.index(N - 2, 0).data() == f"Статья {N - 2}"  # the same page
    assert model.pages_read == 1


def test_pages_kept_are_bounded_and_reread_when_evicted(service: AnnotationService) -> None:
    model = DocumentListModel(service, page=10, max_pages=3)
    assert [model.summary(r).id for r in range(N)] == [f"d{i:04}" for i in range(N)]
    assert model.pages_cached == 3 and model.pages_read == N // 10
    assert model.summary(0).id == "d0000" and model.pages_read == N // 10 + 1


@pytest.mark.parametrize("page", [7, 200])  # keyset from the page before, and OFFSET
def test_a_status_filter_holds_on_every_page(service: AnnotationService, page: int) -> None:
    model = DocumentListModel(service, page=page)
    model.set_filter(status="done")
    assert model.rowCount() == N // 4
    assert model.summary(N // 4 - 1).id == f"d{N - 4:04}"  # deep page first: OFFSET
    assert [model.summary(r).id for r in range(N // 4)] == [f"d{i:04}" for i in range(0, N, 4)]


def test_a_text_search_holds_on_every_page(service: AnnotationService) -> None:
    model = DocumentListModel(service, page=30)
    model.set_filter(search="Бишкек")
    assert model.rowCount() == N // 10
    assert [model.summary(r).id for r in range(N // 10)] == [f"d{i:04}" for i in range(0, N, 10)]
    model.set_filter(status="done", search="Бишкек")
    assert model.rowCount() == N // 20 and model.summary(N // 20 - 1).id == f"d{N - 20:04}"


def test_row_of_finds_a_deep_document_by_query(service: AnnotationService) -> None:
    model = DocumentListModel(service)
    assert model.row_of("d0987") == 987 and model.pages_read == 0
    model.set_filter(status="done")
    assert model.row_of("d0988") == 247 and model.row_of("d0987") is None
    assert model.pages_read == 0


def test_sync_inserts_documents_another_connection_added(tmp_path: Path) -> None:
    store = Store(tmp_path / "two.db")
    fill(store, 0, N)
    model = DocumentListModel(AnnotationService(store))
    assert model.summary(N - 1).id == f"d{N - 1:04}"
    resets: list[int] = []
    inserted: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    other = Store(tmp_path / "two.db")
    fill(other, N, 3)
    assert model.sync() and not model.sync()
    assert inserted == [(N, N + 2)] and not resets
    assert model.summary(N + 2).id == f"d{N + 2:04}"
    model.set_filter(status="new")
    resets.clear()
    other.set_status("d0002", "done")  # a row leaves the filter: the list is read again
    assert model.sync() and resets == [1]
    assert model.row_of("d0002") is None
    other.close()
    store.close()


def test_refresh_with_the_same_rows_changes_them_in_place(service: AnnotationService) -> None:
    model = DocumentListModel(service)
    assert model.index(5, 2).data() == "new"
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    service.set_status("d0005", "done")
    model.refresh()
    assert model.index(5, 2).data() == "done" and not resets


def test_scrolling_to_the_end_shows_the_last_rows_at_once(qtbot, service) -> None:  # type: ignore[no-untyped-def]
    widget = DocumentListWidget(service)
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.table.scrollToBottom()
    widget.table.viewport().repaint()
    assert widget.model.pages_read == 1  # columns fit the rows on screen only
    shown = widget.table.rowAt(widget.table.viewport().height() - 2)
    assert shown == N - 1
    assert widget.model.index(shown, 0).data(Qt.ItemDataRole.DisplayRole) == f"Статья {N - 1}"
    assert widget.model.pages_read <= 3  # and the last page, maybe the one before
    assert widget.select_document("d0500") and widget.current_id() == "d0500"


def test_sync_shows_a_status_another_connection_set(tmp_path: Path) -> None:
    store = Store(tmp_path / "two.db")
    fill(store, 0, N)
    model = DocumentListModel(AnnotationService(store))
    assert model.summary(3).status == "new"
    other = Store(tmp_path / "two.db")
    other.set_status(model.summary(3).id, "done")
    assert not model.sync()  # no row added or removed…
    assert model.summary(3).status == "done"  # …but the row shows the new status
