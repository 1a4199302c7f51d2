"""Normal forms derived from a span follow it when a reviewer edits that span.

The article (the ``vertinsky`` fixture) is the Вертинский case: natasha joined "Сталину
Вертинский", and the lone surnames after it took "Сталин Вертинский". Fixing that one
span must give every mention and quote speaker the real full name, as one undoable step,
on disk.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from models.io.ingest import document_from_text
from models.service.annotation import AnnotationService
from models.spans import Document, Entity
from models.store.store import Store


def _open(store: Store, doc: Document) -> tuple[AnnotationService, str]:
    store.add_document(doc)
    return AnnotationService(store, "ann"), doc.id


def _merged(store: Store, doc_id: str) -> Entity:
    return next(e for e in store.document(doc_id).entities if e.text == "Сталину Вертинский")


def _fix(service: AnnotationService, store: Store, doc_id: str):  # type: ignore[no-untyped-def]
    """The reviewer moves the merged span's start one word right: "Вертинский"."""
    return service.move_entity(_merged(store, doc_id).id, "start", 1)


def test_fixing_a_merged_span_gives_every_mention_taken_from_it_the_real_name(store, vertinsky):
    service, doc_id = _open(store, vertinsky.document)
    changes = _fix(service, store, doc_id)
    doc = store.document(doc_id)
    assert vertinsky.wrong not in {n for _, n in vertinsky.normals(doc)}
    lone = [n for t, n in vertinsky.normals(doc) if t in ("Вертинский", "Вертинскому")]
    assert lone == [vertinsky.right] * 4  # the fixed span and the three lone surnames
    assert ("Пьеро Вертинский", "Пьеро Вертинский") in vertinsky.normals(doc)
    assert vertinsky.speakers(doc) == [
        vertinsky.right,
        vertinsky.right,
    ]  # the linked mention and "он" after it
    assert changes.name == (
        "Resize PER «Сталину Вертинский» → «Вертинский»; 3 mentions and 2 quote speakers renamed"
    )
    assert len(changes) == 6  # the span, three mentions, two quotes: one step


def test_the_followers_stay_the_models_and_the_log_names_the_edit(store, vertinsky):
    service, doc_id = _open(store, vertinsky.document)
    changes = _fix(service, store, doc_id)
    doc = store.document(doc_id)
    states = {e.text: e.state for e in doc.entities if e.label == "PER"}
    assert states["Вертинскому"] == "suggested"  # a recomputed normal is no review
    rows = [e for e in store.events(doc_id) if e["operation"] == changes.name]
    assert len(rows) == len(changes) == 6
    assert {r["annotator"] for r in rows} == {"ann"}


def test_undo_puts_back_every_normal_as_one_step(store, vertinsky):
    service, doc_id = _open(store, vertinsky.document)
    before = store.document(doc_id)
    service.revert(_fix(service, store, doc_id))
    after = store.document(doc_id)
    assert after.entities == before.entities and after.quotes == before.quotes


def test_the_fix_is_on_disk(tmp_path: Path, vertinsky):
    path = tmp_path / "c.db"
    store = Store(path)
    service, doc_id = _open(store, vertinsky.document)
    _fix(service, store, doc_id)
    store.close()
    again = Store(path)
    doc = again.document(doc_id)
    assert vertinsky.wrong not in {n for _, n in vertinsky.normals(doc)} | set(
        vertinsky.speakers(doc)
    )
    again.close()


def test_deleting_the_merged_span_fixes_the_names_too(store, vertinsky):
    service, doc_id = _open(store, vertinsky.document)
    service.delete_entity(_merged(store, doc_id).id)
    doc = store.document(doc_id)
    assert {n for t, n in vertinsky.normals(doc) if t != "Пьеро Вертинский"} == {vertinsky.right}
    assert vertinsky.speakers(doc) == [vertinsky.right, vertinsky.right]


def test_a_renamed_mention_is_human_and_keeps_its_name(store, vertinsky):
    service, doc_id = _open(store, vertinsky.document)
    lone = vertinsky.nth("Вертинскому")
    ent = next(e for e in store.document(doc_id).entities if (e.start, e.end) == lone)
    service.move_to_group(ent.id, "Вертинский-сын")
    _fix(service, store, doc_id)
    assert ("Вертинскому", "Вертинский-сын") in vertinsky.normals(store.document(doc_id))


def test_imported_gold_is_never_recomputed(store, vertinsky):
    doc = vertinsky.document
    gold = doc.with_annotations([replace(e, state="imported") for e in doc.entities], [])
    store.add_document(gold)
    service = AnnotationService(store, "ann")
    service.move_entity(_merged(store, doc.id).id, "start", 1)
    assert ("Вертинскому", vertinsky.wrong) in vertinsky.normals(store.document(doc.id))


def test_a_lone_surname_added_by_hand_takes_the_full_name(store):
    text = "Юрий Крупнов выступил на форуме. Потом Крупнов ушёл."
    doc = document_from_text(text).with_annotations(
        [Entity(0, 12, "PER", "Юрий Крупнов", "Юрий Крупнов")], []
    )
    store.add_document(doc)
    service = AnnotationService(store, "ann")
    start = text.index("Крупнов ушёл")
    added = service.add_entity(doc.id, start, start + 7, "PER")
    assert [c.after.normal for c in added] == ["Юрий Крупнов"]


def test_an_edit_that_concerns_no_name_changes_nothing_else(store, vertinsky):
    service, doc_id = _open(store, vertinsky.document)
    start = vertinsky.text.index("ответа")
    changes = service.add_entity(doc_id, start, start + 6, "PER")
    assert len(changes) == 1 and "renamed" not in changes.name
    loc = next(e for e in store.document(doc_id).entities if e.text == "Шанхая")
    assert len(service.relabel(loc.id, "ORG")) == 1
