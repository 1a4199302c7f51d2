"""The annotation service: every edit and query the window can make, as calls tests make.

The window never writes to the store; it calls these methods (through undo commands).
An edit is planned by its rules (entities.py, quotes.py, bulk.py, groups.py build a
``ChangeSet`` from what they read; an entity edit takes along the normal forms derived
from the span it changes, normals.py) and committed here: one transaction with the
annotator and the time in the event log, then ``changes_applied`` with the committed set
(new spans carry their ids). ``revert`` undoes a set and ``reapply`` redoes it, through
the same commit, so the file, the log and every view agree. Whole-corpus jobs (import,
export) are ``corpus``; the document list reads through ``listing``, a team database's
annotators and versions through ``team``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from models.changes import ChangeSet
from models.events import Signal
from models.labels import LabelSet, load_labels
from models.nlp.occurrences import Forms, pymorphy_forms
from models.nlp.tokens import snap
from models.service.bulk import BulkEdits
from models.service.context import EditContext, EditError
from models.service.corpus import Corpus
from models.service.entities import EntityEdits
from models.service.groups import GroupEdits
from models.service.history import SpanEdit, last_edit
from models.service.listing import DocumentListing, ListingReader
from models.service.normals import DerivedNormals
from models.service.quotes import QuoteEdits
from models.service.team import TeamIndex
from models.spans import STATUSES, Document, Entity, Quote
from models.store.spans import ELSEWHERE, ConflictError
from models.store.store import Store

__all__ = ["AnnotationService", "ConflictError", "EditError"]

# "Not done" for Ctrl+Enter: skipped documents were put aside on purpose.
TODO = ("new", "in_progress")


class AnnotationService:
    """Edits and queries over one store, as one annotator.

    Signals
    -------
    changes_applied(ChangeSet)
        After every commit (an edit, an undo, a redo), with the spans as committed.
    edit_planned(ChangeSet)
        Before every commit; a listener that shows the spans otherwise (an open
        document read before another window changed them) refuses it by raising
        ConflictError.
    conflicted(ConflictError)
        An edit, undo or redo was refused because spans changed elsewhere meanwhile;
        ``doc_id`` (None when not known) is the document to read again.
    status_changed(doc_id, status)
        After a document's review status was set.
    """

    def __init__(
        self,
        store: Store,
        annotator: str | None = None,
        forms: Forms | None = None,
        labels: LabelSet | None = None,
    ) -> None:
        self.store = store
        self._ctx = EditContext(store, annotator, forms or pymorphy_forms, labels or load_labels())
        self._entities = EntityEdits(self._ctx)
        self._quotes = QuoteEdits(self._ctx)
        self._bulk = BulkEdits(self._ctx, self._entities)
        self._groups = GroupEdits(self._ctx)
        self._normals = DerivedNormals(self._ctx)
        self.corpus = Corpus(store)
        self.team = TeamIndex(store)
        self.changes_applied = Signal("changes_applied")
        self.edit_planned = Signal("edit_planned")
        self.conflicted = Signal("conflicted")
        self.status_changed = Signal("status_changed")

    @property
    def annotator(self) -> str | None:
        """Whose edits these are (in the event log)."""
        return self._ctx.annotator

    @property
    def labels(self) -> LabelSet:
        """The entity labels edits may use."""
        return self._ctx.labels

    @property
    def forms(self) -> Forms:
        """Word → normal forms, for "all forms" edits and the list's search."""
        return self._ctx.forms

    # -- commit, undo, redo --------------------------------------------------------

    def commit(self, changes: ChangeSet) -> ChangeSet:
        """Write an edit (one transaction), announce it; returns it with new ids.

        ``edit_planned`` listeners see it first and may refuse it (ConflictError); the
        store refuses it when a span it changes moved on meanwhile. Either way nothing is
        written, and ``conflicted`` tells the views to read the document again.
        """
        if not changes.changes:
            return changes
        try:
            self.edit_planned.emit(changes)
            done = self.store.apply_changes(changes.changes, self.annotator, changes.name)
        except ConflictError as exc:
            self.conflicted.emit(exc)
            raise
        result = ChangeSet(changes.name, done)
        self.changes_applied.emit(result)
        return result

    def _edit(self, plan: Callable[..., ChangeSet], *args: Any) -> ChangeSet:
        """Plan an edit from the stored spans and commit it.

        A span that is no longer stored (deleted in another window or process since the
        caller saw it) makes the plan fail with KeyError: that is a conflict too.
        """
        try:
            changes = plan(*args)
        except KeyError:
            exc = ConflictError(f"the span was deleted {ELSEWHERE}")
            self.conflicted.emit(exc)
            raise exc from None
        return self.commit(changes)

    def _edit_entities(self, plan: Callable[..., ChangeSet], *args: Any) -> ChangeSet:
        """``_edit`` for an entity edit: the derived normal forms that follow it go along."""
        return self._edit(lambda *a: self._normals.follow(plan(*a)), *args)

    def revert(self, changes: ChangeSet) -> ChangeSet:
        """Undo an edit that ``commit`` returned: the exact prior spans, same ids."""
        return self.commit(changes.inverse())

    def reapply(self, changes: ChangeSet) -> ChangeSet:
        """Redo an edit after ``revert``: the same spans under the same ids."""
        return self.commit(changes)

    # -- entities (rules in entities.py) ------------------------------------------------

    def add_entity(
        self, doc_id: str, start: int, end: int, label: str, exact: bool = False
    ) -> ChangeSet:
        """Label ``[start, end)``, widened to whole tokens unless ``exact``; the same
        extent as an entity with another label relabels it."""
        return self._edit_entities(self._entities.add, doc_id, start, end, label, exact)

    def delete_entity(self, entity_id: int) -> ChangeSet:
        """Remove an entity; quotes it speaks keep their speaker mention, unlinked."""
        return self._edit_entities(self._entities.delete, entity_id)

    def relabel(self, entity_id: int, label: str) -> ChangeSet:
        """Give an entity another label (same id, same extent)."""
        return self._edit_entities(self._entities.relabel, entity_id, label)

    def move_entity(self, entity_id: int, edge: str, steps: int) -> ChangeSet:
        """Move an entity's ``start`` or ``end`` by ``steps`` tokens (negative: left).

        Shift+Right grows the end, Shift+Left shrinks it; Ctrl+Shift+Left grows the start,
        Ctrl+Shift+Right shrinks it. The span keeps its id and its history.
        """
        return self._edit_entities(self._entities.move, entity_id, edge, steps)

    def resize_entity(self, entity_id: int, start: int, end: int) -> ChangeSet:
        """Give an entity new exact boundaries; quotes it speaks follow the mention."""
        return self._edit_entities(self._entities.resize, entity_id, start, end)

    def confirm_entity(self, entity_id: int) -> ChangeSet:
        """Accept a model suggestion as it is."""
        return self._edit(self._entities.confirm, entity_id)

    # -- person groups (rules in groups.py) ---------------------------------------------

    def rename_group(self, doc_id: str, label: str, name: str, new_name: str) -> ChangeSet:
        """Every mention of the group ``(label, name)`` takes the normal ``new_name``."""
        return self._edit(self._groups.rename, doc_id, label, name, new_name)

    def merge_groups(self, doc_id: str, label: str, source: str, target: str) -> ChangeSet:
        """The mentions of group ``source`` take the normal form of group ``target``."""
        return self._edit(self._groups.merge, doc_id, label, source, target)

    def move_to_group(self, entity_id: int, name: str) -> ChangeSet:
        """One mention takes the normal form ``name`` (another group, or a new one)."""
        return self._edit(self._groups.move, entity_id, name)

    # -- quotes and speakers (rules in quotes.py) ---------------------------------------

    def add_quote(self, doc_id: str, start: int, end: int, exact: bool = False) -> ChangeSet:
        """Make ``[start, end)`` a quote: whole tokens, outer quotation marks left out."""
        return self._edit(self._quotes.add, doc_id, start, end, exact)

    def delete_quote(self, quote_id: int) -> ChangeSet:
        """Remove a quote (its speaker link goes with it)."""
        return self._edit(self._quotes.delete, quote_id)

    def move_quote(self, quote_id: int, edge: str, steps: int) -> ChangeSet:
        """Move a quote's ``start`` or ``end`` by ``steps`` tokens; the speaker stays."""
        return self._edit(self._quotes.move, quote_id, edge, steps)

    def resize_quote(self, quote_id: int, start: int, end: int) -> ChangeSet:
        """Give a quote new exact boundaries, keeping its speaker."""
        return self._edit(self._quotes.resize, quote_id, start, end)

    def confirm_quote(self, quote_id: int) -> ChangeSet:
        """Accept a suggested quote (and its speaker) as it is."""
        return self._edit(self._quotes.confirm, quote_id)

    def set_speaker(self, quote_id: int, start: int, end: int, exact: bool = False) -> ChangeSet:
        """Make the mention at ``[start, end)`` the quote's speaker (linked when it is an
        entity, a PER or ORG preferred; else the words alone)."""
        return self._edit(self._quotes.set_speaker, quote_id, start, end, exact)

    def set_speaker_entity(self, quote_id: int, entity_id: int) -> ChangeSet:
        """Make an entity the quote's speaker (a link that follows the entity)."""
        return self._edit(self._quotes.set_speaker_entity, quote_id, entity_id)

    def unlink_speaker(self, quote_id: int) -> ChangeSet:
        """The quote has no named source (or its speaker is not yet known)."""
        return self._edit(self._quotes.unlink_speaker, quote_id)

    def speaker_candidates(self, quote_id: int, limit: int = 9) -> list[Entity]:
        """The likeliest speakers for a quote, best first (keys 1-9 pick them)."""
        return self._quotes.speaker_candidates(quote_id, limit)

    # -- bulk edits (rules in bulk.py) -----------------------------------------------------

    def confirm_all(self, doc_id: str) -> ChangeSet:
        """Confirm every remaining model suggestion (entities and quotes) in a document."""
        return self._edit(self._bulk.confirm_all, doc_id)

    def apply_to_all(
        self, entity_id: int, scope: str = "document", match: str = "words"
    ) -> ChangeSet:
        """Label every other occurrence of an entity's words like it, as one edit."""
        return self._edit_entities(self._bulk.apply_to_all, entity_id, scope, match)

    def remove_everywhere(
        self, entity_id: int, scope: str = "document", match: str = "words"
    ) -> ChangeSet:
        """Delete this entity and every one with its label and words, as one edit."""
        return self._edit_entities(self._bulk.remove_everywhere, entity_id, scope, match)

    # -- documents -------------------------------------------------------------------------

    def document(self, doc_id: str) -> Document:
        """A document with its current (gold) spans."""
        return self.store.document(doc_id)

    def predictions(self, doc_id: str) -> Document:
        """The model's untouched snapshot of a document."""
        return self.store.predictions(doc_id)

    def set_status(self, doc_id: str, status: str) -> str:
        """Set a document's status; returns the previous one (what undo needs)."""
        if status not in STATUSES:
            raise EditError(f"status must be one of {', '.join(STATUSES)}")
        old = self.store.set_status(doc_id, status, self.annotator)
        self.status_changed.emit(doc_id, status)
        return old

    def mark_started(self, doc_ids: list[str]) -> list[str]:
        """Documents among these still ``new`` become ``in_progress``; returns those.

        The first edit of a document starts its review; undoing that edit sets the
        returned documents back to ``new``.
        """
        started = [d for d in doc_ids if self.store.document_status(d) == "new"]
        for doc_id in started:
            self.set_status(doc_id, "in_progress")
        return started

    def next_document(self, doc_id: str) -> str | None:
        """The next document (after this one, wrapping round) that is new or in progress."""
        return self.store.lists.next_document(doc_id, TODO)

    def listing(
        self,
        status: str | None = None,
        search: str | None = None,
        label: str | None = None,
        annotator: str | None = None,
    ) -> DocumentListing:
        """The document list under a filter: status, an entity label (or the quote
        label: documents with a quote), words (any form), an annotator's share (in a
        team database)."""
        return DocumentListing(
            self.store.lists,
            self.forms,
            status,
            search,
            label,
            annotator,
            quote_label=self.labels.quote.name,
        )

    def listing_reader(self) -> ListingReader:
        """Listings read over a connection of their own, for the window's search thread."""
        return ListingReader(self.store.lists, self.forms, self.labels.quote.name)

    def last_edit(self, doc_id: str, kind: str, span_id: int) -> SpanEdit | None:
        """Who last edited a span and when (None: never edited, as the model left it)."""
        return last_edit(self.store, doc_id, kind, span_id)

    @property
    def database_path(self) -> str:
        """The database file, or ``in memory``."""
        return str(self.store.path) if self.store.path is not None else "in memory"

    def data_version(self) -> int:
        """Changes whenever another connection commits (cheap enough to poll)."""
        return self.store.lists.data_version()

    # -- reading the text ------------------------------------------------------------------

    def text(self, doc_id: str) -> str:
        """A document's text (cached: a document's text never changes)."""
        return self._ctx.text(doc_id)

    def snap(self, doc_id: str, start: int, end: int) -> tuple[int, int] | None:
        """``[start, end)`` widened to whole tokens (None when it holds no word)."""
        return snap(self.text(doc_id), start, end)

    def spans_at(self, doc_id: str, pos: int) -> list[Entity]:
        """The entities covering character ``pos``, innermost first (for a click)."""
        found = self.store.spans.entities_overlapping(doc_id, pos, pos + 1)
        return sorted(found, key=lambda e: (e.end - e.start, e.start))

    def next_suggestion(
        self, doc_id: str, pos: int, backwards: bool = False, current: Entity | Quote | None = None
    ) -> Entity | Quote | None:
        """The next model suggestion after ``current`` or ``pos`` (before, ``backwards``).

        Tab and Shift+Tab walk these, wrapping round, so every suggestion gets a decision,
        nested ones that start at the same character included.
        """
        spans = self.store.spans
        found = spans.next_in_state(doc_id, "suggested", pos, backwards, current)
        if found is None:  # wrap round
            edge = len(self.text(doc_id)) + 1 if backwards else -1
            found = spans.next_in_state(doc_id, "suggested", edge, backwards)
        return found
