"""The annotation service: every edit a reviewer can make, as a call tests can make too.

The GUI never writes to the store; it calls these methods (through undo commands). Each
mutating method commits at once (annotator and time in the event log), emits events,
and returns the ``ChangeSet`` that ``revert`` undoes and ``reapply`` redoes. Entity edits
live here; quotes and speakers, bulk edits (apply to all, remove everywhere) and the
document list are mixed in from their own modules.
"""

from __future__ import annotations

from dataclasses import replace

from models.changes import Change, ChangeSet
from models.nlp.tokens import snap
from models.service.base import EditError, ServiceBase, shorten
from models.service.bulk import BulkEdits
from models.service.documents import DocumentOps
from models.service.quotes import QuoteEdits
from models.spans import Entity, Speaker

__all__ = ["AnnotationService", "EditError"]


class AnnotationService(QuoteEdits, BulkEdits, DocumentOps, ServiceBase):
    """Entity edits; see the mixins for quotes, bulk edits and documents."""

    def entity(self, entity_id: int) -> Entity:
        """One entity by id."""
        return self.store.entity(entity_id)

    def add_entity(
        self, doc_id: str, start: int, end: int, label: str, exact: bool = False
    ) -> ChangeSet:
        """Label ``[start, end)``, widened to whole tokens unless ``exact``.

        Selecting the exact extent of an entity with another label relabels it (two
        labels on the same words is never what is meant); nested spans are fine.
        """
        self._check_label(label)
        start, end = self._selection(doc_id, start, end, exact)
        same = [
            e
            for e in self.store.entities_overlapping(doc_id, start, end)
            if (e.start, e.end) == (start, end)
        ]
        if any(e.label == label for e in same):
            raise EditError(f"«{self.text(doc_id)[start:end]}» is already {label}")
        if same:
            return self.relabel(same[0].id, label)  # type: ignore[arg-type]
        text = self.text(doc_id)[start:end]
        normal = self.store.normal_of(doc_id, label, text) or text
        ent = Entity(start, end, label, text, normal, None, "added", self.annotator)
        return self.commit(self._one(f"Add {label} «{shorten(text)}»", doc_id, None, ent))

    def _selection(self, doc_id: str, start: int, end: int, exact: bool) -> tuple[int, int]:
        text = self.text(doc_id)
        self._check_bounds(doc_id, min(start, end), max(start, end))
        start, end = min(start, end), max(start, end)
        snapped = (start, end) if exact else snap(text, start, end)
        if snapped is None or not text[snapped[0] : snapped[1]].strip():
            raise EditError("the selection holds no word")
        return snapped

    def delete_entity(self, entity_id: int) -> ChangeSet:
        """Remove an entity; quotes it speaks keep their speaker mention, unlinked."""
        ent = self.store.entity(entity_id)
        doc_id = self.store.doc_of_entity(entity_id)
        name = f"Delete {ent.label} «{shorten(ent.text)}»"
        return self.commit(ChangeSet(name, tuple(self._removal(doc_id, ent))))

    def relabel(self, entity_id: int, label: str) -> ChangeSet:
        """Give an entity another label (same id, same extent)."""
        self._check_label(label)
        ent = self.store.entity(entity_id)
        if ent.label == label:
            return ChangeSet("Relabel")
        doc_id = self.store.doc_of_entity(entity_id)
        name = f"Relabel «{shorten(ent.text)}» {ent.label} → {label}"
        return self.commit(self._one(name, doc_id, ent, self._edited(ent, label=label)))

    def move_entity(self, entity_id: int, edge: str, steps: int) -> ChangeSet:
        """Move an entity's ``start`` or ``end`` by ``steps`` tokens (negative: left).

        Shift+Right grows the end, Shift+Left shrinks it; Ctrl+Shift+Left grows the start,
        Ctrl+Shift+Right shrinks it. The span keeps its id and its history.
        """
        ent = self.store.entity(entity_id)
        start, end = self._stepped(self.store.doc_of_entity(entity_id), ent, edge, steps)
        return self.resize_entity(entity_id, start, end)

    def resize_entity(self, entity_id: int, start: int, end: int) -> ChangeSet:
        """Give an entity new exact boundaries; quotes it speaks follow the mention."""
        ent = self.store.entity(entity_id)
        if (start, end) == (ent.start, ent.end):
            return ChangeSet("Resize")
        doc_id = self.store.doc_of_entity(entity_id)
        new = self._with_text(doc_id, ent, start, end)
        if any(
            (e.start, e.end, e.label) == (start, end, ent.label) and e.id != ent.id
            for e in self.store.entities_overlapping(doc_id, start, end)
        ):
            raise EditError(f"«{new.text}» is already {ent.label}")
        new = self._edited(
            new,
            normal=self.store.normal_of(doc_id, ent.label, new.text)
            or (ent.normal if new.text == ent.text else new.text),
        )
        changes = [Change(doc_id, ent, new)]
        for q in self.store.quotes_spoken_by(entity_id):
            speaker = Speaker(start, end, new.text, new.normal, entity_id)
            changes.append(Change(doc_id, q, replace(q, speaker=speaker)))
        name = f"Resize {ent.label} «{shorten(ent.text)}» → «{shorten(new.text)}»"
        return self.commit(ChangeSet(name, tuple(changes)))

    def confirm_entity(self, entity_id: int) -> ChangeSet:
        """Accept a model suggestion as it is (no change for any other span)."""
        ent = self.store.entity(entity_id)
        if ent.state != "suggested":
            return ChangeSet("Confirm")
        new = Entity(
            ent.start, ent.end, ent.label, ent.text, ent.normal, ent.id, "confirmed", self.annotator
        )
        doc_id = self.store.doc_of_entity(entity_id)
        return self.commit(
            self._one(f"Confirm {ent.label} «{shorten(ent.text)}»", doc_id, ent, new)
        )

    def spans_at(self, doc_id: str, pos: int) -> list[Entity]:
        """The entities covering character ``pos``, innermost first (for a click)."""
        found = self.store.entities_overlapping(doc_id, pos, pos + 1)
        return sorted(found, key=lambda e: (e.end - e.start, e.start))
