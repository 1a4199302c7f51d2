"""Two windows on one database file, each with its own connection, as two reviewers.

An edit, undo or redo of spans the other window changed meanwhile is refused: the status
bar says so, the undo stack stays as it was (no step added, the index not moved, the redo
steps kept), and the refused window shows the document as it is now.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from gui.main_window import MainWindow
from models import Store

Mod = Qt.KeyboardModifier


@pytest.fixture
def pair(qtbot, make_window, db, focused) -> Iterator[tuple[MainWindow, MainWindow]]:  # type: ignore[no-untyped-def]
    stores = [Store(db), Store(db)]
    windows = (
        focused(make_window(stores[0], "anna")),
        focused(make_window(stores[1], "boris")),
    )
    yield windows
    for w in windows:
        w.close()
    for s in stores:
        s.close()


def at(qtbot, user, w: MainWindow):  # type: ignore[no-untyped-def]
    """Work in ``w`` now: activate it (without opening anything again)."""
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.view.setFocus()
    return user.at(w)


def stack_state(w: MainWindow) -> tuple[int, int, str, str]:
    s = w.editing.stack
    return s.count(), s.index(), s.undoText(), s.redoText()


def test_deleting_what_the_other_window_deleted(qtbot, user, pair, text, stored) -> None:  # type: ignore[no-untyped-def]
    a, b = pair
    i = text.index("Бишкеке") + 2
    ub = at(qtbot, user, b)
    ub.click(text.index("РФ"))
    ub.key(Qt.Key.Key_O)  # a step to undo, then one to redo, in B's stack
    ub.key(Qt.Key.Key_Z, Mod.ControlModifier)
    ua = at(qtbot, user, a)
    ua.click(i)
    ua.key(Qt.Key.Key_Delete)
    assert b.view.span_at(i) is not None  # B still shows it
    before = stack_state(b)
    ub = at(qtbot, user, b)
    ub.click(i)
    ub.key(Qt.Key.Key_Delete)  # was a KeyError out of QUndoStack.push
    message = b.status.full_text()
    assert "was deleted in another window" in message and "shown as it is now" in message
    assert stack_state(b) == before  # no step added, the redo step kept
    assert b.view.span_at(i) is None  # B reads the document again
    assert b.current.document == stored.first()


def test_deleting_an_entity_the_other_window_made_a_speaker(
    qtbot, user, pair, text, stored
) -> None:  # type: ignore[no-untyped-def]
    a, b = pair
    k = text.index("Крупнова")
    ub = at(qtbot, user, b)
    ub.click(text.index("важный"))
    ub.key(Qt.Key.Key_S)
    ub.click(k)  # B links the quote to «Юрия Крупнова»
    krupnov = next(e for e in stored.first().entities if e.text == "Юрия Крупнова")
    ua = at(qtbot, user, a)
    ua.click(k)
    ua.key(Qt.Key.Key_Delete)  # A still shows the quote without a speaker
    assert "the quote «это важный шаг» was changed" in a.status.full_text()
    assert a.editing.stack.count() == 0
    assert a.current.document.quotes[0].speaker.entity == krupnov.id  # A shows the link now
    assert krupnov in stored.first().entities
    ua.click(k)
    ua.key(Qt.Key.Key_Delete)  # seen now: A deletes it, and the quote is unlinked
    unlink = [e for e in stored.events() if e["action"] == "change quote"][-1]
    assert unlink["annotator"] == "anna"
    assert unlink["before"]["speaker"]["entity"] == krupnov.id  # the log says what was there
    assert stored.first().quotes[0].speaker.entity is None
    ua.key(Qt.Key.Key_Z, Mod.ControlModifier)
    assert stored.first().quotes[0].speaker.entity == krupnov.id  # undo restores B's link


def test_undo_and_redo_of_edits_the_other_window_changed(qtbot, user, pair, text, stored) -> None:  # type: ignore[no-untyped-def]
    a, b = pair
    rf, bishkek = text.index("РФ"), text.index("Бишкеке") + 2
    ua = at(qtbot, user, a)
    ua.click(rf)
    ua.key(Qt.Key.Key_O)  # РФ: LOC → ORG, the step to undo
    ua.click(bishkek)
    ua.key(Qt.Key.Key_O)
    ua.key(Qt.Key.Key_Z, Mod.ControlModifier)  # Бишкеке back to LOC: the step to redo
    b.open_document(b.current.id)  # B opens the document again and sees all that
    ub = at(qtbot, user, b)
    ub.click(rf)
    ub.key(Qt.Key.Key_P)  # РФ becomes PER
    ub.click(bishkek)
    ub.key(Qt.Key.Key_Delete)  # Бишкеке is deleted
    before = stack_state(a)
    assert before == (2, 1, "Relabel «РФ» LOC → ORG", "Relabel «Бишкеке» LOC → ORG")
    ua = at(qtbot, user, a)
    ua.key(Qt.Key.Key_Z, Mod.ControlModifier)
    assert "«РФ» (ORG) was changed in another window" in a.status.full_text()
    assert stack_state(a) == before  # the index did not move
    assert a.current.document == stored.first()  # A shows PER and no Бишкеке now
    assert a.view.span_at(bishkek) is None
    ua.key(Qt.Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    assert "«Бишкеке» (LOC) was deleted in another window" in a.status.full_text()
    assert stack_state(a) == before
    assert ("РФ", "PER") in [(e.text, e.label) for e in stored.first().entities]
    a.editing.stack.undo()  # moved by the stack itself, the refused step is dropped:
    assert stack_state(a)[:2] == (1, 0)  # the index still says what the file holds


def test_the_document_read_again_keeps_its_place(
    qtbot, user, make_window, corpus, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join(f"Абзац {n}: встреча в Бишкеке." for n in range(300))
    path = tmp_path / "long.db"
    corpus.write(path, [corpus.suggested(text, {})])
    far = text.rindex("Бишкеке")
    stores = [Store(path), Store(path)]
    doc_id = stores[0].document_ids()[0]
    a, b = make_window(stores[0], "anna"), make_window(stores[1], "boris")
    for w in (a, b):
        w.open_first()
    b.service.add_entity(doc_id, far, far + 7, "LOC")  # B adds it; A does not show it yet
    a.open_document(doc_id)  # A sees it
    ua = at(qtbot, user, a)
    a.view.select_span(far, far + 7)  # scrolled far down, as a reviewer gets there
    place = a.view.verticalScrollBar().value()
    assert place > 0
    b.service.delete_entity(stores[1].document(doc_id).entities[0].id)
    ua.click(far + 2)
    ua.key(Qt.Key.Key_Delete)  # refused: B deleted it
    assert "was deleted in another window" in a.status.full_text()
    assert a.view.verticalScrollBar().value() == place  # read again in place, not at the top
    for w in (a, b):
        w.close()
    for s in stores:
        s.close()
