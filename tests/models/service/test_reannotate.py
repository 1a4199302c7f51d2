"""Re-running the pre-annotation: new model snapshots, human spans never touched.

The "old rules" took the «» marks and the legal form into an ORG span; the "new rules"
(a predict function placing spans by hand, as a changed pipeline would) do not. The
reviewer has confirmed one span, removed one and resized one before the re-run.
"""

from __future__ import annotations

import pytest

from models.io.ingest import document_from_text
from models.service.annotation import AnnotationService
from models.service.reannotate import REFRESH, reannotate
from models.spans import Document, Entity, Quote, Speaker
from models.store.store import Store

TEXT = (
    "Директор ООО «Вектор» Иван Петров заявил, что «Вектор» построит завод в Казани.\n\n"
    "«Мы начнём в мае», — сказал Петров."
)


def _at(words: str, label: str, normal: str, n: int = 0) -> Entity:
    i = -1
    for _ in range(n + 1):
        i = TEXT.index(words, i + 1)
    return Entity(i, i + len(words), label, words, normal)


def _quote(speaker: str | None) -> Quote:
    i = TEXT.index("Мы начнём в мае")
    who = None
    if speaker is not None:
        j = TEXT.rindex(speaker)
        who = Speaker(j, j + len(speaker), speaker, "Иван Петров")
    return Quote(i, i + 15, "Мы начнём в мае", who)


OLD = [
    _at("ООО «Вектор»", "ORG", "ООО «Вектор»"),
    _at("Иван Петров", "PER", "Иван Петров"),
    _at("«Вектор»", "ORG", "«Вектор»", 1),
    _at("Казани", "LOC", "Казань"),
    _at("Петров", "PER", "Петров", 1),
]
NEW = [
    _at("Вектор", "ORG", "Вектор"),
    _at("Иван Петров", "PER", "Иван Петров"),
    _at("Вектор", "ORG", "Вектор", 1),
    _at("Казани", "LOC", "Казань"),
    _at("Петров", "PER", "Иван Петров", 1),
]


def _new_rules(doc: Document) -> Document:
    return doc.with_annotations(NEW, [_quote("Петров")])


@pytest.fixture
def service(store: Store) -> AnnotationService:
    doc = document_from_text(TEXT).with_annotations(OLD, [_quote(None)])
    store.add_document(doc)
    service = AnnotationService(store, "anna")
    spans = {e.text: e for e in store.document(doc.id).entities}
    service.confirm_entity(spans["Иван Петров"].id)
    service.delete_entity(spans["Казани"].id)
    service.resize_entity(
        spans["«Вектор»"].id, spans["«Вектор»"].start + 1, spans["«Вектор»"].end - 1
    )
    return service


def _doc(service: AnnotationService) -> Document:
    return service.store.document(service.store.document_ids()[0])


def _human(doc: Document) -> list[Entity]:
    return [e for e in doc.entities if e.state != "suggested"]


def test_the_snapshot_is_replaced_and_nothing_curated_moves(service):
    before = _doc(service)
    report = reannotate(service, predict=_new_rules)
    after = _doc(service)
    assert (after.entities, after.quotes) == (before.entities, before.quotes)
    model = service.predictions(after.id)
    assert [(e.text, e.label) for e in model.entities] == [(e.text, e.label) for e in NEW]
    assert (report.documents, report.snapshots_changed) == (1, 1)
    assert report.refreshed_documents == 1  # what --refresh-suggestions would change
    assert report.counts["entities updated"] == 2  # ООО «Вектор», Петров's normal
    assert any(e["action"] == "replace predictions" for e in service.store.events(after.id))


def test_a_refresh_updates_only_untouched_suggestions(service):
    before = _doc(service)
    report = reannotate(service, refresh=True, predict=_new_rules)
    after = _doc(service)
    assert _human(after) == _human(before)  # confirmed, resized: as they were
    ents = {(e.text, e.label, e.normal) for e in after.entities}
    assert ("Вектор", "ORG", "Вектор") in ents and (
        "ООО «Вектор»",
        "ORG",
        "ООО «Вектор»",
    ) not in ents
    assert ("Петров", "PER", "Иван Петров") in ents
    assert "Казани" not in {e.text for e in after.entities}  # the reviewer removed it
    org = next(e for e in after.entities if e.start == TEXT.index("Вектор"))
    assert org.id == next(e for e in before.entities if e.text == "ООО «Вектор»").id
    assert org.state == "suggested" and org.annotator is None
    petrov = next(e for e in after.entities if e.text == "Петров")
    assert after.quotes[0].speaker.entity == petrov.id  # linked to the curated span
    assert report.counts["entities updated"] == 2 and report.counts["quotes updated"] == 1
    assert report.human_spans == 2
    ops = {e["operation"] for e in service.store.events(after.id)}
    assert f"{REFRESH} (entities)" in ops and f"{REFRESH} (quotes)" in ops


def test_a_second_run_changes_nothing(service):
    reannotate(service, refresh=True, predict=_new_rules)
    once = _doc(service)
    report = reannotate(service, refresh=True, predict=_new_rules)
    again = _doc(service)
    assert (again.entities, again.quotes) == (once.entities, once.quotes)
    assert (report.snapshots_changed, report.refreshed_documents) == (0, 0)


def test_a_refresh_is_undone_like_any_edit(service):
    before = _doc(service)
    committed = []
    service.changes_applied.connect(committed.append)
    reannotate(service, refresh=True, predict=_new_rules)
    assert len(committed) == 2  # entities, then quotes
    for changes in reversed(committed):
        service.revert(changes)
    after = _doc(service)
    assert (after.entities, after.quotes) == (before.entities, before.quotes)


def test_only_the_statuses_asked_for(service):
    doc_id = _doc(service).id
    service.set_status(doc_id, "done")
    assert reannotate(service, statuses=["new"], predict=_new_rules).documents == 0
    assert reannotate(service, statuses=["done"], predict=_new_rules).documents == 1


def test_a_document_that_fails_is_one_line_and_the_rest_goes_on(service):
    def broken(doc: Document) -> Document:
        raise RuntimeError("model crashed")

    report = reannotate(service, predict=broken)
    assert report.documents == 0 and report.errors[0].endswith("model crashed")
    assert service.predictions(_doc(service).id).entities  # the old snapshot kept


def test_a_refresh_after_a_plain_run_still_updates_the_old_suggestions(service):
    reannotate(service, predict=_new_rules)  # the snapshot first, the spans later
    report = reannotate(service, refresh=True, predict=_new_rules)
    after = _doc(service)
    assert ("Вектор", "ORG") in {(e.text, e.label) for e in after.entities}
    assert "Казани" not in {e.text for e in after.entities}  # still the reviewer's call
    assert report.counts["entities updated"] == 2 and report.counts["entities removed"] == 0
