"""The review diff: the model's snapshot against the current gold."""

from __future__ import annotations

from models.service.annotation import AnnotationService
from models.service.review import diff_spans, review_diff
from models.spans import Entity, Quote, Speaker
from models.store.store import Store


def E(start: int, end: int, label: str = "PER") -> Entity:
    return Entity(start, end, label, "x" * (end - start))


def test_identical_spans_are_kept() -> None:
    d = diff_spans([E(0, 5), E(7, 9)], [E(0, 5), E(7, 9)])
    assert len(d.kept) == 2 and not (d.added or d.removed or d.changed)
    assert d.agreement == 1.0


def test_other_label_or_overlap_is_changed() -> None:
    d = diff_spans([E(0, 5), E(10, 14)], [E(0, 5, "ORG"), E(9, 14)])
    assert [(m.start, g.start) for m, g in d.changed] == [(0, 0), (10, 9)]


def test_unpaired_spans_are_added_or_removed() -> None:
    d = diff_spans([E(0, 5), E(20, 25)], [E(0, 5), E(30, 31)])
    assert [s.start for s in d.added] == [30] and [s.start for s in d.removed] == [20]
    assert d.agreement == 1 / 3


def test_best_overlap_wins_the_pairing() -> None:
    d = diff_spans([E(0, 10)], [E(0, 2), E(1, 9)])
    assert [(g.start, g.end) for _, g in d.changed] == [(1, 9)]
    assert [(g.start, g.end) for g in d.added] == [(0, 2)]


def test_quote_with_another_speaker_is_changed() -> None:
    q = Quote(0, 5, "xxxxx", Speaker(10, 12, "yy"))
    d = diff_spans([q], [Quote(0, 5, "xxxxx", Speaker(20, 22, "zz"))])
    assert len(d.changed) == 1 and not d.kept


def test_diff_of_a_reviewed_document(store: Store, make_service, span) -> None:
    svc: AnnotationService
    svc, doc = make_service(store)
    svc.relabel(span(doc, "Бишкеке").id, "ORG")
    svc.delete_entity(span(doc, "РФ").id)
    svc.add_entity(doc.id, 0, 9, "PER")
    diff = review_diff(store.predictions(doc.id), store.document(doc.id))
    ents = diff.entities
    assert [g.text for g in ents.added] == ["Президент"]
    assert [m.text for m in ents.removed] == ["РФ"]
    assert [(m.label, g.label) for m, g in ents.changed] == [("LOC", "ORG")]
    assert len(ents.kept) == len(doc.entities) - 2
