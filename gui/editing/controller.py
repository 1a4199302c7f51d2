"""The editing controller: turns keys and clicks on the article into undo commands.

It is installed on a :class:`~gui.article.document_view.DocumentView` and never changes data
itself: each gesture pushes a command from :mod:`gui.editing.commands` (which calls the
service), and the view and the panels follow the :class:`~models.OpenDocument`, so a
first edit, an undo and a redo all redraw the same way, and only the spans that changed.
The controller is composed of the action handlers (:mod:`gui.editing.handlers`) and the
edge dragger (:mod:`gui.editing.edge_drag`), which see it as an ``Editor``.

The controller keeps the *current span* (clicked, walked to with Tab, or just made):
label keys relabel it, Delete removes it, Shift/Ctrl+Shift+arrows move its edges, Enter
confirms it. A quote as current span takes S (then click or select the speaker), 1-9
(ranked candidates) and U (unlink).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QTextCursor

from gui.editing.commands import ServiceCommand
from gui.editing.edge_drag import EdgeDragger
from gui.editing.handlers import ActionHandlers
from gui.editing.steps import push_step
from gui.subscribe import subscribe
from models import Quote

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QMouseEvent, QUndoCommand, QUndoStack

    from gui.actions import EditActions
    from gui.article.document_view import DocumentView
    from gui.editing.editor import Current
    from models import AnnotationService, Change, ChangeSet, Document, Entity, OpenDocument


def _key(span: Entity | Quote) -> Current:
    return ("quote" if isinstance(span, Quote) else "entity", span.id or 0)


class EditController(QObject):
    """Keys and clicks on one document view → commands on one undo stack."""

    message = Signal(str)  # for the status bar
    refused = Signal(str)  # an edit refused or not saved: stays on screen until the next
    open_requested = Signal(str)  # a document to show (next to do, or an undo elsewhere)
    current_changed = Signal()

    def __init__(
        self,
        view: DocumentView,
        service: AnnotationService,
        document: OpenDocument,
        stack: QUndoStack,
        actions: EditActions,
    ) -> None:
        super().__init__(view)
        self.view, self.service, self.document = view, service, document
        self.stack, self.actions = stack, actions
        self.current: Current | None = None
        self._span: Entity | Quote | None = None  # the current span's value, kept fresh
        self.speaker_for: int | None = None  # quote waiting for its speaker (after S)
        self._last_click: int | None = None
        self._pushing = False  # a new edit (not an undo/redo) is being made
        self.handlers = ActionHandlers(self)
        view.span_clicked.connect(self._on_view_span_clicked)
        view.selectionChanged.connect(self._on_view_selection_changed)
        view.viewport().installEventFilter(self)
        self.edges = EdgeDragger(self, self)  # after our filter, so it sees presses first
        subscribe(document.opened, self._on_document_opened, self)
        subscribe(document.edited, self._on_document_edited, self)
        subscribe(service.changes_applied, self._on_service_changes_applied, self)

    # -- state -----------------------------------------------------------------------

    @property
    def doc_id(self) -> str | None:
        """The open document's id."""
        return self.document.id

    def current_span(self) -> Entity | Quote | None:
        """The current span as the view shows it (None when there is none)."""
        if self.current is None:
            return None
        if self._span is None or _key(self._span) != self.current:
            self._span = self._find(*self.current)
        return self._span

    def _find(self, kind: str, span_id: int) -> Entity | Quote | None:
        """A span of the open document by id: near the last click first (bisection)."""
        if self._last_click is not None:
            index = self.view.layers.quotes if kind == "quote" else self.view.layers.entities
            near = [h.item for h in index.at(self._last_click) if h.item.id == span_id]
            if near:
                return near[0]
        return self.document.find(span_id, quote=kind == "quote")

    def set_current(
        self,
        current: Current | None,
        select: bool = True,
        center: bool = False,
        span: Entity | Quote | None = None,
    ) -> None:
        """Make a span current, selecting its text (and scrolling to it if ``center``).

        ``span`` is its value when the caller has it (no look-up on a 10,000-span text).
        """
        self.current = current
        if span is not None:
            self._span = span
        found = self.current_span()
        if found is None:
            self.current = None
        elif select:
            if center:
                self.view.select_span(found.start, found.end)
            else:
                self.select_text(found.start, found.end)
        self.current_changed.emit()

    def candidates_text(self) -> str:
        """The current quote's likeliest speakers, numbered as keys 1-9 pick them."""
        if self.current is None or self.current[0] != "quote":
            return ""
        found = self.service.speaker_candidates(self.current[1])
        return "  ".join(f"{n}: {e.normal or e.text}" for n, e in enumerate(found, 1))

    def select_range(self, start: int, end: int) -> None:
        """Make the span with exactly these offsets current (a panel click), centred."""
        layers = self.view.layers
        for kind, index in (("quote", layers.quotes), ("entity", layers.entities)):
            for hit in index.at(start):
                if (hit.item.start, hit.item.end) == (start, end) and hit.item.id is not None:
                    self.set_current((kind, hit.item.id), center=True, span=hit.item)
                    return
        self.view.select_span(start, end)

    def select_text(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points) and keep it in view."""
        offsets = self.view.layers.offsets
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(offsets.to_qt(start))
        cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()

    def grey_menus(self, showing: bool) -> None:
        """Grey out in an open menu what cannot apply now; keys stay live to say why."""
        kind = self.current[0] if self.current and showing else None
        a = self.actions
        for group, applies in (
            ((a.delete, a.grow_end, a.shrink_end, a.grow_start, a.shrink_start, a.confirm), True),
            ((*a.pick, a.unlink, a.speaker), kind == "quote"),
            (
                (
                    a.apply_words,
                    a.apply_forms,
                    a.apply_forms_corpus,
                    a.remove_words,
                    a.remove_forms_corpus,
                ),
                kind == "entity",
            ),
        ):
            for action in group:
                action.setEnabled(not showing or (kind is not None and applies))

    # -- pushing commands ----------------------------------------------------------------

    def push(self, command: QUndoCommand) -> ChangeSet | None:
        """Push a command; report a refusal; returns what it changed (None if nothing)."""
        name = command.text()  # the stack deletes a command that did nothing
        self._pushing = True
        try:
            push_step(self.stack, command)  # the edit is committed (or refused) when this returns
        finally:
            self._pushing = False
        error = getattr(command, "error", None)
        changes: ChangeSet | None = getattr(command, "changes", None)
        if error:
            self.refused.emit(error)
        elif changes is not None and changes.changes:
            self.message.emit(changes.name)
        elif isinstance(command, ServiceCommand):
            self.message.emit(f"{name}: nothing to change")
        return changes

    # -- events --------------------------------------------------------------------------

    def _on_document_opened(self, _doc: Document | None) -> None:
        """Another document is in the view: nothing is current any more."""
        self.speaker_for = None
        self._span = self._last_click = None
        self.set_current(None, select=False)

    def _on_document_edited(self, changes: Sequence[Change]) -> None:
        """Keep the current span's value fresh; drop it when an edit deleted it."""
        if self.current is None:
            return
        for c in changes:
            if c.before is not None and _key(c.before) == self.current:
                self._span = c.after
                if c.after is None:
                    self.set_current(None, select=False)
                return

    def _on_service_changes_applied(self, changes: ChangeSet) -> None:
        others = changes.doc_ids
        if self.doc_id not in others and len(others) == 1 and not self._pushing:
            self.open_requested.emit(others[0])  # an undo in another document: show it

    def _on_view_span_clicked(self, kind: str, span_id: int) -> None:
        if self.speaker_for is not None:
            if kind == "entity":
                self.handlers.set_speaker(entity_id=span_id)
            return
        if self.current == (kind, span_id) and self._last_click is not None:
            outer = self._outer_entity(self._last_click, span_id)
            if outer is not None:
                span_id = outer  # a second click on a nested span reaches the outer one
        self.set_current((kind, span_id))

    def _outer_entity(self, offset: int, inner_id: int) -> int | None:
        hits = [h.item.id for h in self.view.layers.entities.at(offset)]
        if inner_id in hits and hits.index(inner_id) > 0:
            return hits[hits.index(inner_id) - 1]
        return None

    def _on_view_selection_changed(self) -> None:
        if self.edges.edge is not None:
            return  # an edge drag previews the new extent: the span stays current
        sel = self.view.selection_span()
        span = self.current_span()
        if sel is None or span is None or sel == (span.start, span.end):
            return
        self.current = None  # a fresh selection: the next label key adds a span
        self.current_changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Clicks on the article: remember where, finish speaker picking by selection."""
        if event.type() == QEvent.Type.MouseButtonRelease:
            self._on_viewport_released(event)  # type: ignore[arg-type]
        return False

    def _on_viewport_released(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._last_click = self.view.offset_at(event.position().toPoint())
        sel = self.view.selection_span()
        if self.speaker_for is not None and sel is not None:
            self.handlers.set_speaker(mention=sel)
        elif sel is None and self.view.span_at(self._last_click) is None:
            if self.speaker_for is not None:
                self.speaker_for = None
                self.message.emit("Speaker not changed: that is no entity (select its words)")
            self.set_current(None, select=False)  # a click on plain text
