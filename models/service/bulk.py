"""Edits over many spans at once, each one undoable step: confirm all, apply to all,
remove everywhere.

"Apply to all" labels every other occurrence of an entity's words, as written or in any
case ending (``match="lemmas"``), in its document or in every document. An occurrence
already inside a span with the same label is left alone (no PER "Путин" inside PER
"Владимир Путин"); one with exactly the extent of a differently labelled span relabels it.
"""

from __future__ import annotations

from dataclasses import replace

from models.changes import Change, ChangeSet
from models.nlp.occurrences import find_occurrences, same_phrase
from models.service.base import EditError, S, ServiceBase, shorten
from models.spans import Entity

SCOPES = ("document", "corpus")
MATCHES = ("words", "lemmas")


class BulkEdits(ServiceBase):
    """The bulk-edit part of ``AnnotationService``."""

    def confirm_all(self, doc_id: str) -> ChangeSet:
        """Confirm every remaining model suggestion (entities and quotes) in a document."""
        doc = self.store.document(doc_id)
        changes = [
            Change(doc_id, e, self._confirmed(e)) for e in doc.entities if e.state == "suggested"
        ]
        changes += [
            Change(doc_id, q, self._confirmed(q)) for q in doc.quotes if q.state == "suggested"
        ]
        return self.commit(ChangeSet(f"Confirm all ({len(changes)})", tuple(changes)))

    def _confirmed(self, span: S) -> S:
        return replace(span, state="confirmed", annotator=self.annotator)

    def _targets(self, doc_id: str, scope: str, match: str) -> list[str]:
        if scope not in SCOPES or match not in MATCHES:
            raise EditError(f"scope must be one of {SCOPES} and match one of {MATCHES}")
        return [doc_id] if scope == "document" else self.store.document_ids()

    def apply_to_all(
        self, entity_id: int, scope: str = "document", match: str = "words"
    ) -> ChangeSet:
        """Label every other occurrence of an entity's words like it, as one edit."""
        source = self.store.entity(entity_id)
        home = self.store.doc_of_entity(entity_id)
        forms = self.forms if match == "lemmas" else None
        changes: list[Change] = []
        for doc_id in self._targets(home, scope, match):
            text = self.text(doc_id)
            found = find_occurrences(text, source.text, forms)
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
        return self.commit(ChangeSet(name, tuple(changes)))

    def _occurrence(
        self, doc_id: str, source: Entity, spans: list[Entity], start: int, end: int
    ) -> Change | None:
        """The change that labels one occurrence, or None when it needs none."""
        around = [e for e in spans if e.start < end and e.end > start]
        if any(e.label == source.label for e in around):
            return None  # labelled already, or inside/across a span with this label
        exact = [e for e in around if (e.start, e.end) == (start, end)]
        if exact:
            return Change(doc_id, exact[0], self._edited(exact[0], label=source.label))
        text = self.text(doc_id)[start:end]
        normal = source.normal or source.text
        return Change(
            doc_id,
            None,
            Entity(start, end, source.label, text, normal, None, "added", self.annotator),
        )

    def remove_everywhere(
        self, entity_id: int, scope: str = "document", match: str = "words"
    ) -> ChangeSet:
        """Delete this entity and every one with its label and words, as one edit."""
        source = self.store.entity(entity_id)
        home = self.store.doc_of_entity(entity_id)
        forms = self.forms if match == "lemmas" else None
        docs = set(self._targets(home, scope, match))
        changes: list[Change] = []
        candidates = self.store.entities_labelled(
            source.label, home if scope == "document" else None
        )
        for doc_id, ent in candidates:
            if doc_id in docs and same_phrase(ent.text, source.text, forms):
                changes += self._removal(doc_id, ent)
        where = "this document" if scope == "document" else "all documents"
        name = (
            f"Remove {source.label} «{shorten(source.text)}» everywhere in {where}"
            f" ({sum(c.kind == 'removed' for c in changes)})"
        )
        return self.commit(ChangeSet(name, tuple(changes)))

    def _removal(self, doc_id: str, ent: Entity) -> list[Change]:
        """Delete one entity, unlinking the quotes it speaks.

        Their rows lose the link anyway (ON DELETE SET NULL); saying so here puts it in
        the log and lets undo restore it.
        """
        unlink = [
            Change(doc_id, q, replace(q, speaker=replace(q.speaker, entity=None)))
            for q in self.store.quotes_spoken_by(ent.id)  # type: ignore[arg-type]
            if q.speaker is not None
        ]
        return [*unlink, Change(doc_id, ent, None)]
