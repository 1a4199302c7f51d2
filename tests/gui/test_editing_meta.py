"""Meta-tests: every undo command names itself, every action explains itself."""

from __future__ import annotations

import inspect

from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

from gui.editing import commands


def _instances(svc, doc_id: str, ent: int, quote: int, text: str) -> list[QUndoCommand]:  # type: ignore[no-untyped-def]
    i = text.index("Президент")
    made = {
        commands.AddEntityCommand: (svc, doc_id, i, i + 9, "PER"),
        commands.DeleteEntityCommand: (svc, ent),
        commands.RelabelCommand: (svc, ent, "ORG"),
        commands.MoveEdgeCommand: (svc, "entity", ent, "end", 1),
        commands.ResizeCommand: (svc, "entity", ent, i, i + 9),
        commands.ConfirmCommand: (svc, "entity", ent),
        commands.ConfirmAllCommand: (svc, doc_id),
        commands.AddQuoteCommand: (svc, doc_id, i, i + 20),
        commands.DeleteQuoteCommand: (svc, quote),
        commands.SetSpeakerCommand: (svc, quote, ent),
        commands.UnlinkSpeakerCommand: (svc, quote),
        commands.ApplyToAllCommand: (svc, ent, "document", "words"),
        commands.RemoveEverywhereCommand: (svc, ent, "document", "words"),
        commands.SetStatusCommand: (svc, doc_id, "done"),
        commands.RenameGroupCommand: (svc, doc_id, "LOC", "Бишкеке", "Бишкек"),
        commands.MergeGroupsCommand: (svc, doc_id, "LOC", "Бишкеке", "РФ"),
        commands.MoveToGroupCommand: (svc, ent, "Бишкек"),
    }
    every = {
        c
        for _, c in inspect.getmembers(commands, inspect.isclass)
        if issubclass(c, QUndoCommand)
        and c.__module__ == commands.__name__
        and c is not commands.ServiceCommand
    }
    assert every == set(made), "a command class without a case in this test"
    return [cls(*args) for cls, args in made.items()]


def test_every_command_has_readable_text_before_and_after_redo(window, text) -> None:
    svc = window.service
    doc = window.current.document
    ent = next(e for e in doc.entities if e.text == "Бишкеке").id
    for command in _instances(svc, doc.id, ent, doc.quotes[0].id, text):
        assert command.text(), type(command).__name__
        stack = QUndoStack()
        stack.push(command)
        if stack.count():
            assert stack.undoText(), type(command).__name__
            stack.undo()


def test_every_action_in_the_window_has_a_tooltip(window) -> None:
    # Qt falls back to the action's text when no tooltip was set: that is no tooltip.
    missing = [
        a.text()
        for a in window.findChildren(QAction)
        if not a.isSeparator()
        and a.text()
        and a.menu() is None
        and a.toolTip().strip() in ("", a.text().replace("&", ""))
    ]
    assert missing == []


def test_edit_menu_lists_undo_and_redo_with_names(window) -> None:
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    texts = [a.text() for a in menus["&Edit"].actions()]
    assert texts[:2] == ["&Undo", "&Redo"]
