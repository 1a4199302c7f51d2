"""Adjudication without a screen: the gold it produces, undo and redo, the order Tab
walks, and the event log naming the adjudicator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.io.exporters import ExportOptions, export
from models.service import EditError
from models.service.annotation import AnnotationService
from models.store.store import Store
from models.team.adjudicate import Adjudication


@pytest.fixture
def service(team) -> AnnotationService:
    return AnnotationService(Store(team.team), annotator="lead")


@pytest.fixture
def adj(service: AnnotationService, team_ids) -> Adjudication:
    """The first document's adjudication, prepared: what all three have is accepted, the
    two disagreements are put up."""
    adjudication = Adjudication(service, team_ids[0])
    adjudication.prepare()
    return adjudication


def _gold(service: AnnotationService, doc_id: str) -> set[tuple[str, str, str]]:
    return {(e.text, e.label, e.state) for e in service.document(doc_id).entities}


def test_prepare_accepts_what_everyone_has_and_puts_up_the_rest(
    service: AnnotationService, team_ids
) -> None:
    d1 = team_ids[0]
    adj = Adjudication(service, d1)
    assert adj.annotators == ("anna", "boris", "vera")
    merged = {(c.span.text, c.holders) for c in adj.candidates()}
    assert merged == {
        ("Владимир Путин", ("anna", "boris", "vera")),
        ("Садыром Жапаровым", ("anna", "vera")),
        ("Жапаровым", ("boris",)),
        ("Москве", ("anna", "vera")),
    }
    adj.prepare()
    assert _gold(service, d1) == {
        ("Владимир Путин", "PER", "confirmed"),
        ("Садыром Жапаровым", "PER", "suggested"),
        ("Жапаровым", "PER", "suggested"),
        ("Москве", "LOC", "suggested"),
    }
    first, second = adj.disagreements()
    assert [c.span.text for c in first.candidates] == ["Садыром Жапаровым", "Жапаровым"]
    assert first.side("boris")[0].span.text == "Жапаровым" and second.side("boris") == ()
    assert adj.remaining() == 2
    assert len(adj.prepare()) == 0  # idempotent


def test_decisions_give_the_expected_gold_and_are_logged(
    service: AnnotationService, adj: Adjudication, team_documents
) -> None:
    d1 = adj.doc_id
    names = adj.annotators
    first = adj.next_disagreement(pending=True)
    assert first is not None
    adj.take_side(first, "anna")  # the whole name
    second = adj.next_disagreement(first, pending=True)
    assert second is not None and second.start == team_documents[0].text.index("Москве")
    adj.take_side(second, "boris")  # boris had no LOC here: rejected
    assert _gold(service, d1) == {
        ("Владимир Путин", "PER", "confirmed"),
        ("Садыром Жапаровым", "PER", "confirmed"),
    }
    assert adj.remaining() == 0 and adj.next_disagreement(pending=True) is None
    assert len(adj.prepare()) == 0  # decisions are not undone by preparing again
    decisions = [
        e for e in service.store.events(d1) if (e["operation"] or "").startswith("Adjudicate")
    ]
    assert {e["annotator"] for e in decisions} == {"lead"}
    ops = {e["operation"] for e in decisions}
    assert "Adjudicate: anna's side: PER «Садыром Жапаровым»" in ops
    assert "Adjudicate: boris's side: nothing" in ops
    assert names == ("anna", "boris", "vera")


def test_undo_and_redo(service: AnnotationService, team_ids) -> None:
    d1 = team_ids[0]
    adj = Adjudication(service, d1)
    prepared = adj.prepare()
    before = _gold(service, d1)
    decision = adj.take_side(adj.disagreements()[0], "boris")
    after = _gold(service, d1)
    assert ("Жапаровым", "PER", "added") in after and adj.remaining() == 1  # not the model's
    service.revert(decision)
    assert _gold(service, d1) == before and adj.remaining() == 2
    service.reapply(decision)
    assert _gold(service, d1) == after
    service.revert(decision)
    service.revert(prepared)
    assert _gold(service, d1) == {
        (t, label, "suggested")
        for t, label in (("Владимир Путин", "PER"), ("Садыром Жапаровым", "PER"), ("Москве", "LOC"))
    }


def test_tab_walks_the_disagreements_in_order_and_wraps(adj: Adjudication) -> None:
    first, second = adj.disagreements()
    assert adj.next_disagreement() == first
    assert adj.next_disagreement(first) == second
    assert adj.next_disagreement(second) == first
    assert adj.next_disagreement(first, backwards=True) == second
    adj.reject(first)
    assert adj.next_disagreement(second, pending=True) == adj.disagreements()[1]
    assert adj.next_disagreement(None, pending=True).start == second.start  # type: ignore[union-attr]


def test_take_one_candidate_or_edit_the_final_span(
    service: AnnotationService, adj: Adjudication, team_documents
) -> None:
    d1 = adj.doc_id
    first, second = adj.disagreements()
    boris = first.side("boris")[0]
    adj.take(first, boris)
    assert ("Жапаровым", "PER", "added") in _gold(service, d1)
    start = team_documents[0].text.index("Москве")
    adj.edit(second, start - 2, start + len("Москве"), "ORG")
    assert ("в Москве", "ORG", "added") in _gold(service, d1)
    assert ("Москве", "LOC", "suggested") not in _gold(service, d1) and adj.remaining() == 0
    with pytest.raises(EditError):
        adj.edit(second, 0, 999, "PER")


def test_a_speaker_disagreement_links_the_chosen_speaker(
    service: AnnotationService, team_ids
) -> None:
    d2 = team_ids[1]
    adj = Adjudication(service, d2)
    adj.prepare()
    (d,) = adj.disagreements()
    assert d.kind == "quote" and [c.holders for c in d.candidates] == [("boris",), ("anna",)]
    adj.take_side(d, "anna")
    (quote,) = service.document(d2).quotes
    peskov = next(e for e in service.document(d2).entities if e.text == "Дмитрий Песков")
    assert quote.speaker is not None and quote.speaker.entity == peskov.id
    assert quote.state == "confirmed" and quote.annotator == "lead"


def test_identical_versions_leave_nothing_to_decide(service: AnnotationService, team_ids) -> None:
    d3 = team_ids[2]
    adj = Adjudication(service, d3)
    assert adj.disagreements() == []
    adj.prepare()
    assert {s for _, _, s in _gold(service, d3)} == {"confirmed"}


def test_what_the_adjudicator_deleted_stays_deleted(
    service: AnnotationService, adj: Adjudication
) -> None:
    d1 = adj.doc_id
    putin = next(e for e in service.document(d1).entities if e.text == "Владимир Путин")
    service.delete_entity(putin.id)  # type: ignore[arg-type]
    assert len(adj.prepare()) == 0
    assert "Владимир Путин" not in {t for t, _, _ in _gold(service, d1)}


def test_a_suggestion_nobody_kept_leaves_the_gold(
    tmp_path: Path, team_ids, make_team_corpus, assign_all, scripted_work, merge_into
) -> None:
    d1 = team_ids[0]
    files = assign_all(
        make_team_corpus(tmp_path / "corpus.db"), tmp_path / "out", ("boris", "gleb")
    )
    for path in files.values():
        scripted_work(path, "boris")  # both delete LOC «Москве»
    merge_into(tmp_path / "team.db", *files.values())
    service = AnnotationService(Store(tmp_path / "team.db"), annotator="lead")
    adj = Adjudication(service, d1)
    adj.prepare()
    assert adj.disagreements() == []
    assert _gold(service, d1) == {
        ("Владимир Путин", "PER", "confirmed"),
        ("Жапаровым", "PER", "added"),  # not the model's extent
    }


def test_the_export_takes_the_adjudicated_gold(
    service: AnnotationService, tmp_path: Path, adj: Adjudication
) -> None:
    d1 = adj.doc_id
    for d in adj.disagreements():
        adj.take_side(d, "anna")
    service.set_status(d1, "done")
    export(service.store, "jsonl", tmp_path / "gold.jsonl", ExportOptions(statuses=["done"]))
    (line,) = (tmp_path / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    doc = json.loads(line)
    assert {(e["text"], e["label"]) for e in doc["entities"]} == {
        ("Владимир Путин", "PER"),
        ("Садыром Жапаровым", "PER"),
        ("Москве", "LOC"),
    }


def test_a_document_without_versions(tmp_path: Path, team_ids, make_team_corpus) -> None:
    d1 = team_ids[0]
    service = AnnotationService(Store(make_team_corpus(tmp_path / "corpus.db")), annotator="lead")
    with pytest.raises(EditError, match="no annotators' versions"):
        Adjudication(service, d1)
