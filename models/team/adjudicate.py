"""Adjudication of one document: the annotators' versions merged, and the gold decided.

Every span of every finished version is a candidate, marked by who has it (an entity is
its offsets and label; a quote its offsets and its speaker's). A candidate everyone has
is agreed; the others fall into disagreements, groups of candidates of one kind that
overlap. ``prepare`` makes the gold (the team database's curated spans) hold the agreed
spans as accepted, each undecided disagreement's candidates as pending suggestions, and
no model suggestion that no annotator kept. Each decision (take a side, take one
candidate, reject, edit) accepts some candidates and deletes the rest. Every step is a
ChangeSet committed through the service, so it is undoable and logged under the
adjudicator's name. Decisions live in the gold itself: a disagreement is pending while
one of its candidates is still a suggestion there, so undo and redo need nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.changes import ChangeSet
from models.service.annotation import AnnotationService
from models.service.context import EditError, shorten
from models.spans import Entity, Quote, Speaker
from models.store import team as tables
from models.team.candidates import Candidate, Disagreement, Key, Span, gather, key, overlapping
from models.team.goldplan import GoldPlan, gold_of
from models.team.queries import TeamQueries


class Adjudication:
    """Deciding one document of a team database, as ``service.annotator``."""

    def __init__(
        self, service: AnnotationService, doc_id: str, annotators: Sequence[str] | None = None
    ) -> None:
        """Compare the finished versions (every version when fewer than two are done),
        or those of ``annotators``."""
        self.service, self.doc_id = service, doc_id
        queries = TeamQueries(service.store)
        versions = queries.versions_of(doc_id, "done")
        if len(versions) < 2:
            versions = queries.versions_of(doc_id, None)
        if annotators is not None:
            versions = {a: v for a, v in versions.items() if a in annotators}
        if not versions:
            raise EditError("this document has no annotators' versions to adjudicate")
        self.versions = dict(sorted(versions.items()))
        self.annotators = tuple(self.versions)
        self._candidates = gather(self.versions)

    # -- reading -------------------------------------------------------------------------

    def candidates(self) -> list[Candidate]:
        """Every candidate in text order (the merged view: who has each span)."""
        return list(self._candidates)

    def agreed(self) -> list[Candidate]:
        """The candidates every version has."""
        return [c for c in self._candidates if len(c.holders) == len(self.annotators)]

    def disagreements(self) -> list[Disagreement]:
        """Every disagreement in text order (what Tab walks), decided ones included."""
        gold = gold_of(self.service, self.doc_id)
        agreed = set(self.agreed())
        out = []
        for kind in ("entity", "quote"):
            open_ = [c for c in self._candidates if c.kind == kind and c not in agreed]
            for group in overlapping(open_):
                pending = any(s.state == "suggested" for c in group for s in gold.get(c.key, ()))
                out.append(
                    Disagreement(
                        self.doc_id,
                        kind,
                        min(c.span.start for c in group),
                        max(c.span.end for c in group),
                        tuple(group),
                        pending,
                    )
                )
        return sorted(out, key=lambda d: (d.start, -d.end, d.kind))

    def remaining(self) -> int:
        """How many disagreements wait for a decision."""
        return sum(d.pending for d in self.disagreements())

    def next_disagreement(
        self, current: Disagreement | None = None, backwards: bool = False, pending: bool = False
    ) -> Disagreement | None:
        """The disagreement after ``current`` (before, ``backwards``), wrapping round;
        with ``pending`` only the undecided ones."""
        items = [d for d in self.disagreements() if d.pending or not pending]
        if not items:
            return None
        if current is None:
            return items[-1] if backwards else items[0]
        here = (current.start, -current.end, current.kind)
        order = [(d.start, -d.end, d.kind) for d in items]
        if backwards:
            before = [i for i, k in enumerate(order) if k < here]
            return items[before[-1]] if before else items[-1]
        after = [i for i, k in enumerate(order) if k > here]
        return items[after[0]] if after else items[0]

    # -- deciding ------------------------------------------------------------------------

    def prepare(self) -> ChangeSet:
        """Accept the agreed spans, put undecided disagreements up as suggestions, drop
        model suggestions nobody kept. Idempotent: nothing a person decided is undone."""
        plan = GoldPlan(self.service, self.doc_id, self.model_keys())
        touched = self._touched()
        for c in self.agreed():
            if c.key in plan.gold or c.key not in touched:
                plan.accept(c)
        wanted = {c.key for c in self._candidates}
        for spans in list(plan.gold.values()):
            for span in spans:
                if span.state == "suggested" and key(span) not in wanted:
                    plan.delete(span)
        for d in self.disagreements():
            fresh = not any(c.key in plan.gold or c.key in touched for c in d.candidates)
            if d.pending or fresh:
                for c in d.candidates:
                    # quotes never overlap: of candidates over the same words (say, two
                    # speakers) one stands in the gold as the suggestion until decided
                    if c.key not in plan.gold and c.key not in touched and not plan.quote_over(c):
                        plan.suggest(c)
        keys = {key(s) for spans in plan.gold.values() for s in spans if s.state == "suggested"}
        left = sum(any(c.key in keys for c in d.candidates) for d in self.disagreements())
        return plan.commit(f"Adjudicate: accept {len(self.agreed())} agreed, {left} to decide")

    def take_side(self, d: Disagreement, annotator: str) -> ChangeSet:
        """Make ``annotator``'s spans here the gold (none: reject every candidate)."""
        chosen = d.side(annotator)
        what = _words(chosen[0].span) if chosen else "nothing"
        return self._decide(d, chosen, f"{annotator}'s side: {what}")

    def take(self, d: Disagreement, candidate: Candidate) -> ChangeSet:
        """Accept one candidate of the disagreement and reject the others."""
        who = ", ".join(candidate.holders)
        return self._decide(d, (candidate,), f"take {_words(candidate.span)} ({who})")

    def reject(self, d: Disagreement) -> ChangeSet:
        """Keep none of the disagreement's candidates."""
        return self._decide(d, (), f"reject {_words(d.candidates[0].span)}")

    def edit(
        self,
        d: Disagreement,
        start: int,
        end: int,
        label: str | None = None,
        speaker: Speaker | None = None,
    ) -> ChangeSet:
        """Replace the disagreement's candidates by the adjudicator's own span."""
        text = self.service.text(self.doc_id)
        if not 0 <= start < end <= len(text):
            raise EditError(f"span [{start}, {end}) is empty or outside the text")
        common = max(d.candidates, key=lambda c: len(c.holders)).span
        words = text[start:end]
        new: Span
        if d.kind == "entity":
            label = label or common.label  # type: ignore[union-attr]
            if label not in self.service.labels.names:
                raise EditError(f"unknown label {label!r}")
            normal = self.service.store.spans.normal_of(self.doc_id, label, words) or words
            new = Entity(start, end, label, words, normal, None, "added", self.service.annotator)
        else:
            who = speaker if speaker is not None else common.speaker  # type: ignore[union-attr]
            new = Quote(start, end, words, who, None, "added", self.service.annotator)
        return self._decide(d, (), f"edit → {_words(new)}", extra=new)

    def _decide(
        self, d: Disagreement, chosen: Sequence[Candidate], what: str, extra: Span | None = None
    ) -> ChangeSet:
        plan = GoldPlan(self.service, self.doc_id, self.model_keys())
        for c in d.candidates:
            if c not in chosen:
                for span in list(plan.gold.get(c.key, ())):
                    plan.delete(span)
        for c in chosen:
            plan.accept(c)
        if extra is not None:
            plan.add(extra)
        return plan.commit(f"Adjudicate: {what}")

    # -- helpers -------------------------------------------------------------------------

    def _touched(self) -> set[Key]:
        """Spans a person has added, changed or deleted in the gold (from the log)."""
        out: set[Key] = set()
        for ev in self.service.store.events(self.doc_id):
            if ev["action"] in tables.SPAN_ACTIONS:
                out.update(key(v) for v in (ev["before"], ev["after"]) if isinstance(v, dict))
        return out

    def model_keys(self) -> set[Key]:
        """The model's own spans (accepted ones of these are ``confirmed``, not ``added``)."""
        model = self.service.predictions(self.doc_id)
        spans: list[Span] = [*model.entities, *model.quotes]
        return {key(s) for s in spans}


def _words(span: Span) -> str:
    label = span.label if isinstance(span, Entity) else "quote"
    return f"{label} «{shorten(span.text, 24)}»"
