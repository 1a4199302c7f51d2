"""Edits over many spans at once, each one undoable step: confirm all, apply to all,
remove everywhere.

"Apply to all" labels every other occurrence of an entity's words, as written or in any
case ending (``match="lemmas"``), in its document or in every document. An occurrence
already inside a span with the same label is left alone (no PER "Путин" inside PER
"Владимир Путин"); one with exactly the extent of a differently labelled span relabels it.
"""

from __future__ import annotations

from models.changes import Change, ChangeSet
from models.nlp.occurrences import find_occurrences, same_phrase
from models.service.context import EditContext, EditError, shorten
from models.service.entities import EntityEdits
from models.spans import Entity

SCOPES = ("document", "corpus")
MATCHES = ("words", "lemmas")


class BulkEdits:
    """The rules of bulk edits, over one edit context and the entity rules."""

    def __init__(self, ctx: EditContext, entities: EntityEdits) -> None:
        self.ctx = ctx
        self.entities = entities
        self.store = ctx.store

    def confirm_all(self, doc_id: str) -> ChangeSet:
        """Confirm every remaining model suggestion (entities and quotes) in a document."""
        doc = self.store.document(doc_id)
        confirm = self.ctx.confirmed
        changes = [Change(doc_id, e, confirm(e)) for e in doc.entities if e.state == "suggested"]
        changes += [Change(doc_id, q, confirm(q)) for q in doc.quotes if q.state == "suggested"]
        return ChangeSet(f"Confirm all ({len(changes)})", tuple(changes))

    def _targets(self, doc_id: str, scope: str, match: str) -> list[str]:
        if scope not in SCOPES or match not in MATCHES:
            raise EditError(f"scope must be one of {SCOPES} and match one of {MATCHES}")
        return [doc_id] if scope == "document" else self.store.document_ids()

    def apply_to_all(
        self, entity_id: int, scope: str = "document", match: str = "words"
    ) -> ChangeSet:
        """Label every other occurrence of an entity's words like it, as one edit."""
        source = self.store.spans.entity(entity_id)
        home = self.store.spans.doc_of_entity(entity_id)
        forms = self.ctx.forms if match == "lemmas" else None
        changes: list[Change] = []
        for doc_id in self._targets(home, scope, match):
            found = find_occurrences(self.ctx.text(doc_id), source.text, forms)
            if not found:
                continue
            spans = list(self.store.document(doc_id).entities)
            changes += [
                c
                for start, end in found
                if (c := self._occurrence(doc_id, source, spans, start, end))
            ]
        where = "this document" if scope == "document" else "all documents"
        name = f"Apply {source.label} «{shorten(source.text)}» to all in {where} ({len(changes)})"
        return ChangeSet(name, tuple(changes))

    def _occurrence(
        self, doc_id: str, source: Entity, spans: list[Entity], start: int, end: int
    ) -> Change | None:
        """The change that labels one occurrence, or None when it needs none."""
        around = [e for e in spans if e.start < end and e.end > start]
        if any(e.label == source.label for e in around):
            return None  # labelled already, or inside/across a span with this label
        exact = [e for e in around if (e.start, e.end) == (start, end)]
        if exact:
            return Change(doc_id, exact[0], self.ctx.edited(exact[0], label=source.label))
        text = self.ctx.text(doc_id)[start:end]
        normal = source.normal or source.text
        added = Entity(start, end, source.label, text, normal, None, "added", self.ctx.annotator)
        return Change(doc_id, None, added)

    def remove_everywhere(
        self, entity_id: int, scope: str = "document", match: str = "words"
    ) -> ChangeSet:
        """Delete this entity and every one with its label and words, as one edit."""
        source = self.store.spans.entity(entity_id)
        home = self.store.spans.doc_of_entity(entity_id)
        forms = self.ctx.forms if match == "lemmas" else None
        docs = set(self._targets(home, scope, match))
        changes: list[Change] = []
        candidates = self.store.spans.entities_labelled(
            source.label, home if scope == "document" else None
        )
        for doc_id, ent in candidates:
            if doc_id in docs and same_phrase(ent.text, source.text, forms):
                changes += self.entities.removal(doc_id, ent)
        where = "this document" if scope == "document" else "all documents"
        name = (
            f"Remove {source.label} «{shorten(source.text)}» everywhere in {where}"
            f" ({sum(c.kind == 'removed' for c in changes)})"
        )
        return ChangeSet(name, tuple(changes))
