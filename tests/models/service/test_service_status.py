"""Document status, the next document to do, and the filtered document list."""

from __future__ import annotations

import pytest

from models.io.ingest import document_from_text
from models.nlp.occurrences import pymorphy_forms
from models.service.annotation import AnnotationService, EditError
from models.store.store import Store


@pytest.fixture
def three(store: Store, simple_forms, add_doc) -> tuple[AnnotationService, list[str]]:
    """A service over three short documents: PER «Путин» in two, LOC «Москву» in one."""
    ids = [
        add_doc(
            store,
            f"Текст номер {n}. Путин приехал в Москву.",
            {"Путин": "PER"} if n != 2 else {"Москву": "LOC"},
        ).id
        for n in range(3)
    ]
    return AnnotationService(store, "ann", forms=simple_forms), ids


def test_set_status_returns_the_old_one_and_logs(store: Store, three) -> None:
    svc, ids = three
    assert svc.set_status(ids[0], "in_progress") == "new"
    assert svc.set_status(ids[0], "done") == "in_progress"
    assert store.events(ids[0])[-1]["annotator"] == "ann"


def test_unknown_status_is_refused(three) -> None:
    svc, ids = three
    with pytest.raises(EditError):
        svc.set_status(ids[0], "finished")


def test_next_document_skips_done_and_skipped_and_wraps(three) -> None:
    svc, ids = three
    svc.set_status(ids[1], "done")
    assert svc.next_document(ids[0]) == ids[2]
    svc.set_status(ids[2], "skipped")
    assert svc.next_document(ids[0]) is None
    assert svc.next_document(ids[2]) == ids[0]


def test_list_filters_by_status_and_label(three) -> None:
    svc, ids = three
    svc.set_status(ids[0], "done")
    assert [s.id for s in svc.listing(status="done").page(0, 100)] == [ids[0]]
    assert [s.id for s in svc.listing(label="LOC").page(0, 100)] == [ids[2]]
    assert svc.listing(label="PER", status="new").extent()[0] == 1
    assert svc.listing(status="done").row_of(ids[0]) == 0
    assert svc.listing(status="done").row_of(ids[1]) is None


def test_search_finds_other_case_endings(store: Store) -> None:
    for n, city in enumerate(("Москве", "Казани")):
        text = f"Статья {n}. Путин приехал в {city}."
        index = " ".join(set().union(*map(pymorphy_forms, text.replace(".", "").split())))
        store.add_document(document_from_text(text), search_lemmas=index)
    svc = AnnotationService(store, "ann")  # real pymorphy forms
    found = svc.listing(search="Москвой Путина").page(0, 100)
    assert [s.title for s in found] == ["Статья 0. Путин приехал в Москве."]
    assert svc.listing(search="Лондон").extent() == (0, 0)
