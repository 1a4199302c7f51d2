"""The status line: what the last gesture did, then what is selected now. Never stale.

Its text has two parts. The first confirms (or refuses, with the reason) what the last
key or click did: "Delete ORG «26»", "Undo: Delete ORG «26»", "2: no second speaker
candidate". It lives until the next key press or click in the window, so it always
speaks of the latest gesture. The second part describes the current state, recomputed
whenever it changes: the pending mode (picking a speaker, with its candidates), else
the selected span (label, words, suggested or confirmed, model or person, who and when
from the event log, a quote's speaker and candidates), else the selected words, else
how many suggestions are left. One edit changes the state several times (the
selection, the span, the panels); the text is worked out once, at the next turn of the
event loop.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from gui.subscribe import subscribe
from models import Quote
from models.service import shorten

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

    from gui.editing.controller import EditController
    from models import Entity
    from models.service import SpanEdit

# A state as said without the log, and its verb when the log names who and when.
STATE_TEXT = {
    "suggested": ("suggested by the model", ""),
    "confirmed": ("the model's, confirmed", "the model's, confirmed"),
    "imported": ("imported gold", "imported gold, confirmed"),
    "changed": ("changed by a person", "changed"),
    "added": ("added by a person", "added"),
}


def when(at: datetime) -> str:
    """A logged time in local time: "14:02" today, else "2025-11-26 14:02"."""
    local = at.astimezone()
    today = datetime.now(timezone.utc).astimezone().date()
    return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")


class StatusLine(QLabel):
    """The words at the bottom of the window; the main window routes its messages here."""

    def __init__(self, controller: EditController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_line")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.controller = controller
        self.event_text = ""  # what the last gesture did
        self.state_text = ""  # what is selected (or pending) now
        self._edits: dict[tuple[str, int], SpanEdit | None] = {}  # read from the log once
        self._stale = False
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._render)
        controller.message.connect(self.show_event)
        controller.refused.connect(self.show_event)
        controller.current_changed.connect(self.refresh)
        controller.view.selectionChanged.connect(self.refresh)
        subscribe(controller.document.opened, self._on_document_changed, self)
        subscribe(controller.document.edited, self._on_document_changed, self)

    def full_text(self) -> str:
        """Both parts as one line, as now (the label may show it elided)."""
        self._render()
        return " — ".join(t for t in (self.event_text, self.state_text) if t)

    def show_event(self, text: str) -> None:
        """Confirm what the gesture did (until the next key press or click)."""
        self.event_text = text
        self.refresh()

    def end_gesture(self) -> None:
        """A new key press or click: the last gesture's words are stale now."""
        if self.event_text:
            self.event_text = ""
            self.refresh()

    def refresh(self) -> None:
        """Describe the current state again (shown at the next turn of the event loop)."""
        self._stale = True
        if not self._timer.isActive():
            self._timer.start()

    def _render(self) -> None:
        if not self._stale or not self.window().isVisible():
            return  # a closed window's store may be closed too
        self._stale = False
        self.state_text = self.describe()
        text = " — ".join(t for t in (self.event_text, self.state_text) if t)
        self.setToolTip(text)
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(self.width(), 50)))

    def describe(self) -> str:
        """The pending mode, else the current span, else the selection, else what is left."""
        c = self.controller
        doc = c.document.document
        if doc is None:
            return "No document open: File > Import… (Ctrl+O)"
        if c.speaker_for is not None:
            quote = c.document.find(c.speaker_for, quote=True)
            words = f" «{shorten(quote.text, 30)}»" if quote is not None else ""
            picks = c.candidates_text()
            return f"Picking the speaker of{words}: click or select the words" + (
                f", or press {picks}" if picks else ""
            )
        span = c.current_span()
        if span is not None:
            return self.describe_span(span)
        sel = c.view.selection_span()
        if sel is not None:
            words = shorten(doc.text[sel[0] : sel[1]], 40)
            return f"«{words}» selected: P / L / O label it, Q makes it a quote"
        left = sum(s.state == "suggested" for s in (*doc.entities, *doc.quotes))
        if left:
            return f"{left} suggestion{'s' if left != 1 else ''} left: Tab goes to the next"
        return "Every suggestion has a decision: Ctrl+Enter marks the document done"

    def describe_span(self, span: Entity | Quote) -> str:
        """Label and words, review state, who and when, a quote's speaker."""
        c = self.controller
        is_quote = isinstance(span, Quote)
        name = "QUOTE" if is_quote else span.label  # type: ignore[union-attr]
        parts = [f"{name} «{shorten(span.text, 40)}»"]
        normal = "" if is_quote else span.normal  # type: ignore[union-attr]
        if normal and normal != span.text:
            parts[0] += f" ({normal})"
        said, verb = STATE_TEXT.get(span.state, (span.state, ""))
        if verb and c.doc_id is not None and span.id is not None:
            key = ("quote" if is_quote else "entity", span.id)
            if key not in self._edits:
                self._edits[key] = c.service.last_edit(c.doc_id, *key)
            edit = self._edits[key]
            if edit is not None:
                said = f"{verb} by {edit.annotator or 'an unnamed annotator'}, {when(edit.at)}"
        parts.append(said)
        if isinstance(span, Quote):
            who = span.speaker.normal or span.speaker.text if span.speaker else None
            parts.append(f"speaker: {who}" if who else "no speaker")
            picks = c.candidates_text()
            if picks:
                parts.append(picks)
        elif span.state == "suggested":
            parts.append("Enter confirms")
        return " · ".join(parts)

    def _on_document_changed(self, *_: object) -> None:
        self._edits.clear()
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Elide again for the new width."""
        super().resizeEvent(event)
        self.refresh()
