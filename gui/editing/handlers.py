"""What each annotation action does: the handler half of the editing controller.

Handlers read the current span and the selection, push one command, and then select
what the edit produced, so the next key acts on it (add PER, then Shift+Right to grow
it, then Enter). Split from :mod:`gui.editing.controller` to keep both files short.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from gui.dialogs.keymap_dialog import KeymapDialog
from gui.editing import commands as cmd
from models.spans import Quote

if TYPE_CHECKING:
    from models.changes import ChangeSet


class EditHandlers:
    """Action slots; mixed into :class:`gui.editing.controller.EditController`."""

    # Provided by EditController (gui/editing.py).
    view: Any
    service: Any
    actions: Any
    message: Any
    open_requested: Any
    doc_id: Any
    push: Any
    set_current: Any
    current_span: Any
    current: tuple[str, int] | None
    speaker_for: int | None

    def _connect_actions(self) -> None:
        a = self.actions
        for action, label in zip(a.label, self.service.labels.entities):
            action.triggered.connect(partial(self._label, label.name, False))
        for action, label in zip(a.label_exact, self.service.labels.entities):
            action.triggered.connect(partial(self._label, label.name, True))
        a.quote.triggered.connect(partial(self._quote, False))
        a.quote_exact.triggered.connect(partial(self._quote, True))
        a.delete.triggered.connect(self._delete)
        for action, edge, steps in (
            (a.grow_end, "end", 1),
            (a.shrink_end, "end", -1),
            (a.grow_start, "start", -1),
            (a.shrink_start, "start", 1),
        ):
            action.triggered.connect(partial(self._move, edge, steps))
        a.confirm.triggered.connect(self._confirm)
        a.confirm_all.triggered.connect(self._confirm_all)
        a.next_suggestion.triggered.connect(partial(self.walk, False))
        a.previous_suggestion.triggered.connect(partial(self.walk, True))
        a.speaker.triggered.connect(self._speaker)
        for n, action in enumerate(a.pick):
            action.triggered.connect(partial(self._pick, n))
        a.unlink.triggered.connect(self._unlink)
        for action, make, scope, match in (
            (a.apply_words, cmd.ApplyToAllCommand, "document", "words"),
            (a.apply_forms, cmd.ApplyToAllCommand, "document", "lemmas"),
            (a.apply_forms_corpus, cmd.ApplyToAllCommand, "corpus", "lemmas"),
            (a.remove_words, cmd.RemoveEverywhereCommand, "document", "words"),
            (a.remove_forms_corpus, cmd.RemoveEverywhereCommand, "corpus", "lemmas"),
        ):
            action.triggered.connect(partial(self._bulk, make, scope, match))
        a.done_next.triggered.connect(partial(self.finish, "done"))
        a.skip_next.triggered.connect(partial(self.finish, "skipped"))
        a.cancel.triggered.connect(self._cancel)
        a.keymap.triggered.connect(self.show_keymap)
        a.keymap_in_view.triggered.connect(self.show_keymap)

    def _select_result(self, changes: ChangeSet | None, kind: str) -> None:
        """Make the span an edit added (or changed) current."""
        if changes is None:
            return
        made = [c.after for c in changes if c.after is not None and c.is_quote == (kind == "quote")]
        if made:
            self.set_current((kind, made[0].id), span=made[0])

    def _label(self, label: str, exact: bool, *_: object) -> None:
        doc_id, sel, span = self.doc_id, self.view.selection_span(), self.current_span()
        if doc_id is None:
            return
        if (
            self.current
            and self.current[0] == "entity"
            and (sel is None or sel == (span.start, span.end))
        ):
            self._select_result(
                self.push(cmd.RelabelCommand(self.service, span.id, label)), "entity"
            )
        elif sel is not None:
            command = cmd.AddEntityCommand(self.service, doc_id, sel[0], sel[1], label, exact)
            self._select_result(self.push(command), "entity")
        else:
            self.message.emit("Select some words first, then press the label's key")

    def _quote(self, exact: bool, *_: object) -> None:
        sel = self.view.selection_span()
        if self.doc_id is None or sel is None:
            self.message.emit("Select the quoted words first, then press Q")
            return
        changes = self.push(cmd.AddQuoteCommand(self.service, self.doc_id, sel[0], sel[1], exact))
        self._select_result(changes, "quote")

    def _delete(self, *_: object) -> None:
        if self.current is None:
            return
        kind, span_id = self.current
        command = (
            cmd.DeleteQuoteCommand(self.service, span_id)
            if kind == "quote"
            else cmd.DeleteEntityCommand(self.service, span_id)
        )
        self.push(command)
        self.set_current(None, select=False)

    def _move(self, edge: str, steps: int, *_: object) -> None:
        if self.current is None:
            return
        kind, span_id = self.current
        self.push(cmd.MoveEdgeCommand(self.service, kind, span_id, edge, steps))
        self.set_current((kind, span_id))

    def _confirm(self, *_: object) -> None:
        if self.current is None:
            return
        self.push(cmd.ConfirmCommand(self.service, *self.current))
        self.walk(False)  # on to the next decision

    def _confirm_all(self, *_: object) -> None:
        if self.doc_id is not None:
            self.push(cmd.ConfirmAllCommand(self.service, self.doc_id))

    def walk(self, backwards: bool, *_: object) -> None:
        """Make the next (previous) unconfirmed suggestion current, wrapping round."""
        if self.doc_id is None:
            return
        span = self.current_span()
        pos = self.view.layers.offsets.to_py(self.view.textCursor().position())
        found = self.service.next_suggestion(self.doc_id, pos, backwards, span)
        if found is None:
            self.message.emit("No suggestions left to confirm")
            return
        kind = "quote" if isinstance(found, Quote) else "entity"
        self.set_current((kind, found.id), center=True, span=found)

    def _speaker(self, *_: object) -> None:
        if self.current is None or self.current[0] != "quote":
            return
        self.speaker_for = self.current[1]
        self.message.emit(
            "Click (or select) the speaker's words; Esc cancels; " + self._candidates_text()
        )

    def _set_speaker(
        self, entity_id: int | None = None, mention: tuple[int, int] | None = None
    ) -> None:
        quote_id, self.speaker_for = self.speaker_for, None
        if quote_id is None:
            return
        self.push(cmd.SetSpeakerCommand(self.service, quote_id, entity_id, mention))
        self.set_current(("quote", quote_id))

    def _pick(self, n: int, *_: object) -> None:
        quote_id = self.speaker_for or (self.current[1] if self.current else None)
        if quote_id is None:
            return
        candidates = self.service.speaker_candidates(quote_id)
        if n >= len(candidates):
            self.message.emit(f"There is no candidate {n + 1}")
            return
        self.speaker_for = quote_id
        self._set_speaker(entity_id=candidates[n].id)

    def _candidates_text(self) -> str:
        if self.current is None or self.current[0] != "quote":
            return ""
        found = self.service.speaker_candidates(self.current[1])
        return "  ".join(f"{n}: {e.normal or e.text}" for n, e in enumerate(found, 1))

    def _announce_candidates(self) -> None:
        text = self._candidates_text()
        if text:
            self.message.emit(f"Speaker candidates  {text}")

    def _unlink(self, *_: object) -> None:
        if self.current and self.current[0] == "quote":
            self.push(cmd.UnlinkSpeakerCommand(self.service, self.current[1]))

    def _bulk(self, make: type, scope: str, match: str, *_: object) -> None:
        if self.current and self.current[0] == "entity":
            self.push(make(self.service, self.current[1], scope, match))

    def finish(self, status: str, *_: object) -> None:
        """Mark the document done (or skipped) and open the next one not done."""
        doc_id = self.doc_id
        if doc_id is None:
            return
        self.push(cmd.SetStatusCommand(self.service, doc_id, status))
        following = self.service.next_document(doc_id)
        if following is None:
            self.message.emit("Every document is done or skipped")
        else:
            self.open_requested.emit(following)

    def _cancel(self, *_: object) -> None:
        if self.speaker_for is not None:
            self.speaker_for = None
            self.message.emit("Speaker not changed")
        else:
            self.set_current(None, select=False)
            cursor = self.view.textCursor()
            cursor.clearSelection()
            self.view.setTextCursor(cursor)

    def show_keymap(self, *_: object) -> None:
        """Open the keyboard map (F1 or ?)."""
        KeymapDialog(self.actions, self.view.window()).open()
