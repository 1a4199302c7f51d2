"""Person groups as change sets: rename a group, merge two groups, move one mention.

A group is the set of a document's entities that share a label and a normal form (the
text when the normal form is empty): the Entities panel shows one row per group. A
reviewer who knows better than the model names the person: every mention of a renamed
group takes the new normal form, a merged group's mentions take the other group's, a
moved mention takes its new group's. Each mention becomes a person's edit (its normal
is human-set, so no later recompute touches it), and the quotes said by those mentions
follow, as do quotes whose unlinked speaker carried the group's name (a pronoun
resolved to that person). Each method returns the uncommitted ``ChangeSet``.
"""

from __future__ import annotations

from models.changes import Change, ChangeSet
from models.service.context import EditContext, EditError, shorten
from models.service.normals import Renamed, speakers_follow
from models.spans import Entity


def group_name(ent: Entity) -> str:
    """The name of the group an entity is in: its normal form, else its text."""
    return ent.normal or ent.text


class GroupEdits:
    """The rules of group edits, over one edit context."""

    def __init__(self, ctx: EditContext) -> None:
        self.ctx = ctx
        self.spans = ctx.store.spans
        self.names = ctx.store.names

    def rename(self, doc_id: str, label: str, name: str, new_name: str) -> ChangeSet:
        """Give every mention of the group ``(label, name)`` the normal form ``new_name``."""
        new = _clean(new_name)
        mentions = self._group(doc_id, label, name)
        if new == name:
            return ChangeSet("Rename group")
        title = f"Rename group «{shorten(name)}» → «{shorten(new)}»"
        return self._named(doc_id, mentions, new, title, "all")

    def merge(self, doc_id: str, label: str, source: str, target: str) -> ChangeSet:
        """The mentions of group ``source`` join group ``target`` (same label)."""
        if source == target:
            raise EditError(f"«{shorten(source)}» is already that group")
        mentions = self._group(doc_id, label, source)
        self._group(doc_id, label, target)
        title = f"Merge group «{shorten(source)}» into «{shorten(target)}»"
        return self._named(doc_id, mentions, target, title, "all")

    def move(self, entity_id: int, target: str) -> ChangeSet:
        """One mention leaves its group for ``target`` (a group or a new name)."""
        ent = self.spans.entity(entity_id)
        new = _clean(target)
        if new == group_name(ent):
            return ChangeSet("Move to group")
        doc_id = self.spans.doc_of_entity(entity_id)
        title = f"Move «{shorten(ent.text)}» to group «{shorten(new)}»"
        return self._named(doc_id, [ent], new, title, None)

    def _group(self, doc_id: str, label: str, name: str) -> list[Entity]:
        mentions = self.names.entities_named(doc_id, label, name)
        if not mentions:
            raise EditError(f"no {label} group «{shorten(name)}» in this document")
        return mentions

    def _named(
        self, doc_id: str, mentions: list[Entity], normal: str, title: str, unlinked: str | None
    ) -> ChangeSet:
        """Each mention with ``normal`` as a person's edit; its quote speakers follow."""
        changes = [Change(doc_id, e, self.ctx.edited(e, normal=normal)) for e in mentions]
        follows = [Renamed(e.id, e.start, e.normal, normal) for e in mentions]
        out, _ = speakers_follow(self.ctx.store, doc_id, follows, changes, unlinked)
        return ChangeSet(title, tuple(out))


def _clean(name: str) -> str:
    """A name as typed: one line, single spaces; EditError when nothing is left."""
    clean = " ".join(name.split())
    if not clean:
        raise EditError("a group needs a name")
    return clean
