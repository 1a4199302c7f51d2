"""The document list of a team database: an annotator's share, and each document's
versions, read through the service as the window reads them."""

from __future__ import annotations

from pathlib import Path

from models.service.annotation import AnnotationService
from models.store.store import Store
from models.team.assign import plan, write_shares


def _ids(service: AnnotationService, **filters: str) -> list[str]:
    listing = service.listing(**filters)
    return [s.id for s in listing.page(0, 100)]


def test_every_summary_names_the_versions_of_its_document(
    tmp_path: Path, team_ids, build_team
) -> None:
    d2 = team_ids[1]
    team = build_team(tmp_path)
    service = AnnotationService(Store(team.team))
    rows = service.listing().page(0, 10)
    assert [r.versions for r in rows] == [
        (("anna", "done"), ("boris", "done"), ("vera", "done"))
    ] * 3
    assert service.team.annotators() == ["anna", "boris", "vera"]
    assert [v.annotator for v in service.team.versions(d2)] == ["anna", "boris", "vera"]
    assert [v.quotes for v in service.team.versions(d2)] == [1, 1, 0]  # vera deleted it


def test_the_annotator_filter_keeps_their_share(
    tmp_path: Path, team_ids, make_team_corpus, merge_into
) -> None:
    d1, d2, d3 = team_ids
    corpus = make_team_corpus(tmp_path / "corpus.db")
    source = Store(corpus)
    shares = plan(source.document_ids(), ["anna", "boris"], 0.0, 2, 0)
    paths = write_shares(source, shares, tmp_path / "out", {"overlap": 0.0})
    source.close()
    merge_into(tmp_path / "team.db", *paths)
    service = AnnotationService(Store(tmp_path / "team.db"))
    for name, mine in shares.shares.items():
        assert _ids(service, annotator=name) == [d for d in (d1, d2, d3) if d in mine]
        listing = service.listing(annotator=name)
        assert listing.filtered and listing.extent()[0] == len(mine)
        assert all(listing.row_of(d) is None for d in (d1, d2, d3) if d not in mine)
    assert _ids(service, annotator="nobody") == []
    assert _ids(service, annotator="anna", status="done") == []  # the gold is new


def test_a_database_without_team_work_has_no_versions(
    tmp_path: Path, team_ids, make_team_corpus
) -> None:
    d1, d2, d3 = team_ids
    service = AnnotationService(Store(make_team_corpus(tmp_path / "corpus.db")))
    assert service.team.annotators() == []
    assert [r.versions for r in service.listing().page(0, 10)] == [()] * 3
    assert _ids(service) == [d1, d2, d3]


def test_an_assigned_file_alone_lists_everything(
    tmp_path: Path, make_team_corpus, assign_all
) -> None:
    files = assign_all(make_team_corpus(tmp_path / "corpus.db"), tmp_path / "out")
    service = AnnotationService(Store(files["anna"]))
    assert len(_ids(service)) == 3 and service.team.annotators() == []
