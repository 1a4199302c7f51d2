"""Undo commands: every edit a reviewer makes is one ``QUndoCommand`` pushed on the stack.

Commands hold ids and values, never widgets. The first ``redo`` (which ``push`` calls)
runs the service method and keeps the ``ChangeSet`` it returns; ``undo`` reverts that
change set and later redos re-apply it, so the same spans come back under the same ids.
An edit the service refuses (``EditError``), one not saved (``StoreError``) or one over
spans another window changed meanwhile (``ConflictError``), and one that changes nothing,
marks itself obsolete, and the stack drops it; the refusal is kept in ``error`` for the
status bar. Successive edge moves of one span merge into one step. Undo and redo
refused later keep the stack where it was (:mod:`gui.editing.steps`).
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from gui.editing.steps import StepCommand, refusal
from models import Change, ChangeSet, EditError, StoreError

if TYPE_CHECKING:
    from models import AnnotationService

MOVE_ID = 4101  # mergeWith() id of edge moves


class ServiceCommand(StepCommand):
    """Base: subclasses say what the first redo does in ``_do``."""

    def __init__(self, service: AnnotationService, text: str) -> None:
        super().__init__(text)
        self.service = service
        self.changes: ChangeSet | None = None
        self.started: list[str] = []  # documents this edit moved from new to in progress

    def _do(self) -> ChangeSet:
        raise NotImplementedError

    def redo(self) -> None:
        """First time (``push``): make the edit; afterwards: re-apply exactly what it did."""
        if self.changes is not None:
            super().redo()
            return
        try:
            self.changes = self._do()
        except (EditError, StoreError) as exc:  # refused, not saved, or changed elsewhere
            self.error = refusal(exc)
            self.setObsolete(True)
            return
        if not self.changes.changes:
            self.setObsolete(True)
            return
        self.setText(self.changes.name)
        self.started = self.service.mark_started(self.changes.doc_ids)

    def _redo(self) -> None:
        if self.changes is not None:
            self.service.reapply(self.changes)
            with suppress(StoreError):  # the spans are done: a status not saved stays as is
                self.service.mark_started(self.started)

    def _undo(self) -> None:
        """Put back the spans as they were before this edit (same ids), and the status."""
        if self.changes is not None:
            self.service.revert(self.changes)
            with suppress(StoreError):
                for doc_id in self.started:
                    self.service.set_status(doc_id, "new")


class AddEntityCommand(ServiceCommand):
    """Label a selection (snapped to tokens unless ``exact``)."""

    def __init__(
        self,
        service: AnnotationService,
        doc_id: str,
        start: int,
        end: int,
        label: str,
        exact: bool = False,
    ) -> None:
        super().__init__(service, f"Add {label}")
        self.args = (doc_id, start, end, label, exact)

    def _do(self) -> ChangeSet:
        return self.service.add_entity(*self.args)


class DeleteEntityCommand(ServiceCommand):
    """Remove one entity (its quotes keep the speaker words, unlinked)."""

    def __init__(self, service: AnnotationService, entity_id: int) -> None:
        super().__init__(service, "Delete entity")
        self.entity_id = entity_id

    def _do(self) -> ChangeSet:
        return self.service.delete_entity(self.entity_id)


class RelabelCommand(ServiceCommand):
    """Give an entity another label."""

    def __init__(self, service: AnnotationService, entity_id: int, label: str) -> None:
        super().__init__(service, f"Relabel as {label}")
        self.entity_id, self.label = entity_id, label

    def _do(self) -> ChangeSet:
        return self.service.relabel(self.entity_id, self.label)


class MoveEdgeCommand(ServiceCommand):
    """Move an entity's or a quote's start or end by tokens; moves of one span merge."""

    def __init__(
        self, service: AnnotationService, kind: str, span_id: int, edge: str, steps: int
    ) -> None:
        super().__init__(service, f"Move {edge}")
        self.kind, self.span_id, self.edge, self.steps = kind, span_id, edge, steps

    def _do(self) -> ChangeSet:
        move = self.service.move_quote if self.kind == "quote" else self.service.move_entity
        return move(self.span_id, self.edge, self.steps)

    def id(self) -> int:
        """Edge moves share an id so the stack offers them to ``mergeWith``."""
        return MOVE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Fold a following move of the same span into this step (one undo)."""
        if not (
            isinstance(other, MoveEdgeCommand)
            and other.changes
            and self.changes
            and (other.kind, other.span_id) == (self.kind, self.span_id)
            and len(self.changes) == len(other.changes) == 1
        ):
            return False
        first, last = self.changes.changes[0], other.changes.changes[0]
        self.started += other.started
        self.changes = ChangeSet(
            self.changes.name, (Change(first.doc_id, first.before, last.after),)
        )
        if first.before == last.after:
            self.setObsolete(True)  # moved back where it was: nothing left to undo
        return True


class ResizeCommand(ServiceCommand):
    """Give an entity or a quote new exact edges (a mouse drag of an edge)."""

    def __init__(
        self, service: AnnotationService, kind: str, span_id: int, start: int, end: int
    ) -> None:
        super().__init__(service, "Resize")
        self.kind, self.span_id, self.bounds = kind, span_id, (start, end)

    def _do(self) -> ChangeSet:
        resize = self.service.resize_quote if self.kind == "quote" else self.service.resize_entity
        return resize(self.span_id, *self.bounds)


class ConfirmCommand(ServiceCommand):
    """Accept one suggestion (entity or quote) as it is."""

    def __init__(self, service: AnnotationService, kind: str, span_id: int) -> None:
        super().__init__(service, "Confirm")
        self.kind, self.span_id = kind, span_id

    def _do(self) -> ChangeSet:
        if self.kind == "quote":
            return self.service.confirm_quote(self.span_id)
        return self.service.confirm_entity(self.span_id)


class ConfirmAllCommand(ServiceCommand):
    """Accept every remaining suggestion of a document."""

    def __init__(self, service: AnnotationService, doc_id: str) -> None:
        super().__init__(service, "Confirm all")
        self.doc_id = doc_id

    def _do(self) -> ChangeSet:
        return self.service.confirm_all(self.doc_id)


class AddQuoteCommand(ServiceCommand):
    """Make a selection a quote (outer quotation marks left out)."""

    def __init__(
        self, service: AnnotationService, doc_id: str, start: int, end: int, exact: bool = False
    ) -> None:
        super().__init__(service, "Add quote")
        self.args = (doc_id, start, end, exact)

    def _do(self) -> ChangeSet:
        return self.service.add_quote(*self.args)


class DeleteQuoteCommand(ServiceCommand):
    """Remove one quote."""

    def __init__(self, service: AnnotationService, quote_id: int) -> None:
        super().__init__(service, "Delete quote")
        self.quote_id = quote_id

    def _do(self) -> ChangeSet:
        return self.service.delete_quote(self.quote_id)


class SetSpeakerCommand(ServiceCommand):
    """Link a quote to its speaker: an entity id, or a mention's offsets."""

    def __init__(
        self,
        service: AnnotationService,
        quote_id: int,
        entity_id: int | None = None,
        mention: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(service, "Set speaker")
        self.quote_id, self.entity_id, self.mention = quote_id, entity_id, mention

    def _do(self) -> ChangeSet:
        if self.entity_id is not None:
            return self.service.set_speaker_entity(self.quote_id, self.entity_id)
        if self.mention is None:
            raise EditError("no speaker mention given")
        return self.service.set_speaker(self.quote_id, *self.mention)


class UnlinkSpeakerCommand(ServiceCommand):
    """Take a quote's speaker away."""

    def __init__(self, service: AnnotationService, quote_id: int) -> None:
        super().__init__(service, "Unlink speaker")
        self.quote_id = quote_id

    def _do(self) -> ChangeSet:
        return self.service.unlink_speaker(self.quote_id)


class ApplyToAllCommand(ServiceCommand):
    """Label every other occurrence like this entity (document or corpus)."""

    def __init__(self, service: AnnotationService, entity_id: int, scope: str, match: str) -> None:
        super().__init__(service, "Apply to all")
        self.args = (entity_id, scope, match)

    def _do(self) -> ChangeSet:
        return self.service.apply_to_all(*self.args)


class RemoveEverywhereCommand(ServiceCommand):
    """Remove this label from these words everywhere (document or corpus)."""

    def __init__(self, service: AnnotationService, entity_id: int, scope: str, match: str) -> None:
        super().__init__(service, "Remove everywhere")
        self.args = (entity_id, scope, match)

    def _do(self) -> ChangeSet:
        return self.service.remove_everywhere(*self.args)


class SetStatusCommand(StepCommand):
    """Set a document's status (done, skipped…); undo restores the previous one."""

    def __init__(self, service: AnnotationService, doc_id: str, status: str) -> None:
        super().__init__(f"Mark {status.replace('_', ' ')}")
        self.service, self.doc_id, self.status = service, doc_id, status
        self.previous: str | None = None

    def redo(self) -> None:
        """First time: set the new status, remembering the old one; then as a step."""
        if self.previous is not None:
            super().redo()
            return
        try:
            self.previous = self.service.set_status(self.doc_id, self.status)
        except StoreError as exc:  # not saved: the reviewer sees why and can retry
            self.error = str(exc)
            self.setObsolete(True)
            return
        if self.previous == self.status:
            self.setObsolete(True)

    def _redo(self) -> None:
        self.service.set_status(self.doc_id, self.status)

    def _undo(self) -> None:
        if self.previous is not None:
            self.service.set_status(self.doc_id, self.previous)


class RenameGroupCommand(ServiceCommand):
    """Give every mention of a group (a label and a normal form) a new normal form."""

    def __init__(
        self, service: AnnotationService, doc_id: str, label: str, name: str, new_name: str
    ) -> None:
        super().__init__(service, "Rename group")
        self.args = (doc_id, label, name, new_name)

    def _do(self) -> ChangeSet:
        return self.service.rename_group(*self.args)


class MergeGroupsCommand(ServiceCommand):
    """Give a group's mentions the normal form of another group of the same label."""

    def __init__(
        self, service: AnnotationService, doc_id: str, label: str, source: str, target: str
    ) -> None:
        super().__init__(service, "Merge groups")
        self.args = (doc_id, label, source, target)

    def _do(self) -> ChangeSet:
        return self.service.merge_groups(*self.args)


class MoveToGroupCommand(ServiceCommand):
    """Give one mention another group's normal form (or a new one)."""

    def __init__(self, service: AnnotationService, entity_id: int, name: str) -> None:
        super().__init__(service, "Move to group")
        self.entity_id, self.name = entity_id, name

    def _do(self) -> ChangeSet:
        return self.service.move_to_group(self.entity_id, self.name)
