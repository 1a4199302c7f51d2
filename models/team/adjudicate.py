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
from dataclasses import dataclass, replace
from typing import Any

from models.changes import Change, ChangeSet
from models.service.annotation import AnnotationService
from models.service.base import EditError, shorten
from models.spans import Entity, Quote, Speaker
from models.store import team as tables
from models.team.queries import TeamQueries

Span = Entity | Quote
Key = tuple[Any, ...]
_SPEAKER_FIRST = ("PER", "ORG")


def key(span: Span | dict[str, Any]) -> Key:
    """What makes two annotators' spans the same candidate (a span, or one as the event
    log writes it)."""
    is_entity = "label" in span if isinstance(span, dict) else isinstance(span, Entity)
    start, end = _field(span, "start"), _field(span, "end")
    if is_entity:
        return ("entity", start, end, _field(span, "label"))
    sp = _field(span, "speaker")
    where = (None, None) if not sp else (_field(sp, "start"), _field(sp, "end"))
    return ("quote", start, end, *where)


def _field(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span some annotators have: as the first of them (by name) wrote it."""

    span: Span
    holders: tuple[str, ...]

    @property
    def key(self) -> Key:
        return key(self.span)

    @property
    def kind(self) -> str:
        return "quote" if isinstance(self.span, Quote) else "entity"


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Overlapping candidates of one kind that not everyone shares; one decision."""

    doc_id: str
    kind: str
    start: int
    end: int
    candidates: tuple[Candidate, ...]
    pending: bool

    def side(self, annotator: str) -> tuple[Candidate, ...]:
        """What ``annotator`` has here (nothing is a side too: rejecting)."""
        return tuple(c for c in self.candidates if annotator in c.holders)


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
        self._candidates = self._gather()

    # -- reading -------------------------------------------------------------------------

    def _gather(self) -> list[Candidate]:
        holders: dict[Key, list[str]] = {}
        first: dict[Key, Span] = {}
        for name, version in self.versions.items():
            spans: list[Span] = [*version.entities, *version.quotes]
            for span in spans:
                k = key(span)
                if name not in holders.setdefault(k, []):
                    holders[k].append(name)
                first.setdefault(k, _plain(span))
        found = [Candidate(first[k], tuple(v)) for k, v in holders.items()]
        return sorted(found, key=_order)

    def candidates(self) -> list[Candidate]:
        """Every candidate in text order (the merged view: who has each span)."""
        return list(self._candidates)

    def agreed(self) -> list[Candidate]:
        """The candidates every version has."""
        return [c for c in self._candidates if len(c.holders) == len(self.annotators)]

    def disagreements(self) -> list[Disagreement]:
        """Every disagreement in text order (what Tab walks), decided ones included."""
        gold = self._gold()
        agreed = set(self.agreed())
        out = []
        for kind in ("entity", "quote"):
            open_ = [c for c in self._candidates if c.kind == kind and c not in agreed]
            for group in _overlapping(open_):
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
        plan = _Plan(self)
        touched = self._touched()
        for c in self.agreed():
            if c.key in plan.gold or c.key not in touched:
                plan.accept(c)
        for d in self.disagreements():
            fresh = not any(c.key in plan.gold or c.key in touched for c in d.candidates)
            if d.pending or fresh:
                for c in d.candidates:
                    if c.key not in plan.gold and c.key not in touched:
                        plan.suggest(c)
        wanted = {c.key for c in self._candidates}
        for spans in list(plan.gold.values()):
            for span in spans:
                if span.state == "suggested" and key(span) not in wanted:
                    plan.delete(span)
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
            normal = self.service.store.normal_of(self.doc_id, label, words) or words
            new = Entity(start, end, label, words, normal, None, "added", self.service.annotator)
        else:
            who = speaker if speaker is not None else common.speaker  # type: ignore[union-attr]
            new = Quote(start, end, words, who, None, "added", self.service.annotator)
        return self._decide(d, (), f"edit → {_words(new)}", extra=new)

    def _decide(
        self, d: Disagreement, chosen: Sequence[Candidate], what: str, extra: Span | None = None
    ) -> ChangeSet:
        plan = _Plan(self)
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

    def _gold(self) -> dict[Key, list[Span]]:
        doc = self.service.document(self.doc_id)
        gold: dict[Key, list[Span]] = {}
        spans: list[Span] = [*doc.entities, *doc.quotes]
        for span in spans:
            gold.setdefault(key(span), []).append(span)
        return gold

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


class _Plan:
    """The gold as it will be, and the changes that get it there, in a safe order."""

    # Unlinks first, then quotes removed, entities removed, changed and added, and last
    # the quotes changed and added (so a speaker can link to an entity added here).
    UNLINK, QUOTE_GONE, ENTITY_GONE, ENTITY_CHANGED, ENTITY_NEW, QUOTE_CHANGED, QUOTE_NEW = range(7)

    def __init__(self, adj: Adjudication) -> None:
        self.adj = adj
        self.doc_id = adj.doc_id
        self.who = adj.service.annotator
        self.gold = adj._gold()
        self.model = adj.model_keys()
        self.changes: list[tuple[int, int, Change]] = []
        self._next_id = tables.next_entity_ids(adj.service.store, 1)[0]

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
        return self.adj.service.commit(ChangeSet(name, ordered))


def _plain(span: Span) -> Span:
    """A version's span without its version ids (a candidate, not a row)."""
    if isinstance(span, Quote):
        sp = span.speaker
        return replace(span, id=None, speaker=None if sp is None else replace(sp, entity=None))
    return replace(span, id=None)


def _order(c: Candidate) -> tuple[Any, ...]:
    """Text order: start, the longer first, entities before quotes, then label/speaker."""
    rest = tuple(-1 if v is None else v for v in c.key[3:])
    return (c.span.start, -c.span.end, c.kind, rest)


def _overlapping(cands: list[Candidate]) -> list[list[Candidate]]:
    """Groups of candidates linked by overlap, in text order."""
    groups: list[list[Candidate]] = []
    end = -1
    for c in sorted(cands, key=lambda c: (c.span.start, -c.span.end)):
        if groups and c.span.start < end:
            groups[-1].append(c)
            end = max(end, c.span.end)
        else:
            groups.append([c])
            end = c.span.end
    return groups


def _words(span: Span) -> str:
    label = span.label if isinstance(span, Entity) else "quote"
    return f"{label} «{shorten(span.text, 24)}»"
