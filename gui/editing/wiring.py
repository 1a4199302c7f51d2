"""Puts the review workflow into a main window: undo stack, actions, controller, menus.

The main window calls :func:`install_editing` once with its article view, the side
panels, the service and the open document; everything about editing is built and
connected here, so the window's own file stays a composition of widgets. The view, the
panels and the review view follow the open document themselves: nothing here
refreshes them.

The article's keys also work while a side panel has the keyboard (a click on a Quotes
row, then 2), and by physical key in a Cyrillic layout (:mod:`gui.editing.key_layout`).
Every key stays live so that one that cannot apply can say why on the status line; an
open menu greys out what does not apply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack

from gui.actions import EditActions, create_edit_actions
from gui.article.linked_spans import show_linked
from gui.dialogs.done_prompt import ask_action, remembered
from gui.editing.controller import EditController
from gui.editing.key_layout import LayoutKeys
from gui.editing.steps import redo_step, undo_step
from gui.panels.review_view import ReviewView
from gui.status_line import StatusLine

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

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
    status: StatusLine
    ask_before_done: QAction


def _history_action(window: QMainWindow, stack: QUndoStack, redo: bool) -> QAction:
    """Undo or redo, live even with nothing to do (to say so), named after the step."""
    verb = "Redo" if redo else "Undo"
    action = QAction(f"&{verb}", window)
    if redo:
        action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        action.setToolTip("Redo the edit last undone (Ctrl+Shift+Z)")
        stack.redoTextChanged.connect(lambda text: action.setText(f"&Redo {text}".rstrip()))
    else:
        action.setShortcuts(QKeySequence.StandardKey.Undo)
        action.setToolTip("Undo the last edit (Ctrl+Z)")
        stack.undoTextChanged.connect(lambda text: action.setText(f"&Undo {text}".rstrip()))
    window.addAction(action)
    return action


def _connect_history(e: Editing) -> None:
    # Not stack.undo()/redo(): a step the service refuses must not move the stack.
    def undo() -> None:
        if not e.stack.canUndo():
            e.status.show_event("Nothing to undo")
            return
        text = e.stack.undoText()
        error = undo_step(e.stack)
        if error is not None:
            e.controller.refused.emit(error)
            return
        e.status.show_event(f"Undo: {text}")

    def redo() -> None:
        if not e.stack.canRedo():
            e.status.show_event("Nothing to redo")
            return
        text = e.stack.redoText()
        error = redo_step(e.stack)
        if error is not None:
            e.controller.refused.emit(error)
            return
        e.status.show_event(f"Redo: {text}")

    e.undo.triggered.connect(undo)
    e.redo.triggered.connect(redo)


def install_editing(
    window: QMainWindow,
    view: DocumentView,
    service: AnnotationService,
    document: OpenDocument,
    panels: Sequence[QWidget] = (),
) -> Editing:
    """Build the editing machinery for ``view`` and put its menus into ``window``."""
    stack = QUndoStack(window)
    actions = create_edit_actions(view, window, service.labels)
    for panel in panels:  # the article's keys, also with the keyboard in a side panel
        panel.addActions(actions.in_view())
    controller = EditController(view, service, document, stack, actions)
    review = ReviewView(service, document, window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, review)
    review.hide()
    status = StatusLine(controller)
    window.statusBar().addWidget(status, 1)
    editing = Editing(
        stack,
        actions,
        controller,
        _history_action(window, stack, redo=False),
        _history_action(window, stack, redo=True),
        review,
        status,
        ask_action(window),
    )
    _connect_history(editing)
    _menus(window, editing)
    controller.current_changed.connect(
        lambda: show_linked(view, document.document, controller.current_span())
    )
    actions.review.triggered.connect(review.show_open)
    LayoutKeys(window).gesture.connect(status.end_gesture)
    status.refresh()
    return editing


def _greying(menu: QMenu, e: Editing) -> None:
    """While ``menu`` is open, what cannot apply is grey; closed, every key is live."""

    def showing(on: bool) -> None:
        e.controller.grey_menus(on)
        e.undo.setEnabled(not on or e.stack.canUndo())
        e.redo.setEnabled(not on or e.stack.canRedo())
        e.ask_before_done.setChecked(remembered() == "ask")

    menu.aboutToShow.connect(lambda: showing(True))
    menu.aboutToHide.connect(lambda: showing(False))


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
    review.addActions([a.done_next, a.skip_next, e.ask_before_done, a.review])
    for menu in (edit, review):
        _greying(menu, e)
