"""Two processes on one database: the open window shows documents another writer added."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import Document, Entity, Store


def doc(i: int, label: str | None = None) -> Document:
    text = f"Статья {i}: Бишкек и Москва."
    ents = (Entity(10 + len(str(i)), 16 + len(str(i)), label, "Бишкек", "Бишкек"),) if label else ()
    return Document(f"d{i:04}", text, {"title": f"Статья {i}"}, "new", ents)


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    path = tmp_path / "shared.db"
    store = Store(path)
    for i in range(3):
        store.add_document(doc(i))
    store.close()
    return path


def test_documents_added_by_another_connection_appear_keeping_the_selection(
    qtbot, make_window, shared: Path
) -> None:  # type: ignore[no-untyped-def]
    store = Store(shared)
    w = make_window(store)
    w.open_document("d0001")
    model = w.document_list.model
    assert model.rowCount() == 3
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    other = Store(shared)  # another connection, as another process would have
    other.add_document(doc(3))
    other.add_document(doc(4))
    qtbot.waitUntil(lambda: model.rowCount() == 5, timeout=6000)
    assert [model.summary(r).id for r in range(5)] == [f"d{i:04}" for i in range(5)]
    assert w.document_list.current_id() == "d0001" == w.current.id
    assert not resets  # appended like a page: no reset, the view keeps its place
    other.close()
    store.close()


def test_a_long_list_is_not_reread_when_documents_are_appended(make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "long.db"
    store = Store(path)
    with store.db.atomic():
        for i in range(450):
            store.add_document(doc(i))
    w = make_window(store)
    model = w.document_list.model
    assert model.rowCount() == 450
    assert model.summary(449).id == "d0449"  # the short last page is now cached
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    other = Store(path)
    other.add_document(doc(450))
    assert w.watcher.poll()  # another connection wrote
    assert not w.watcher.poll()  # and nothing since
    assert (model.rowCount(), model.total) == (451, 451) and not resets
    assert model.summary(450).id == "d0450"  # the grown last page was read again
    assert model.row_of("d0450") == 450
    other.close()
    store.close()


def test_a_deletion_elsewhere_rereads_the_list(make_window, shared: Path) -> None:  # type: ignore[no-untyped-def]
    store = Store(shared)
    w = make_window(store)
    model = w.document_list.model
    other = Store(shared)
    other.set_status("d0002", "done")
    w.document_list.status_box.setCurrentIndex(w.document_list.status_box.findData("new"))
    assert model.rowCount() == 2
    other.set_status("d0000", "done")  # leaves the filter: one row fewer
    assert w.watcher.poll()
    assert [model.summary(r).id for r in range(model.rowCount())] == ["d0001"]
    other.close()
    store.close()


def test_every_page_keeps_the_label_filter(make_window) -> None:  # type: ignore[no-untyped-def]
    store = Store.in_memory()
    with store.db.atomic():
        for i in range(500):
            store.add_document(doc(i, "LOC" if i % 2 else None))
    w = make_window(store)
    model = w.document_list.model
    model.set_filter(label="LOC")
    assert model.total == model.rowCount() == 250
    ids = [model.summary(r).id for r in range(model.rowCount())]
    assert ids == [f"d{i:04}" for i in range(1, 500, 2)]


@pytest.mark.slow
def test_main_py_import_while_the_window_is_open(
    qtbot, make_window, shared: Path, tmp_path: Path, razmetka
) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "new.txt"
    article.write_text("Владимир Путин прибыл в Бишкек.", encoding="utf-8")
    store = Store(shared)
    w = make_window(store)
    model = w.document_list.model
    proc = razmetka("import", "--db", shared, article)
    assert proc.returncode == 0, proc.stderr
    qtbot.waitUntil(lambda: model.rowCount() == 4, timeout=15000)
    assert model.summary(3).title == "Владимир Путин прибыл в Бишкек."
    store.close()
