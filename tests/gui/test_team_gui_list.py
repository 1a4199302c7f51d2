"""A team database in the document list: the annotator filter keeps each annotator's
share, a column marks each document's versions, the status bar names them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from gui.panels.document_list_model import DOC_ID_ROLE
from models import Store
from models.team.assign import plan, write_shares


def _listed(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.document_list.model
    return [model.index(r, 0).data(DOC_ID_ROLE) for r in range(model.rowCount())]


def test_the_annotator_filter_shows_each_ones_documents(
    tmp_path: Path, team_names, team_ids, make_team_corpus, merge_into, team_window
) -> None:
    source = Store(make_team_corpus(tmp_path / "corpus.db"))
    shares = plan(source.document_ids(), list(team_names), 0.34, 2, 7)  # one document shared by two
    paths = write_shares(source, shares, tmp_path / "out", {"overlap": 0.34})
    source.close()
    anna = Store(paths[0])
    for doc_id in anna.document_ids():  # anna finishes hers
        anna.set_status(doc_id, "done", "anna")
    anna.close()
    merge_into(tmp_path / "team.db", *paths)
    window = team_window(tmp_path / "team.db")
    box = window.document_list.annotator_box
    assert box.isVisible()
    assert [box.itemText(i) for i in range(box.count())] == ["All annotators", *team_names]
    everything = _listed(window)  # in the team database's order (as merged)
    assert sorted(everything) == sorted(team_ids)
    for name in team_names:
        box.setCurrentIndex(box.findData(name))
        assert _listed(window) == [d for d in everything if d in shares.shares[name]]
    box.setCurrentIndex(0)
    assert _listed(window) == everything
    model = window.document_list.model
    marks = {model.index(r, 0).data(DOC_ID_ROLE): model.index(r, 5).data() for r in range(3)}
    shared = next(iter(shares.shared))
    holders = [n for n in team_names if shared in shares.shares[n]]
    assert marks[shared] == ("1/2" if "anna" in holders else "0/2")
    for doc_id, mark in marks.items():
        if doc_id != shared:
            assert mark == ("1/1" if doc_id in shares.shares["anna"] else "0/1")
    tip = model.index(_listed(window).index(shared), 5).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[1].startswith(holders[1])


def test_the_status_bar_names_the_open_documents_versions(team, team_ids, team_window) -> None:
    window = team_window(team.team)
    window.open_document(team_ids[1])
    assert window.team.versions.text() == "versions: anna done · boris done · vera done"
    assert window.document_list.model.headerData(5, Qt.Orientation.Horizontal) == "V"


def test_a_database_without_team_work_shows_no_team_controls(
    tmp_path: Path, make_team_corpus, team_window
) -> None:
    window = team_window(make_team_corpus(tmp_path / "corpus.db"))
    assert not window.document_list.annotator_box.isVisible()
    assert window.document_list.model.columnCount() == 5
    assert window.team.versions.text() == ""


def test_a_merge_while_the_window_is_open_brings_the_team_controls(
    tmp_path: Path, make_team_corpus, assign_all, merge_into, team_window
) -> None:
    files = assign_all(make_team_corpus(tmp_path / "corpus.db"), tmp_path / "out")
    window = team_window(tmp_path / "team.db")  # empty yet
    assert not window.document_list.annotator_box.isVisible()
    merge_into(tmp_path / "team.db", *files.values())  # another process: main.py merge
    window.document_list.sync()  # what the database watcher calls on a change
    box = window.document_list.annotator_box
    assert box.isVisible() and box.count() == 4
    assert window.document_list.model.rowCount() == 3
    assert window.document_list.model.index(0, 5).data() == "0/3"
