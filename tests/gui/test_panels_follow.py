"""The article, the panels and the review view follow the open document in place.

Edits are committed through the service (as undo commands do) or made and undone with
keys; the Qt item models must insert, remove and change rows one by one (no reset, no
timer), and the article must redraw only what changed. A window that is gone must not
hear the service any more.
"""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt

from gui.panels.entity_model import LEVEL_ROLE
from models import Store


class Recorder:
    """Every structural signal of an item model, in order."""

    def __init__(self, model) -> None:  # type: ignore[no-untyped-def]
        self.seen: list[tuple] = []
        model.modelReset.connect(lambda: self.seen.append(("reset",)))
        model.rowsInserted.connect(lambda p, a, b: self.seen.append(("inserted", _name(p), a, b)))
        model.rowsRemoved.connect(lambda p, a, b: self.seen.append(("removed", _name(p), a, b)))
        model.dataChanged.connect(lambda a, _b: self.seen.append(("changed", a.row())))

    def kinds(self) -> set[str]:
        return {s[0] for s in self.seen}


def _name(index) -> str | None:  # type: ignore[no-untyped-def]
    return index.data() if index.isValid() else None


def _rows(model, parent=None) -> list[str]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def _find(model, text: str, level: str):  # type: ignore[no-untyped-def]
    hits = model.match(model.index(0, 0), LEVEL_ROLE, level, -1, Qt.MatchFlag.MatchRecursive)
    return next(i for i in hits if i.data() == text)


def test_a_new_quote_is_one_inserted_row_and_a_delete_one_removed(window, text) -> None:
    model, doc = window.quote_panel.model, window.current.document
    rec = Recorder(model)
    i = text.index("Мы договорились")
    added = window.service.add_quote(doc.id, i, i + 15).changes[0].after
    assert rec.seen == [("inserted", None, 0, 0)]  # before "это важный шаг": row 0
    assert model.quote(0) == added and model.rowCount() == 2
    window.service.delete_quote(added.id)
    assert rec.seen[-1] == ("removed", None, 0, 0) and model.rowCount() == 1
    assert "reset" not in rec.kinds()


def test_a_speaker_link_changes_the_quote_row_in_place(window, text) -> None:
    model, doc = window.quote_panel.model, window.current.document
    rec = Recorder(model)
    krupnov = next(e for e in doc.entities if e.text == "Юрия Крупнова")
    window.service.set_speaker_entity(doc.quotes[0].id, krupnov.id)
    assert rec.seen == [("changed", 0)]
    assert model.index(0, 1).data() == "Юрия Крупнова"


def _structure(rec: Recorder) -> list[tuple]:
    return [s for s in rec.seen if s[0] != "changed"]


def test_a_new_name_is_one_group_row_inserted_in_its_place(window, text) -> None:
    model, tree, svc = window.entity_panel.model, window.entity_panel.tree, window.service
    doc = window.current.document
    tree.expand(_find(model, "Владимир Путин", "group"))  # its mention rows are made
    assert _rows(model, _find(model, "Владимир Путин", "group")) == ["Владимир Путин"]
    rec = Recorder(model)
    i = text.index("Президент")
    cs = svc.add_entity(doc.id, i, i + 9, "PER")  # a normal form of its own: a new group
    assert _structure(rec) == [("inserted", "PER", 1, 1)]  # between "Владимир…" and "Садыром…"
    per = _find(model, "PER", "label")
    assert _rows(model, per)[1] == "Президент" and model.index(per.row(), 1).data() == "4"
    rec.seen.clear()
    svc.revert(cs)
    assert _structure(rec) == [("removed", "PER", 1, 1)]
    assert model.index(per.row(), 1).data() == "3"
    assert tree.isExpanded(_find(model, "Владимир Путин", "group"))  # nothing collapsed


def test_a_relabel_moves_the_mention_to_its_new_label(window) -> None:
    model, tree, svc = window.entity_panel.model, window.entity_panel.tree, window.service
    source = next(e for e in window.current.document.entities if e.text == "Бишкеке")
    rec = Recorder(model)
    svc.relabel(source.id, "ORG")
    assert _structure(rec) == [
        ("removed", "LOC", 0, 0),  # "Бишкеке" was LOC's first group
        ("inserted", None, 2, 2),  # ORG, the label set's third label
        ("inserted", "ORG", 0, 0),
    ]
    assert tree.isExpanded(_find(model, "ORG", "label"))  # a new label opens, as labels do
    assert _rows(model, _find(model, "LOC", "label")) == ["РФ"]


def test_more_mentions_are_rows_in_their_open_group(qtbot, window, text) -> None:  # type: ignore[no-untyped-def]
    model, tree, svc = window.entity_panel.model, window.entity_panel.tree, window.service
    i = text.index("Путин журналистам")
    putin = svc.add_entity(window.current.id, i, i + 5, "PER").changes[0].after
    assert putin.normal == "Владимир Путин"  # a lone surname takes the full name
    tree.expand(_find(model, "Владимир Путин", "group"))
    qtbot.waitUntil(lambda: model.rowCount(_find(model, "Владимир Путин", "group")) == 2)
    rec = Recorder(model)
    svc.apply_to_all(putin.id, match="lemmas")  # "Путину", "Путина": one normal form
    inserted = [s for s in _structure(rec) if s[1] == "Владимир Путин"]
    assert inserted == [("inserted", "Владимир Путин", 2, 2), ("inserted", "Владимир Путин", 3, 3)]
    group = _find(model, "Владимир Путин", "group")
    assert _rows(model, group) == ["Владимир Путин", "Путин", "Путину", "Путина"]
    assert group.row() == 0  # most mentions first, as a rebuilt tree has it
    assert tree.isExpanded(group)  # still open


def test_undo_and_redo_on_the_stack_update_the_article_and_the_panels(
    user, window, painted, text
) -> None:  # type: ignore[no-untyped-def]
    i = text.index("Президент")
    tree, quotes = window.entity_panel.model, window.quote_panel.model
    rec = Recorder(tree)
    user.drag(i, i + 9)
    user.key(Qt.Key.Key_P)
    assert painted.label(window.view, i) == "PER"
    assert tree.findItems("Президент", Qt.MatchFlag.MatchRecursive)
    user.click(text.index("важный"))
    user.key(Qt.Key.Key_Delete)  # the quote
    assert quotes.rowCount() == 0
    stack = window.editing.stack
    stack.undo()
    assert quotes.rowCount() == 1 and window.view.span_at(text.index("важный")) == (
        "quote",
        quotes.quote(0).id,
    )
    stack.undo()
    assert painted.label(window.view, i) is None
    assert not tree.findItems("Президент", Qt.MatchFlag.MatchRecursive)
    stack.redo()
    assert painted.label(window.view, i) == "PER"
    assert tree.findItems("Президент", Qt.MatchFlag.MatchRecursive)
    assert "reset" not in rec.kinds()


def test_the_review_view_follows_the_open_document(qtbot, user, window, text) -> None:  # type: ignore[no-untyped-def]
    review = window.editing.review
    review.show_open()
    assert review.list.count() == 0
    window.service.delete_entity(window.current.document.entities[0].id)
    assert review.list.count() == 1
    window.open_document(window.document_list.model.summary(1).id)
    assert review.gold_view.toPlainText() == window.current.document.text


@pytest.mark.parametrize("close", [True, False])
def test_a_window_that_is_gone_no_longer_hears_the_service(
    qtbot, db, make_window, close: bool
) -> None:  # type: ignore[no-untyped-def]
    store = Store(db)
    w = make_window(store)
    w.open_first()
    service, doc = w.service, w.current.document
    listening = len(service.changes_applied)
    assert listening >= 2  # the open document, and the list's counts at least
    if close:
        w.close()
    w.deleteLater()
    qtbot.wait(10)  # the deferred delete runs
    del w
    gc.collect()
    assert len(service.changes_applied) < listening
    service.delete_entity(doc.entities[0].id)  # nothing left to call into a deleted widget
    store.close()
