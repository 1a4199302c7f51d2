"""Splitting a corpus: reproducible shares, overlap for every pair, complete files that
record their annotator and corpus, and nothing overwritten."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from models.io.ingest import document_from_text
from models.service.annotation import AnnotationService
from models.store import team as tables
from models.store.store import Store
from models.team.assign import AssignError, check_output, parse_annotators, plan, write_shares

IDS = [f"doc{i:03}" for i in range(100)]


def test_the_same_seed_gives_the_same_shares() -> None:
    a = plan(IDS, ["anna", "boris", "vera"], 0.2, 2, seed=7)
    assert a == plan(IDS, ["anna", "boris", "vera"], 0.2, 2, seed=7)
    assert a != plan(IDS, ["anna", "boris", "vera"], 0.2, 2, seed=8)


def test_overlap_goes_to_k_annotators_and_the_rest_is_split_evenly() -> None:
    shares = plan(IDS, ["anna", "boris", "vera"], 0.2, 2, seed=1)
    assert len(shares.shared) == 20
    owners = shares.owners()
    assert all(len(owners[d]) == 2 for d in shares.shared)
    assert all(len(owners[d]) == 1 for d in IDS if d not in shares.shared)
    assert set(owners) == set(IDS)  # every document goes to someone
    sizes = sorted(len(docs) for docs in shares.shares.values())
    assert sum(sizes) == 120 and sizes[-1] - sizes[0] <= 1
    for docs in shares.shares.values():  # in corpus order
        assert list(docs) == sorted(docs)


def test_every_pair_of_annotators_shares_documents() -> None:
    names = ["anna", "boris", "vera", "gleb"]
    shares = plan(IDS, names, 0.3, 2, seed=3)
    for a, b in combinations(names, 2):
        common = set(shares.shares[a]) & set(shares.shares[b])
        assert len(common) == 5  # 30 shared documents over the 6 pairs


def test_per_doc_three_of_four() -> None:
    shares = plan(IDS, ["a", "b", "c", "d"], 0.5, 3, seed=0)
    assert all(len(shares.owners()[d]) == 3 for d in shares.shared)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((IDS[:2], ["a", "b", "c"], 0.2, 2), "3 annotators but only 2 documents"),
        ((IDS, ["a", "b"], 1.5, 2), "must be between 0 and 1"),
        ((IDS, ["a", "b"], -0.1, 2), "must be between 0 and 1"),
        ((IDS, ["a", "b"], float("nan"), 2), "must be between 0 and 1"),
        ((IDS, ["a", "b"], 0.2, 3), "--per-doc 3: must be between 2 and the 2 annotators"),
        ((IDS, ["a", "b"], 0.2, 1), "--per-doc 1"),
    ],
)
def test_bad_requests_are_one_line(args: tuple, message: str) -> None:
    with pytest.raises(AssignError, match=message) as info:
        plan(*args, seed=0)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("names", ["anna,anna", "anna,Anna", "anna,", "anna,../x", "anna,a b"])
def test_bad_names(names: str) -> None:
    with pytest.raises(AssignError):
        parse_annotators(names)


def test_cyrillic_names_are_fine() -> None:
    assert parse_annotators("анна, борис") == ["анна", "борис"]


def test_files_are_complete_and_know_their_annotator_and_corpus(
    tmp_path: Path, make_team_corpus
) -> None:
    corpus = make_team_corpus(tmp_path / "corpus.db")
    source = Store(corpus)
    source.set_status(source.document_ids()[0], "done")
    shares = plan(source.document_ids(), ["anna", "boris"], 1.0, 2, seed=0)
    paths = write_shares(source, shares, tmp_path / "out", {"seed": 0})
    assert [p.name for p in paths] == ["anna.db", "boris.db"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["anna.db", "boris.db"]
    corpus_id = tables.corpus_info(source).corpus_id
    for path, name in zip(paths, ["anna", "boris"]):
        mine = Store(path)
        info = tables.corpus_info(mine)
        assert (info.corpus_id, info.annotator, info.source) == (corpus_id, name, str(corpus))
        assert info.assignment is not None and info.assignment["seed"] == 0
        assert info.file_id != tables.corpus_info(source).file_id
        for doc_id in source.document_ids():
            ours, theirs = mine.document(doc_id), source.document(doc_id)
            assert ours.status == "new"  # the annotator's own review starts here
            assert (ours.text, ours.entities, ours.quotes) == (
                theirs.text,
                theirs.entities,
                theirs.quotes,
            )
            model, theirs_model = mine.predictions(doc_id), source.predictions(doc_id)
            assert (model.entities, model.quotes) == (theirs_model.entities, theirs_model.quotes)
        # the window's search works in the annotator's file (lemmas were indexed)
        service = AnnotationService(mine)
        assert service.listing(search="Москва").extent()[0] == 1  # the text says «Москве»
        mine.close()


def test_only_the_share_goes_into_each_file(tmp_path: Path, make_team_corpus) -> None:
    corpus = tmp_path / "corpus.db"
    make_team_corpus(
        corpus, [document_from_text(f"Новость номер {n} из Казани.") for n in range(9)]
    )
    source = Store(corpus)
    shares = plan(source.document_ids(), ["anna", "boris", "vera"], 0.0, 2, seed=5)
    for path, name in zip(write_shares(source, shares, tmp_path / "out", {}), shares.shares):
        assert Store(path).document_ids() == list(shares.shares[name])
        assert len(shares.shares[name]) == 3


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "boris.db").write_bytes(b"")
    with pytest.raises(AssignError, match=r"boris\.db: exists; not overwritten"):
        check_output(tmp_path / "out", ["anna", "boris"])
    assert (tmp_path / "out" / "boris.db").read_bytes() == b""


def test_a_folder_with_other_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("мои заметки")
    with pytest.raises(AssignError, match="holds files razmetka did not write"):
        check_output(tmp_path / "out", ["anna"])


def test_a_folder_of_earlier_assignments_is_fine(tmp_path: Path, make_team_corpus) -> None:
    corpus = make_team_corpus(tmp_path / "corpus.db")
    source = Store(corpus)
    write_shares(source, plan(source.document_ids(), ["anna"], 0.0, 2, 0), tmp_path / "out", {})
    check_output(tmp_path / "out", ["boris"])  # anna.db is razmetka's own


def test_a_failure_leaves_no_partial_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_team_corpus
) -> None:
    corpus = make_team_corpus(tmp_path / "corpus.db")
    source = Store(corpus)
    shares = plan(source.document_ids(), ["anna", "boris"], 0.0, 2, 0)

    def broken(*args: object) -> bool:
        raise OSError("disk full")

    monkeypatch.setattr(Store, "add_document", broken)
    with pytest.raises(OSError):
        write_shares(source, shares, tmp_path / "out", {})
    assert list((tmp_path / "out").iterdir()) == []
