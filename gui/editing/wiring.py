"""Puts the review workflow into a main window: undo stack, actions, controller, menus.

The main window calls :func:`install_editing` once with its article view, the service
and the open document; everything about editing is built and connected here, so the
window's own file stays a composition of widgets. The view, the panels and the review
view follow the open document themselves: nothing here refreshes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QUndoStack

from gui.actions import EditActions, create_edit_actions
from gui.article.linked_spans import show_linked
from gui.editing.controller import EditController
from gui.editing.steps import redo_step, undo_step
from gui.panels.review_view import ReviewView

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow

    from gui.article.document_view import DocumentView
    from models import AnnotationService, OpenDocument


@dataclass
class Editing:
    """What :func:`install_editing` built, kept on the window as ``window.editing``."""

    stack: QUndoStack
    actions: EditActions
    controller: EditController
    undo: QAction
    redo: QAction
    review: ReviewView


def install_editing(
    window: QMainWindow, view: DocumentView, service: AnnotationService, document: OpenDocument
) -> Editing:
    """Build the editing machinery for ``view`` and put its menus into ``window``."""
    stack = QUndoStack(window)
    actions = create_edit_actions(view, window, service.labels)
    controller = EditController(view, service, document, stack, actions)
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    undo.setToolTip("Undo the last edit (Ctrl+Z)")
    redo = stack.createRedoAction(window, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    redo.setToolTip("Redo the edit last undone (Ctrl+Shift+Z)")
    for action, step in ((undo, undo_step), (redo, redo_step)):
        action.triggered.disconnect()  # not stack.undo(): a refused step must not move it
        action.triggered.connect(lambda _=False, step=step: _report(controller, step(stack)))
    editing = Editing(stack, actions, controller, undo, redo, ReviewView(service, document, window))
    _menus(window, editing)
    status = window.statusBar()
    controller.message.connect(lambda text: status.showMessage(text, 8000))
    controller.refused.connect(status.showMessage)  # no timeout: it must be read
    controller.current_changed.connect(
        lambda: show_linked(view, document.document, controller.current_span())
    )
    actions.review.triggered.connect(editing.review.show_open)
    return editing


def _report(controller: EditController, error: str | None) -> None:
    if error is not None:
        controller.refused.emit(error)


def _menus(window: QMainWindow, e: Editing) -> None:
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
