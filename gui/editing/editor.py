"""What the parts of the editing controller see of it: a typed Protocol.

The controller (:mod:`gui.editing.controller`) is composed of the action handlers
(:mod:`gui.editing.handlers`) and the edge dragger (:mod:`gui.editing.edge_drag`); they
hold it as an :class:`Editor`, so they depend on this small interface rather than on the
controller's module, and none of the three imports another in a circle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoCommand, QUndoStack

    from gui.actions import EditActions
    from gui.article.document_view import DocumentView
    from models import AnnotationService, ChangeSet, Entity, OpenDocument, Quote

Current = tuple[str, int]
"""The current span as ``("entity" | "quote", id)``."""


class Editor(Protocol):
    """The editing state and the one way to make an edit (``push``)."""

    view: DocumentView
    service: AnnotationService
    document: OpenDocument
    actions: EditActions
    stack: QUndoStack
    current: Current | None
    speaker_for: int | None  # a quote waiting for its speaker (after S)

    @property
    def message(self) -> SignalInstance:
        """Words for the status bar."""
        ...

    @property
    def open_requested(self) -> SignalInstance:
        """A document to open (the next to do)."""
        ...

    @property
    def doc_id(self) -> str | None:
        """The open document's id."""
        ...

    def push(self, command: QUndoCommand) -> ChangeSet | None:
        """Make an edit through the undo stack; what it changed (None: nothing)."""
        ...

    def set_current(
        self,
        current: Current | None,
        select: bool = True,
        center: bool = False,
        span: Entity | Quote | None = None,
    ) -> None:
        """Make a span current (and select its text)."""
        ...

    def current_span(self) -> Entity | Quote | None:
        """The current span's value."""
        ...

    def select_text(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points) in the article."""
        ...

    def candidates_text(self) -> str:
        """The current quote's speaker candidates, numbered for keys 1-9."""
        ...
