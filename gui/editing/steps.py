"""Undo and redo that a refusal leaves where they were.

QUndoStack moves its index whatever a command's ``undo()`` does, so an undo that the
service refuses (another window changed the spans meanwhile, or the disk is full) would
leave the index saying the opposite of the database, and ``push`` drops the redo steps
even for an edit that is refused. :func:`push_step`, :func:`undo_step` and
:func:`redo_step` (the controller and the Undo and Redo actions call them) try the step
first and move the stack only when it was done; the command's ``redo()``/``undo()``
then have nothing left to do. A step that the stack moves itself (``stack.undo()``)
and the service refuses is dropped (obsolete): Qt removes it, so the index and the
database still agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from models import ConflictError, EditError, StoreError

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

RELOADED = "; the document is shown as it is now"


def refusal(exc: Exception) -> str:
    """The status-bar line for a refused edit, undo or redo."""
    return str(exc) + (RELOADED if isinstance(exc, ConflictError) else "")


def push_step(stack: QUndoStack, command: QUndoCommand) -> None:
    """Push a new edit once it is made: one refused (or changing nothing) is not pushed.

    ``QUndoStack.push`` drops the redo steps even for a command that turns out
    obsolete; made first, a refused edit leaves the stack as it was, redo steps too.
    """
    if isinstance(command, StepCommand) and not command.make():
        return
    stack.push(command)


def undo_step(stack: QUndoStack) -> str | None:
    """Undo the step below the stack's index; the refusal (nothing moved), or None."""
    return _step(stack, stack.index() - 1, "undo")


def redo_step(stack: QUndoStack) -> str | None:
    """Redo the step at the stack's index; the refusal (nothing moved), or None."""
    return _step(stack, stack.index(), "redo")


def _step(stack: QUndoStack, index: int, way: str) -> str | None:
    command = stack.command(index) if 0 <= index < stack.count() else None
    if command is None:
        return None
    if isinstance(command, StepCommand):
        error = command.attempt(way)
        if error is not None:
            return error
    if way == "undo":
        stack.undo()
    else:
        stack.redo()
    return None


class StepCommand(QUndoCommand):
    """Base: a step that can be tried (:meth:`attempt`) before the stack moves."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.error: str | None = None
        self._ahead: str | None = None  # "undo"/"redo" done already; the stack follows

    def _undo(self) -> None:
        raise NotImplementedError

    def _redo(self) -> None:
        raise NotImplementedError

    def make(self) -> bool:
        """Make the edit now (its first redo, before the push); False: nothing to push."""
        self.redo()
        if self.isObsolete():
            return False
        self._ahead = "redo"  # the push's redo() has nothing left to do
        return True

    def attempt(self, way: str) -> str | None:
        """Undo or redo now; the refusal (and nothing done), or None when done."""
        try:
            if way == "undo":
                self._undo()
            else:
                self._redo()
        except (EditError, StoreError) as exc:
            self.error = refusal(exc)
            return self.error
        self.error = None
        self._ahead = way
        return None

    def undo(self) -> None:
        """Called by the stack: done already by :meth:`attempt`, or done now."""
        self._follow("undo")

    def redo(self) -> None:
        """Called by the stack: done already by :meth:`attempt`, or done now."""
        self._follow("redo")

    def _follow(self, way: str) -> None:
        if self._ahead == way:
            self._ahead = None
        elif self.attempt(way) is not None:
            self.setObsolete(True)  # the stack moves on anyway: drop the step
        self._ahead = None
