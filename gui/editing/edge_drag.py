"""Dragging the current span's start or end with the mouse (the mouse twin of the
Shift/Ctrl+Shift+arrow keys).

Press exactly on an edge of the current span (the caret boundary nearest the click),
drag, release: the span gets the new edge, widened to whole words (Alt keeps the exact
character), as one undoable ``ResizeCommand``. While dragging, the selection previews
the new extent and no text selection starts. Presses anywhere else go to the view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCursor

from gui.editing.commands import ResizeCommand

if TYPE_CHECKING:
    from PySide6.QtGui import QMouseEvent

    from gui.editing.editor import Editor


class EdgeDragger(QObject):
    """An event filter on the article's viewport, working for one editor."""

    def __init__(self, editor: Editor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.edge: str | None = None  # "start" | "end" while dragging
        editor.view.viewport().installEventFilter(self)

    def _offset(self, event: QMouseEvent) -> int:
        view = self.editor.view
        qt_pos = view.cursorForPosition(event.position().toPoint()).position()
        return view.layers.offsets.to_py(qt_pos)

    def _bounds(self, offset: int, exact: bool) -> tuple[int, int] | None:
        span = self.editor.current_span()
        if span is None or self.edge is None:
            return None
        start, end = (offset, span.end) if self.edge == "start" else (span.start, offset)
        start, end = min(start, end), max(start, end)
        doc_id = self.editor.doc_id
        if exact or start == end or doc_id is None:
            return (start, end) if start < end else None
        return self.editor.service.snap(doc_id, start, end)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Start, preview and finish an edge drag; let every other event through."""
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            return self._press(event)  # type: ignore[arg-type]
        if kind == QEvent.Type.MouseMove and self.edge is not None:
            bounds = self._bounds(self._offset(event), exact=True)  # type: ignore[arg-type]
            if bounds is not None:
                self.editor.select_text(*bounds)
            return True
        if kind == QEvent.Type.MouseButtonRelease and self.edge is not None:
            self._release(event)  # type: ignore[arg-type]
            return True
        return False

    def _press(self, event: QMouseEvent) -> bool:
        span = self.editor.current_span()
        if event.button() != Qt.MouseButton.LeftButton or span is None:
            return False
        offset = self._offset(event)
        self.edge = "start" if offset == span.start else "end" if offset == span.end else None
        if self.edge is not None:
            self.editor.view.viewport().setCursor(QCursor(Qt.CursorShape.SizeHorCursor))
        return self.edge is not None

    def _release(self, event: QMouseEvent) -> None:
        exact = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        bounds = self._bounds(self._offset(event), exact)
        self.edge = None
        self.editor.view.viewport().setCursor(QCursor(Qt.CursorShape.IBeamCursor))
        ed = self.editor
        if ed.current is None or bounds is None:
            return
        kind, span_id = ed.current
        ed.push(ResizeCommand(ed.service, kind, span_id, *bounds))
        ed.set_current((kind, span_id))
