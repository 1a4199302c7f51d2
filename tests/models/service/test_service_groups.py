"""Person groups: rename a group, merge two, move one mention; each one undoable step.

On the Вертинский article (the ``vertinsky`` fixture): one man in three groups, "Александр
Вертинский", "Сталин Вертинский" and "Пьеро Вертинский" (a stage name the reviewer may
want kept apart, or merged).
"""

from __future__ import annotations

import json

import pytest

from models.io.exporters import ExportOptions, export
from models.service.annotation import AnnotationService
from models.service.context import EditError
from models.store.store import Store


@pytest.fixture
def service(store: Store, vertinsky) -> AnnotationService:
    store.add_document(vertinsky.document)
    return AnnotationService(store, "ann")


def _doc(service: AnnotationService):  # type: ignore[no-untyped-def]
    return service.store.document(service.store.document_ids()[0])


def test_renaming_a_group_renames_every_mention_and_its_quotes(service, vertinsky):
    doc_id = _doc(service).id
    changes = service.rename_group(doc_id, "PER", vertinsky.wrong, vertinsky.right)
    doc = _doc(service)
    assert {n for _, n in vertinsky.normals(doc)} == {vertinsky.right, "Пьеро Вертинский"}
    assert vertinsky.speakers(doc) == [vertinsky.right, vertinsky.right]
    renamed = [e for e in doc.entities if e.label == "PER" and e.state == "changed"]
    assert len(renamed) == 4 and {e.annotator for e in renamed} == {"ann"}
    assert changes.name == f"Rename group «{vertinsky.wrong}» → «{vertinsky.right}»"


def test_a_rename_is_in_the_event_log_and_undone_as_one_step(service, vertinsky):
    before = _doc(service)
    changes = service.rename_group(before.id, "PER", vertinsky.wrong, "А. Н. Вертинский")
    rows = [e for e in service.store.events(before.id) if e["operation"] == changes.name]
    assert len(rows) == 6  # four mentions, two quotes
    assert rows[0]["before"]["normal"] == vertinsky.wrong
    assert rows[0]["after"]["normal"] == "А. Н. Вертинский"
    service.revert(changes)
    after = _doc(service)
    assert (after.entities, after.quotes) == (before.entities, before.quotes)


def test_merging_one_group_into_another(service, vertinsky):
    doc_id = _doc(service).id
    changes = service.merge_groups(doc_id, "PER", "Пьеро Вертинский", vertinsky.right)
    doc = _doc(service)
    assert ("Пьеро Вертинский", vertinsky.right) in vertinsky.normals(doc)
    assert [n for t, n in vertinsky.normals(doc) if t == "Вертинскому"] == [
        vertinsky.wrong
    ]  # not merged
    assert changes.name == f"Merge group «Пьеро Вертинский» into «{vertinsky.right}»"
    service.revert(changes)
    assert ("Пьеро Вертинский", "Пьеро Вертинский") in vertinsky.normals(_doc(service))


def test_a_merge_needs_two_groups_of_one_label(service, vertinsky):
    doc_id = _doc(service).id
    with pytest.raises(EditError, match="no PER group «Москва»"):
        service.merge_groups(doc_id, "PER", vertinsky.wrong, "Москва")
    with pytest.raises(EditError):
        service.merge_groups(doc_id, "PER", vertinsky.wrong, vertinsky.wrong)


def test_moving_one_mention_leaves_the_rest_of_its_group(service, vertinsky):
    doc = _doc(service)
    lone = vertinsky.nth("Вертинскому")
    ent = next(e for e in doc.entities if (e.start, e.end) == lone)
    changes = service.move_to_group(ent.id, vertinsky.right)
    doc = _doc(service)
    assert ("Вертинскому", vertinsky.right) in vertinsky.normals(doc)
    assert sum(n == vertinsky.wrong for _, n in vertinsky.normals(doc)) == 3
    assert vertinsky.speakers(doc) == [
        vertinsky.wrong,
        vertinsky.wrong,
    ]  # "он" stays with the group it was in
    assert changes.name == f"Move «Вертинскому» to group «{vertinsky.right}»"


def test_moving_the_speaker_mention_moves_its_quote(service, vertinsky):
    doc = _doc(service)
    said = vertinsky.nth("Вертинский", 3)
    ent = next(e for e in doc.entities if (e.start, e.end) == said)
    service.move_to_group(ent.id, vertinsky.right)
    assert vertinsky.speakers(_doc(service)) == [vertinsky.right, vertinsky.wrong]


def test_names_are_cleaned_and_an_empty_one_refused(service, vertinsky):
    doc_id = _doc(service).id
    with pytest.raises(EditError, match="needs a name"):
        service.rename_group(doc_id, "PER", vertinsky.wrong, "   ")
    assert not service.rename_group(doc_id, "PER", vertinsky.wrong, f" {vertinsky.wrong}\n").changes
    service.rename_group(doc_id, "PER", vertinsky.wrong, "  Александр   Вертинский ")
    assert vertinsky.wrong not in {n for _, n in vertinsky.normals(_doc(service))}


def test_exports_carry_the_new_names(service, tmp_path, vertinsky):
    doc_id = _doc(service).id
    service.rename_group(doc_id, "PER", vertinsky.wrong, vertinsky.right)
    out = tmp_path / "out.jsonl"
    export(service.store, "jsonl", out, ExportOptions(statuses=None))
    row = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert {e["normal"] for e in row["entities"] if e["label"] == "PER"} == {
        vertinsky.right,
        "Пьеро Вертинский",
    }
    assert [q["speaker"]["normal"] for q in row["quotes"]] == [vertinsky.right, vertinsky.right]
    brat = tmp_path / "brat"
    export(service.store, "brat", brat, ExportOptions(statuses=None))
    notes = "".join(p.read_text(encoding="utf-8") for p in brat.rglob("*.ann"))
    assert vertinsky.wrong not in notes and vertinsky.right in notes
