"""Group edits from the Entities panel, made as undo commands on the editor's stack.

The panel asks (rename a group, merge one into another, move a mention); this turns
each request into a command pushed through the editor, like every edit of the article,
so undo, the status bar and the refusal messages work the same way. The tree follows
the committed change; afterwards the group the mentions went to is selected, so the
next key acts on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui.editing import commands as cmd
from models import Entity

if TYPE_CHECKING:
    from gui.editing.editor import Editor
    from gui.panels.entity_panel import EntityPanel


class GroupEdits:
    """Connects one entity panel's requests to one editor."""

    def __init__(self, panel: EntityPanel, editor: Editor) -> None:
        self.panel, self.editor = panel, editor
        panel.rename_requested.connect(self.rename)
        panel.merge_requested.connect(self.merge)
        panel.move_requested.connect(self.move)

    def rename(self, label: str, name: str, new_name: str) -> None:
        """Every mention of the group ``(label, name)`` takes ``new_name``."""
        doc_id = self.editor.doc_id
        if doc_id is not None:
            command = cmd.RenameGroupCommand(self.editor.service, doc_id, label, name, new_name)
            self._push(command, label, new_name)

    def merge(self, label: str, source: str, target: str) -> None:
        """The mentions of group ``source`` join group ``target``."""
        doc_id = self.editor.doc_id
        if doc_id is not None:
            command = cmd.MergeGroupsCommand(self.editor.service, doc_id, label, source, target)
            self._push(command, label, target)

    def move(self, entity_id: int, name: str) -> None:
        """One mention joins the group ``name`` (a new one when there is none)."""
        entity = self.editor.document.find(entity_id, quote=False)
        if isinstance(entity, Entity):
            command = cmd.MoveToGroupCommand(self.editor.service, entity_id, name)
            self._push(command, entity.label, name)

    def _push(self, command: cmd.ServiceCommand, label: str, name: str) -> None:
        if self.editor.push(command):
            self.panel.show_group((label, " ".join(name.split())))
        self.panel.tree.setFocus()


def install_group_edits(panel: EntityPanel, editor: Editor) -> GroupEdits:
    """Make the panel's group requests undoable edits through ``editor``."""
    return GroupEdits(panel, editor)
