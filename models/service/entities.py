"""Entity edits as change sets: add, delete, relabel, move or resize, confirm.

Each method reads the store through the :class:`~models.service.context.EditContext` and
returns the ``ChangeSet`` the edit needs, uncommitted; the service commits it. A quote
whose speaker is an entity follows that entity: a resize moves the speaker mention, a
delete unlinks it (in the log, so undo restores the link).
"""

from __future__ import annotations

from dataclasses import replace

from models.changes import Change, ChangeSet
from models.service.context import EditContext, EditError, one, shorten
from models.spans import Entity, Speaker


class EntityEdits:
    """The rules of entity edits, over one edit context."""

    def __init__(self, ctx: EditContext) -> None:
        self.ctx = ctx
        self.spans = ctx.store.spans

    def add(self, doc_id: str, start: int, end: int, label: str, exact: bool = False) -> ChangeSet:
        """Label ``[start, end)``, widened to whole tokens unless ``exact``.

        Selecting the exact extent of an entity with another label relabels it (two
        labels on the same words is never what is meant); nested spans are fine.
        """
        self.ctx.check_label(label)
        start, end = self.ctx.snapped(doc_id, start, end, exact)
        text = self.ctx.text(doc_id)[start:end]
        if not text.strip():
            raise EditError("the selection holds no word")
        same = [
            e
            for e in self.spans.entities_overlapping(doc_id, start, end)
            if (e.start, e.end) == (start, end)
        ]
        if any(e.label == label for e in same):
            raise EditError(f"«{text}» is already {label}")
        if same:
            return self.relabel(_id(same[0]), label)
        normal = self.spans.normal_of(doc_id, label, text) or text
        ent = Entity(start, end, label, text, normal, None, "added", self.ctx.annotator)
        return one(f"Add {label} «{shorten(text)}»", doc_id, None, ent)

    def delete(self, entity_id: int) -> ChangeSet:
        """Remove an entity; quotes it speaks keep their speaker mention, unlinked."""
        ent = self.spans.entity(entity_id)
        doc_id = self.spans.doc_of_entity(entity_id)
        name = f"Delete {ent.label} «{shorten(ent.text)}»"
        return ChangeSet(name, tuple(self.removal(doc_id, ent)))

    def removal(self, doc_id: str, ent: Entity) -> list[Change]:
        """Delete one entity, unlinking the quotes it speaks.

        Their rows lose the link anyway (ON DELETE SET NULL); saying so here puts it in
        the log and lets undo restore it.
        """
        unlink = [
            Change(doc_id, q, replace(q, speaker=replace(q.speaker, entity=None)))
            for q in self.spans.quotes_spoken_by(_id(ent))
            if q.speaker is not None
        ]
        return [*unlink, Change(doc_id, ent, None)]

    def relabel(self, entity_id: int, label: str) -> ChangeSet:
        """Give an entity another label (same id, same extent)."""
        self.ctx.check_label(label)
        ent = self.spans.entity(entity_id)
        if ent.label == label:
            return ChangeSet("Relabel")
        doc_id = self.spans.doc_of_entity(entity_id)
        name = f"Relabel «{shorten(ent.text)}» {ent.label} → {label}"
        return one(name, doc_id, ent, self.ctx.edited(ent, label=label))

    def move(self, entity_id: int, edge: str, steps: int) -> ChangeSet:
        """Move an entity's ``start`` or ``end`` by ``steps`` tokens (negative: left)."""
        ent = self.spans.entity(entity_id)
        start, end = self.ctx.stepped(self.spans.doc_of_entity(entity_id), ent, edge, steps)
        return self.resize(entity_id, start, end)

    def resize(self, entity_id: int, start: int, end: int) -> ChangeSet:
        """Give an entity new exact boundaries; quotes it speaks follow the mention."""
        ent = self.spans.entity(entity_id)
        if (start, end) == (ent.start, ent.end):
            return ChangeSet("Resize")
        doc_id = self.spans.doc_of_entity(entity_id)
        new = self.ctx.with_text(doc_id, ent, start, end)
        if any(
            (e.start, e.end, e.label) == (start, end, ent.label) and e.id != ent.id
            for e in self.spans.entities_overlapping(doc_id, start, end)
        ):
            raise EditError(f"«{new.text}» is already {ent.label}")
        new = self.ctx.edited(
            new,
            normal=self.spans.normal_of(doc_id, ent.label, new.text)
            or (ent.normal if new.text == ent.text else new.text),
        )
        changes = [Change(doc_id, ent, new)]
        for q in self.spans.quotes_spoken_by(entity_id):
            speaker = Speaker(start, end, new.text, new.normal, entity_id)
            changes.append(Change(doc_id, q, replace(q, speaker=speaker)))
        name = f"Resize {ent.label} «{shorten(ent.text)}» → «{shorten(new.text)}»"
        return ChangeSet(name, tuple(changes))

    def confirm(self, entity_id: int) -> ChangeSet:
        """Accept a model suggestion as it is (no change for any other span)."""
        ent = self.spans.entity(entity_id)
        if ent.state != "suggested":
            return ChangeSet("Confirm")
        doc_id = self.spans.doc_of_entity(entity_id)
        name = f"Confirm {ent.label} «{shorten(ent.text)}»"
        return one(name, doc_id, ent, self.ctx.confirmed(ent))


def _id(span: Entity) -> int:
    """The id of a stored span (stored spans always have one)."""
    assert span.id is not None, "a stored span has an id"
    return span.id
