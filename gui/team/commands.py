"""Adjudication decisions as undo commands, on the window's one undo stack.

Each decision (accept the agreed spans, take a side, reject, edit) is a method of
:class:`models.team.adjudicate.Adjudication` that commits a ``ChangeSet`` through the
service, under the adjudicator's name in the event log. The command keeps that set:
undo reverts it, redo re-applies it (``ServiceCommand``), so Ctrl+Z takes a decision back
like any other edit, and the article and panels follow the open document as always.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui.editing.commands import ServiceCommand

if TYPE_CHECKING:
    from collections.abc import Callable

    from models import AnnotationService, ChangeSet


class AdjudicateCommand(ServiceCommand):
    """One adjudication step: ``decide()`` is the Adjudication call that commits it."""

    def __init__(
        self, service: AnnotationService, text: str, decide: Callable[[], ChangeSet]
    ) -> None:
        super().__init__(service, text)
        self.decide = decide

    def _do(self) -> ChangeSet:
        return self.decide()
