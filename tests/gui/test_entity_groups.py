"""Person groups in the window: the Вертинский fix, rename, merge and move, by keys.

The article (the ``vertinsky`` fixture) holds one man in three groups because
natasha joined "Сталину Вертинский". The reviewer fixes that span in the article, or
renames and merges groups in the Entities panel (F2, M, the context menu); the panel,
the quote panel and the database file follow, and Ctrl+Z undoes each as one step.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from gui.panels.entity_model import LEVEL_ROLE

PIERROT = "Пьеро Вертинский"


@pytest.fixture
def db(tmp_path: Path, corpus, vertinsky) -> Path:  # type: ignore[no-untyped-def]
    """The Вертинский article alone: the ``window``, ``store`` and ``stored`` it opens."""
    out = tmp_path / "groups.db"
    corpus.write(out, [vertinsky.document])
    return out


def _groups(w) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The PER groups the panel shows, with their mention counts."""
    model = w.entity_panel.model
    head = next(
        model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == "PER"
    )
    return {
        model.index(r, 0, head).data(): int(model.index(r, 1, head).data())
        for r in range(model.rowCount(head))
    }


def _speakers_shown(w) -> list[str]:  # type: ignore[no-untyped-def]
    model = w.quote_panel.model
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def _select_group(qtbot, w, name: str) -> None:  # type: ignore[no-untyped-def]
    panel = w.entity_panel
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(panel.model.group_index(("PER", name)))
    qtbot.waitUntil(lambda: panel.tree.hasFocus())


def _type(widget: QWidget, words: str) -> None:
    """Type words key by key (QTest's keyClicks knows only ASCII)."""
    for char in words:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def _undo(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(w.entity_panel.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_fixing_the_merged_span_in_the_article_moves_every_mention(
    user, window, stored, vertinsky
) -> None:  # type: ignore[no-untyped-def]
    wrong, right = vertinsky.wrong, vertinsky.right
    assert _groups(window) == {wrong: 4, right: 1, PIERROT: 1}
    user.click(vertinsky.nth("Сталину")[0] + 2)
    user.key(
        Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert _groups(window) == {right: 5, PIERROT: 1}
    assert _speakers_shown(window) == [right, right]
    doc = stored.first()  # a fresh connection: what a restart reads
    assert wrong not in {n for _, n in vertinsky.normals(doc)} | set(vertinsky.speakers(doc))
    fix = [e for e in stored.events() if (e["operation"] or "").startswith("Resize PER «Сталину")]
    assert len(fix) == 6 and window.editing.stack.count() == 1  # one step
    window.view.setFocus()
    user.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _groups(window) == {wrong: 4, right: 1, PIERROT: 1}
    assert _speakers_shown(window) == [wrong, wrong]
    assert vertinsky.normals(stored.first()) == vertinsky.normals(vertinsky.document)


def test_f2_renames_a_group_and_ctrl_z_undoes_it(qtbot, window, stored, vertinsky) -> None:  # type: ignore[no-untyped-def]
    wrong, right = vertinsky.wrong, vertinsky.right
    _select_group(qtbot, window, wrong)
    tree = window.entity_panel.tree
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == wrong
    editor.selectAll()
    _type(editor, right)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wrong not in _groups(window))
    assert _groups(window) == {right: 5, PIERROT: 1}
    assert _speakers_shown(window) == [right, right]
    assert tree.currentIndex().data() == right  # the renamed group stays selected
    events = [e for e in stored.events() if e["operation"] == f"Rename group «{wrong}» → «{right}»"]
    assert len(events) == 6 and {e["annotator"] for e in events} == {"tester"}
    _undo(qtbot, window)
    assert _groups(window) == {wrong: 4, right: 1, PIERROT: 1}
    assert vertinsky.normals(stored.first()) == vertinsky.normals(vertinsky.document)


def _chooser_type(qtbot, w, words: str) -> None:  # type: ignore[no-untyped-def]
    chooser = w.entity_panel.chooser
    qtbot.waitUntil(lambda: chooser is not None and chooser.isVisible())
    line = chooser.findChild(QLineEdit)
    line.selectAll()
    _type(line, words)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_m_merges_a_group_into_the_one_typed(qtbot, window, stored, vertinsky) -> None:  # type: ignore[no-untyped-def]
    wrong, right = vertinsky.wrong, vertinsky.right
    _select_group(qtbot, window, PIERROT)
    qtbot.keyClick(window.entity_panel.tree, Qt.Key.Key_M)
    _chooser_type(qtbot, window, "Але")  # completes to the group's name
    qtbot.waitUntil(lambda: PIERROT not in _groups(window))
    assert _groups(window) == {wrong: 4, right: 2}
    assert (PIERROT, right) in vertinsky.normals(stored.first())
    assert window.editing.stack.count() == 1 and not window.status.full_text().startswith("no")
    assert any(e["operation"] == f"Merge group «{PIERROT}» into «{right}»" for e in stored.events())
    _undo(qtbot, window)
    assert _groups(window) == {wrong: 4, right: 1, PIERROT: 1}


def _mention(qtbot, w, group: str, text: str):  # type: ignore[no-untyped-def]
    panel = w.entity_panel
    parent = panel.model.group_index(("PER", group))
    panel.tree.expand(parent)
    qtbot.waitUntil(lambda: panel.model.rowCount(panel.model.group_index(("PER", group))) > 0)
    parent = panel.model.group_index(("PER", group))
    rows = [panel.model.index(r, 0, parent) for r in range(panel.model.rowCount(parent))]
    return next(i for i in rows if i.data() == text)


def test_m_on_a_mention_moves_it_alone(qtbot, window, stored, vertinsky) -> None:  # type: ignore[no-untyped-def]
    wrong, right = vertinsky.wrong, vertinsky.right
    panel = window.entity_panel
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(_mention(qtbot, window, wrong, "Вертинскому"))
    assert panel.tree.currentIndex().data(LEVEL_ROLE) == "mention"
    qtbot.keyClick(panel.tree, Qt.Key.Key_M)
    _chooser_type(qtbot, window, right)
    qtbot.waitUntil(lambda: _groups(window).get(right) == 2)
    assert _groups(window) == {wrong: 3, right: 2, PIERROT: 1}
    assert ("Вертинскому", right) in vertinsky.normals(stored.first())
    _undo(qtbot, window)
    assert _groups(window) == {wrong: 4, right: 1, PIERROT: 1}


def test_f2_on_a_mention_gives_it_a_new_group(qtbot, window, stored, vertinsky) -> None:  # type: ignore[no-untyped-def]
    wrong = vertinsky.wrong
    panel = window.entity_panel
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(_mention(qtbot, window, wrong, "Вертинскому"))
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == wrong  # the group's name
    editor.selectAll()
    _type(editor, "Вертинский-младший")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Вертинский-младший" in _groups(window))
    assert _groups(window)[wrong] == 3


def test_the_context_menu_offers_rename_and_the_other_groups(
    qtbot, window, stored, vertinsky
) -> None:  # type: ignore[no-untyped-def]
    wrong, right = vertinsky.wrong, vertinsky.right
    panel = window.entity_panel
    index = panel.model.group_index(("PER", wrong))
    pos = panel.tree.visualRect(index).center()
    panel.tree.customContextMenuRequested.emit(pos)
    menu = panel.menu
    assert menu is not None and menu.isVisible()
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "Rename…" and "Merge into" in texts
    into = next(a.menu() for a in menu.actions() if a.text() == "Merge into")
    offered = [a.text() for a in into.actions() if a.text()]
    assert offered[:2] == [right, PIERROT] and offered[-1] == "Merge into group…"
    into.actions()[0].trigger()
    qtbot.waitUntil(lambda: wrong not in _groups(window))
    assert _groups(window) == {right: 5, PIERROT: 1}
    assert _speakers_shown(window) == [right, right]
