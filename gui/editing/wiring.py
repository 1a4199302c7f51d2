"""Puts the review workflow into the main window: service, undo stack, actions, menus.

The main window calls :func:`install_editing` once; everything about editing is built
and connected here, so the window's own file stays a composition of widgets. The
side panels and the document list are refreshed from the controller's
``spans_changed`` after a short pause, so a burst of edits redraws them once and the
article itself never waits for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QUndoStack

from gui.actions import EditActions, create_edit_actions
from gui.article.linked_spans import show_linked
from gui.editing.controller import EditController
from gui.panels.review_view import ReviewView
from models.service.annotation import AnnotationService

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from gui.main_window import MainWindow

PANEL_REFRESH_MS = 300


@dataclass
class Editing:
    """What :func:`install_editing` built, kept on the window as ``window.editing``."""

    service: AnnotationService
    stack: QUndoStack
    actions: EditActions
    controller: EditController
    undo: QAction
    redo: QAction
    review: ReviewView
    panel_timer: QTimer


def install_editing(window: MainWindow) -> Editing:
    """Build and wire the editing machinery into ``window``."""
    service = AnnotationService(window.store, window.annotator, labels=window.labels)
    stack = QUndoStack(window)
    actions = create_edit_actions(window.view, window, window.labels)
    controller = EditController(window.view, service, stack, actions)
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    undo.setToolTip("Undo the last edit (Ctrl+Z)")
    redo = stack.createRedoAction(window, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    redo.setToolTip("Redo the edit last undone (Ctrl+Shift+Z)")
    timer = QTimer(window, singleShot=True, interval=PANEL_REFRESH_MS)
    editing = Editing(
        service, stack, actions, controller, undo, redo, ReviewView(service, window), timer
    )
    _menus(window, editing)
    _wire(window, editing)
    return editing


def _menus(window: MainWindow, e: Editing) -> None:
    a = e.actions
    edit = window.menuBar().addMenu("&Edit")
    edit.addActions([e.undo, e.redo])
    edit.addSeparator()
    edit.addActions([*a.label, *a.label_exact, a.quote, a.quote_exact, a.delete])
    edit.addSeparator()
    edit.addActions([a.grow_end, a.shrink_end, a.grow_start, a.shrink_start])
    edit.addSeparator()
    edit.addActions(
        [a.apply_words, a.apply_forms, a.apply_forms_corpus, a.remove_words, a.remove_forms_corpus]
    )
    review = window.menuBar().addMenu("&Review")
    review.addActions([a.confirm, a.confirm_all, a.next_suggestion, a.previous_suggestion])
    review.addSeparator()
    review.addActions([a.speaker, a.unlink, *a.pick])
    review.addSeparator()
    review.addActions([a.done_next, a.skip_next, a.review])
    window.menuBar().addMenu("&Help").addAction(a.keymap)


def _wire(window: MainWindow, e: Editing) -> None:
    c = e.controller
    c.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
    c.refused.connect(window.statusBar().showMessage)  # no timeout: it must be read
    c.open_requested.connect(window.open_document)
    c.current_changed.connect(lambda: show_linked(window.view, c.current_span()))
    window.entity_panel.span_requested.connect(c.select_range)
    window.quote_panel.span_requested.connect(c.select_range)
    c.spans_changed.connect(lambda _doc_id: e.panel_timer.start())
    e.panel_timer.timeout.connect(lambda: refresh_panels(window))
    e.service.status_changed.connect(lambda _doc_id, _status: e.panel_timer.start())
    window.document_opened.connect(lambda _doc_id: c.document_shown())
    e.actions.review.triggered.connect(lambda: open_review(window, e))


def refresh_panels(window: MainWindow) -> None:
    """Show the view's current spans in the entity and quote panels and the list."""
    doc = window.view.current_document
    if doc is None or not window.isVisible():  # closed meanwhile: the store may be too
        return
    window.entity_panel.set_entities(doc.entities, doc.text)
    window.quote_panel.set_quotes(doc.quotes, doc.text)
    window.document_list.refresh()  # counts and status; keeps the selection, silently


def open_review(window: MainWindow, e: Editing) -> None:
    """Show the review view for the open document."""
    if window.current_id is None:
        return
    e.review.show_document(window.current_id)
    e.review.show()
    e.review.raise_()
