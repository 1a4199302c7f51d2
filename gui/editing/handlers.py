"""What each annotation action does, for one editor (the editing controller).

Handlers read the current span and the selection, push one command, and then select
what the edit produced, so the next key acts on it (add PER, then Shift+Right to grow
it, then Enter). They see the controller only as an :class:`~gui.editing.editor.Editor`.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from gui.dialogs.done_prompt import CANCEL, CONFIRM, KEEP, ask_before_done
from gui.dialogs.keymap_dialog import KeymapDialog
from gui.editing import commands as cmd
from models import Quote

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QAction

    from gui.editing.editor import Current, Editor
    from models import AnnotationService, ChangeSet

    BulkCommand = Callable[[AnnotationService, int, str, str], cmd.ServiceCommand]


ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")


def key_name(action: QAction) -> str:
    """The key that runs ``action``, as the keyboard map names it."""
    keys = action.shortcuts()
    return keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else action.text()


class ActionHandlers:
    """The slots of the annotation actions, connected when made.

    A key that cannot apply says why in the status bar ("2: no second speaker
    candidate") instead of doing nothing.
    """

    def __init__(self, editor: Editor) -> None:
        self.editor = editor
        self.view, self.service, self.actions = editor.view, editor.service, editor.actions
        self._connect_actions()

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
            action.triggered.connect(partial(self._move, action, edge, steps))
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
            action.triggered.connect(partial(self._bulk, action, make, scope, match))
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
        if made and made[0].id is not None:
            self.editor.set_current((kind, made[0].id), span=made[0])

    def _label(self, label: str, exact: bool, *_: object) -> None:
        e = self.editor
        doc_id, sel, span = e.doc_id, self.view.selection_span(), e.current_span()
        if doc_id is None:
            return
        if (
            e.current
            and e.current[0] == "entity"
            and span is not None
            and (sel is None or sel == (span.start, span.end))
        ):
            command: cmd.ServiceCommand = cmd.RelabelCommand(self.service, e.current[1], label)
        elif sel is not None:
            command = cmd.AddEntityCommand(self.service, doc_id, sel[0], sel[1], label, exact)
        else:
            e.message.emit("Select some words first, then press the label's key")
            return
        self._select_result(e.push(command), "entity")

    def _quote(self, exact: bool, *_: object) -> None:
        e, sel = self.editor, self.view.selection_span()
        if e.doc_id is None or sel is None:
            e.message.emit("Select the quoted words first, then press Q")
            return
        changes = e.push(cmd.AddQuoteCommand(self.service, e.doc_id, sel[0], sel[1], exact))
        self._select_result(changes, "quote")

    def _needs(self, action: QAction, kind: str | None = None) -> Current | None:
        """The current span when it is of ``kind`` (any kind: None); else say why not."""
        e = self.editor
        if e.doc_id is None:
            e.message.emit(f"{key_name(action)}: no document is open")
            return None
        if e.current is not None and kind in (None, e.current[0]):
            return e.current
        what = {"quote": "a quote", "entity": "an entity"}.get(kind or "", "a span")
        e.message.emit(f"{key_name(action)}: select {what} first (click it, or Tab)")
        return None

    def _delete(self, *_: object) -> None:
        e = self.editor
        current = self._needs(self.actions.delete)
        if current is None:
            return
        kind, span_id = current
        command = (
            cmd.DeleteQuoteCommand(self.service, span_id)
            if kind == "quote"
            else cmd.DeleteEntityCommand(self.service, span_id)
        )
        e.push(command)
        e.set_current(None, select=False)

    def _move(self, action: QAction, edge: str, steps: int, *_: object) -> None:
        e = self.editor
        current = self._needs(action)
        if current is None:
            return
        kind, span_id = current
        e.push(cmd.MoveEdgeCommand(self.service, kind, span_id, edge, steps))
        e.set_current((kind, span_id))

    def _confirm(self, *_: object) -> None:
        e = self.editor
        current = self._needs(self.actions.confirm)
        if current is None:
            return
        e.push(cmd.ConfirmCommand(self.service, *current))
        self.walk(False)  # on to the next decision

    def _confirm_all(self, *_: object) -> None:
        e = self.editor
        if e.doc_id is None:
            e.message.emit(f"{key_name(self.actions.confirm_all)}: no document is open")
            return
        e.push(cmd.ConfirmAllCommand(self.service, e.doc_id))

    def walk(self, backwards: bool, *_: object) -> None:
        """Make the next (previous) unconfirmed suggestion current, wrapping round."""
        e = self.editor
        if e.doc_id is None:
            return
        pos = self.view.layers.offsets.to_py(self.view.textCursor().position())
        found = self.service.next_suggestion(e.doc_id, pos, backwards, e.current_span())
        if found is None or found.id is None:
            e.message.emit("No suggestions left to confirm")
            return
        kind = "quote" if isinstance(found, Quote) else "entity"
        e.set_current((kind, found.id), center=True, span=found)

    def _speaker(self, *_: object) -> None:
        e = self.editor
        current = self._needs(self.actions.speaker, "quote")
        if current is None:
            return
        e.speaker_for = current[1]
        e.message.emit("Click (or select) the speaker's words, or press 1-9; Esc cancels")

    def set_speaker(
        self, entity_id: int | None = None, mention: tuple[int, int] | None = None
    ) -> None:
        """Give the quote waiting for its speaker (after S) an entity or a mention."""
        e = self.editor
        quote_id, e.speaker_for = e.speaker_for, None
        if quote_id is None:
            return
        e.push(cmd.SetSpeakerCommand(self.service, quote_id, entity_id, mention))
        e.set_current(("quote", quote_id))

    def _pick(self, n: int, *_: object) -> None:
        e = self.editor
        quote_id = e.speaker_for
        if quote_id is None:
            current = self._needs(self.actions.pick[n], "quote")
            if current is None:
                return
            quote_id = current[1]
        candidates = self.service.speaker_candidates(quote_id)
        if n >= len(candidates):
            which = f"no {ORDINALS[n]} speaker candidate" if candidates else "no speaker candidates"
            e.message.emit(f"{n + 1}: {which} (S, then click the speaker's words)")
            return
        e.speaker_for = quote_id
        self.set_speaker(entity_id=candidates[n].id)

    def _unlink(self, *_: object) -> None:
        e = self.editor
        current = self._needs(self.actions.unlink, "quote")
        if current is None:
            return
        span = e.current_span()
        if isinstance(span, Quote) and span.speaker is None:
            e.message.emit(f"{key_name(self.actions.unlink)}: this quote has no speaker")
            return
        e.push(cmd.UnlinkSpeakerCommand(self.service, current[1]))

    def _bulk(self, action: QAction, make: BulkCommand, scope: str, match: str, *_: object) -> None:
        current = self._needs(action, "entity")
        if current is not None:
            self.editor.push(make(self.service, current[1], scope, match))

    def finish(self, status: str, *_: object) -> None:
        """Mark the document done (or skipped) and open the next one not done."""
        e = self.editor
        doc_id = e.doc_id
        if doc_id is None:
            e.message.emit("No document is open")
            return
        if not self._mark(doc_id, status):
            return
        following = self.service.next_document(doc_id)
        marked = f"Marked {status}"
        if following is None:
            e.message.emit(f"{marked}; every document is done or skipped")
        else:
            e.message.emit(f"{marked}; opened the next document not done")
            e.open_requested.emit(following)

    def _mark(self, doc_id: str, status: str) -> bool:
        """Set the status; before "done", ask when suggestions nobody looked at are left."""
        e, doc = self.editor, self.editor.document.document
        left = sum(s.state == "suggested" for s in (*doc.entities, *doc.quotes)) if doc else 0
        choice = ask_before_done(self.view.window(), left) if left and status == "done" else KEEP
        if choice == CANCEL:
            e.message.emit("Not marked done")
            return False
        if choice == CONFIRM:
            e.stack.beginMacro(f"Confirm all ({left}) and mark done")
            e.push(cmd.ConfirmAllCommand(self.service, doc_id))
        command = cmd.SetStatusCommand(self.service, doc_id, status)
        e.push(command)
        if choice == CONFIRM:
            e.stack.endMacro()
        return command.error is None

    def _cancel(self, *_: object) -> None:
        e = self.editor
        if e.speaker_for is not None:
            e.speaker_for = None
            e.message.emit("Speaker not changed")
        else:
            e.set_current(None, select=False)
            cursor = self.view.textCursor()
            cursor.clearSelection()
            self.view.setTextCursor(cursor)

    def show_keymap(self, *_: object) -> None:
        """Open the keyboard map (F1 or ?)."""
        KeymapDialog(self.actions, self.view.window()).open()
