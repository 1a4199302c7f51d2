"""The document the window has open, kept equal to the store edit by edit.

The window never reads spans back after an edit: the service commits each change set
and emits it, and an :class:`OpenDocument` applies the changes that touch its document
(by bisection: O(n) copies, no re-sort) and re-emits them. The article, the side panels
and the review view subscribe here and update in place, from one source and the same
way for a first edit, an undo and a redo. Pure Python, so it is tested without Qt.

Another window or process may change the same document meanwhile. The open document is
what the reviewer sees, so an edit of a span that it shows otherwise is refused before
anything is written (``ConflictError``), and after any refused edit, undo or redo the
document is read again (``opened``): the reviewer sees what is really there, then edits.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from models.changes import ChangeSet, Span, swap_spans
from models.events import Signal
from models.service.annotation import AnnotationService
from models.spans import Document, Quote
from models.store.spans import ELSEWHERE, ConflictError, describe


class OpenDocument:
    """One open document (or none) of a service.

    Signals
    -------
    opened(Document | None)
        Another document is open now (or none), or the open one was read again after
        another window changed it: show it from scratch.
    edited(tuple[Change, ...])
        A committed edit changed the open document's spans; ``document`` already holds
        them. Each change names a span before and after (None: added or removed).
    """

    def __init__(self, service: AnnotationService) -> None:
        self._service = service
        self._doc: Document | None = None
        self.opened = Signal("opened")
        self.edited = Signal("edited")
        service.changes_applied.connect(self._on_changes_applied)
        service.status_changed.connect(self._on_status_changed)
        service.edit_planned.connect(self._on_edit_planned)
        service.conflicted.connect(self._on_conflicted)

    @property
    def document(self) -> Document | None:
        """The open document with its current spans."""
        return self._doc

    @property
    def id(self) -> str | None:
        """The open document's id."""
        return self._doc.id if self._doc is not None else None

    def open(self, doc_id: str) -> Document:
        """Read a document with its current spans and open it (KeyError when it is gone)."""
        self._doc = self._service.document(doc_id)
        self.opened.emit(self._doc)
        return self._doc

    def reload(self) -> Document | None:
        """Read the open document again, as the store has it now (None when it is gone)."""
        if self._doc is None:
            return None
        try:
            return self.open(self._doc.id)
        except KeyError:
            self.clear()
            return None

    def clear(self) -> None:
        """Have no document open."""
        self._doc = None
        self.opened.emit(None)

    def find(self, span_id: int, quote: bool) -> Span | None:
        """A span of the open document by id (a quote when ``quote``)."""
        if self._doc is None:
            return None
        spans: tuple[Span, ...] = self._doc.quotes if quote else self._doc.entities
        return next((s for s in spans if s.id == span_id), None)

    def close(self) -> None:
        """Stop following the service and drop every subscriber (the window is gone)."""
        self._service.changes_applied.disconnect(self._on_changes_applied)
        self._service.status_changed.disconnect(self._on_status_changed)
        self._service.edit_planned.disconnect(self._on_edit_planned)
        self._service.conflicted.disconnect(self._on_conflicted)
        self.opened.disconnect()
        self.edited.disconnect()

    def _on_changes_applied(self, changes: ChangeSet) -> None:
        if self._doc is None:
            return
        mine = tuple(c for c in changes if c.doc_id == self._doc.id)
        if not mine:
            return
        try:
            self._doc = swap_spans(
                self._doc,
                [c.before for c in mine if c.before is not None],
                [c.after for c in mine if c.after is not None],
            )
        except IndexError:  # committed over spans this view did not show: read it again
            self.reload()
            return
        self.edited.emit(mine)

    def _on_edit_planned(self, changes: ChangeSet) -> None:
        """Refuse an edit of a span that this document shows otherwise."""
        doc = self._doc
        if doc is None:
            return
        for c in changes:
            if c.doc_id == doc.id and c.before is not None and not _shows(doc, c.before):
                seen = self.find(c.before.id or 0, isinstance(c.before, Quote))
                done = "deleted" if seen is None else "changed"
                raise ConflictError(f"{describe(seen or c.before)} was {done} {ELSEWHERE}", doc.id)

    def _on_conflicted(self, exc: ConflictError) -> None:
        if self._doc is not None and exc.doc_id in (None, self._doc.id):
            self.reload()

    def _on_status_changed(self, doc_id: str, status: str) -> None:
        if self._doc is not None and doc_id == self._doc.id:
            self._doc = replace(self._doc, status=status)


def _shows(doc: Document, span: Span) -> bool:
    """Whether ``doc`` holds exactly this span (found by bisection on its start)."""
    spans: tuple[Span, ...] = doc.quotes if isinstance(span, Quote) else doc.entities
    i = bisect_left(spans, span.start, key=lambda s: s.start)
    while i < len(spans) and spans[i].start == span.start:
        if spans[i] == span:
            return True
        i += 1
    return False
