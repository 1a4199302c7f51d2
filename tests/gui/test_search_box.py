"""The search box: odd input is its words, searches run off the GUI thread, newest wins.

NUL or a lone surrogate once raised out of the list model and left it inside
``beginResetModel``; 400 repeated words took seconds on the GUI thread. The model's
resets must always be balanced, and the GUI thread must never wait for a search.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gui.main_window import MainWindow
from models import Document, Entity, Store, StoreError
from models.service import ListingReader

N = 40


def _doc(i: int) -> Document:
    place = "Бишкеке" if i % 4 == 0 else "Москве"
    text = f"Статья {i}: встреча в {place}."
    start = text.index(place)
    ents = (Entity(start, start + len(place), "LOC", place, place),)
    return Document(f"d{i:03}", text, {"title": f"Статья {i}"}, "new", ents)


@pytest.fixture
def w(make_window, tmp_path: Path):  # type: ignore[no-untyped-def]
    store = Store(tmp_path / "search.db")
    with store.db.atomic():
        for i in range(N):
            store.add_document(_doc(i))
    window = make_window(store, "t")
    yield window
    window.document_list.search.wait(10_000)
    window.close()
    store.close()


def resets(model) -> list[str]:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    model.modelAboutToBeReset.connect(lambda: seen.append("begin"))
    model.modelReset.connect(lambda: seen.append("end"))
    return seen


def search(qtbot, w: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    lst = w.document_list
    lst.search_box.setText(text)
    lst.search_box.setFocus()  # the user is in the box (Enter elsewhere confirms)
    qtbot.keyClick(lst.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lst.search.busy, timeout=10_000)


@pytest.mark.parametrize("text", ["Бишкеке\x00", "\x00", "Бишкеке\ud800", "Бишкеке " * 400])
def test_odd_input_finds_what_its_words_find(qtbot, w: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    model = w.document_list.model
    seen = resets(model)
    search(qtbot, w, text)
    want = N // 4 if "Бишкеке" in text else N
    assert model.rowCount() == want
    assert seen.count("begin") == seen.count("end")  # never left inside a reset
    assert model.summary(want - 1).title  # and it answers


def test_the_newest_search_wins_and_the_gui_thread_never_waits(
    qtbot, w: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    lst, model = w.document_list, w.document_list.model
    release, held = threading.Event(), threading.Event()
    real = ListingReader.read

    def slow_first(self, *args):  # type: ignore[no-untyped-def]
        if not held.is_set():
            held.set()
            release.wait(10)  # the first search takes as long as the test wants
        return real(self, *args)

    monkeypatch.setattr(ListingReader, "read", slow_first)
    shown: list[str | None] = []
    lst.search.found.connect(lambda listing: shown.append(listing.search))
    lst.search_box.setText("Москве")
    lst.search_box.setFocus()  # the user is in the box (Enter elsewhere confirms)
    qtbot.keyClick(lst.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(held.is_set)
    assert lst.search.busy and model.rowCount() == N  # the old rows stay meanwhile
    w.service.set_status("d001", "done")  # the window goes on: an edit is made and saved
    lst.search_box.setText("Бишкеке")
    lst.search_box.setFocus()  # the user is in the box (Enter elsewhere confirms)
    qtbot.keyClick(lst.search_box, Qt.Key.Key_Return)  # a newer search, queued
    release.set()
    qtbot.waitUntil(lambda: not lst.search.busy, timeout=10_000)
    assert shown == ["Бишкеке"]  # the older result was never shown
    assert model.rowCount() == N // 4 and model.summary(0).id == "d000"


def test_a_search_that_fails_is_one_line_and_the_list_stays(
    qtbot, w: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    model = w.document_list.model
    seen = resets(model)

    def broken(self, *args):  # type: ignore[no-untyped-def]
        raise StoreError("search.db: the database is damaged (disk image is malformed)")

    monkeypatch.setattr(ListingReader, "read", broken)
    search(qtbot, w, "Бишкеке")
    assert "Search failed: search.db: the database is damaged" in w.statusBar().currentMessage()
    assert model.rowCount() == N and seen == []
    assert model.summary(N - 1).id == f"d{N - 1:03}"


def test_rows_under_a_search_follow_an_edit(qtbot, w: MainWindow) -> None:  # type: ignore[no-untyped-def]
    model = w.document_list.model
    search(qtbot, w, "Бишкеке")
    assert model.rowCount() == N // 4 and model.index(0, 3).data() == 1
    doc = w.service.document("d000")
    w.service.delete_entity(doc.entities[0].id)
    qtbot.waitUntil(lambda: model.index(0, 3).data() == 0, timeout=5000)
    assert model.rowCount() == N // 4


def test_a_model_whose_query_fails_is_never_left_in_a_reset() -> None:
    from gui.panels.document_list_model import DocumentListModel
    from models import AnnotationService

    store = Store.in_memory()
    for i in range(N):
        store.add_document(_doc(i))
    model = DocumentListModel(AnnotationService(store))
    seen = resets(model)
    store.close()  # every query fails now
    with pytest.raises(Exception, match="closed"):
        model.set_filter(status="done")
    assert seen == [] and model.rowCount() == N  # as it was, outside any reset
