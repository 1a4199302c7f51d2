"""The gold of one document as an adjudication step will leave it, and the changes.

``GoldPlan`` starts from the document's curated spans, records each deletion, acceptance
and addition as a ``Change``, and commits them as one ChangeSet through the service, in
an order the store can apply: quotes unlinked from entities about to go first, then
removals, then entities changed and added (with their ids chosen here, so a quote added
in the same step can link to its speaker), then quotes.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from models.changes import Change, ChangeSet
from models.overlap import overlapping_quote
from models.service.annotation import AnnotationService
from models.spans import Entity, Quote, Speaker
from models.store import team as tables
from models.team.candidates import Candidate, Key, Span, key

_SPEAKER_FIRST = ("PER", "ORG")


class GoldPlan:
    """The gold as it will be, and the changes that get it there, in a safe order."""

    # Unlinks first, then quotes removed, entities removed, changed and added, and last
    # the quotes changed and added (so a speaker can link to an entity added here).
    UNLINK, QUOTE_GONE, ENTITY_GONE, ENTITY_CHANGED, ENTITY_NEW, QUOTE_CHANGED, QUOTE_NEW = range(7)

    def __init__(self, service: AnnotationService, doc_id: str, model: set[Key]) -> None:
        """Start from the document's gold; ``model`` keys are the model's own spans."""
        self.service, self.doc_id, self.model = service, doc_id, model
        self.who = service.annotator
        self.gold = gold_of(service, doc_id)
        self.changes: list[tuple[int, int, Change]] = []
        self._next_id = tables.next_entity_ids(service.store, 1)[0]

    def _put(self, rank: int, old: Span | None, new: Span | None) -> None:
        self.changes.append((rank, len(self.changes), Change(self.doc_id, old, new)))
        if old is not None:
            self.gold[key(old)].remove(old)
            if not self.gold[key(old)]:
                del self.gold[key(old)]
        if new is not None:
            self.gold.setdefault(key(new), []).append(new)

    def _spans(self, kind: type) -> list[Any]:
        return [s for spans in self.gold.values() for s in spans if isinstance(s, kind)]

    def delete(self, span: Span) -> None:
        """Remove a gold span; quotes it speaks keep their speaker, unlinked."""
        if isinstance(span, Entity):
            for q in self._spans(Quote):
                if q.speaker is not None and q.speaker.entity == span.id:
                    unlinked = replace(q, speaker=replace(q.speaker, entity=None))
                    self._put(self.UNLINK, q, unlinked)
            self._put(self.ENTITY_GONE, span, None)
        else:
            self._put(self.QUOTE_GONE, span, None)

    def accept(self, c: Candidate) -> None:
        """The candidate in the gold as decided (confirmed when it is the model's).

        A pending suggestion takes the annotators' normal form and speaker; a span a
        person already decided stays as it is (its speaker link brought up to date).
        """
        there = self.gold.get(c.key)
        if not there:
            state = "confirmed" if c.key in self.model else "added"
            self.add(replace(c.span, state=state, annotator=self.who))
            return
        old = there[0]
        new = old
        if old.state == "suggested":
            state = "confirmed" if c.key in self.model else "added"
            new = replace(old, state=state, annotator=self.who)
            if isinstance(new, Entity) and isinstance(c.span, Entity):
                new = replace(new, normal=c.span.normal)
            elif isinstance(new, Quote) and isinstance(c.span, Quote):
                new = replace(new, speaker=c.span.speaker)
        if isinstance(new, Quote):
            new = replace(new, speaker=self._linked(new.speaker))
        if new != old:
            rank = self.QUOTE_CHANGED if isinstance(new, Quote) else self.ENTITY_CHANGED
            self._put(rank, old, new)

    def suggest(self, c: Candidate) -> None:
        """The candidate in the gold as a pending suggestion."""
        self.add(replace(c.span, state="suggested", annotator=None))

    def add(self, span: Span) -> None:
        """A new gold span (an entity gets its id now, so a quote can link to it)."""
        if isinstance(span, Entity):
            self._put(self.ENTITY_NEW, None, replace(span, id=self._next_id))
            self._next_id += 1
        else:
            new = replace(span, id=None, speaker=self._linked(span.speaker))
            self._put(self.QUOTE_NEW, None, new)

    def quote_over(self, c: Candidate) -> bool:
        """Whether ``c`` is a quote whose words a gold quote already covers in part."""
        if not isinstance(c.span, Quote):
            return False
        return overlapping_quote(self._spans(Quote), c.span.start, c.span.end) is not None

    def _linked(self, speaker: Speaker | None) -> Speaker | None:
        """The speaker linked to the gold entity over its words, if there is one."""
        if speaker is None:
            return None
        same = [e for e in self._spans(Entity) if (e.start, e.end) == (speaker.start, speaker.end)]
        same.sort(key=lambda e: (e.label not in _SPEAKER_FIRST, e.label))
        return replace(speaker, entity=same[0].id if same else None)

    def commit(self, name: str) -> ChangeSet:
        """Write the changes as one edit through the service (nothing when none)."""
        ordered = tuple(change for _, _, change in sorted(self.changes, key=lambda c: c[:2]))
        return self.service.commit(ChangeSet(name, ordered))


def gold_of(service: AnnotationService, doc_id: str) -> dict[Key, list[Span]]:
    """The document's curated spans by candidate key."""
    doc = service.document(doc_id)
    gold: dict[Key, list[Span]] = {}
    spans: list[Span] = [*doc.entities, *doc.quotes]
    for span in spans:
        gold.setdefault(key(span), []).append(span)
    return gold
