"""Ctrl+F: find words in the article, every hit highlighted, F3 / Shift+F3 to step.

The bar sits under the article. Matching ignores case and treats ё as е (Russian text
writes both), so "Путин" finds "путина" and "еще" finds "ещё"; offsets stay code points.
Hits are marks on the view (their own layer, beside the quote-speaker links), capped so
a one-letter query on a 1 MB article stays quick. Enter and F3 go to the next hit after
the caret, Shift+Enter and Shift+F3 to the previous one, wrapping round; Esc closes.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from gui.subscribe import subscribe

if TYPE_CHECKING:
    from gui.article.document_view import DocumentView
    from models import Document, OpenDocument

MAX_MARKED = 5000
HIT_COLOR = "#F0E442"  # Okabe-Ito yellow: no label uses it


def fold(text: str) -> str:
    """Lower case with ё as е, one code point for one (offsets stay valid)."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer (İ): keep it as is
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.replace("ё", "е")


def find_all(haystack: str, needle: str) -> list[int]:
    """Start offsets of every (non-overlapping) occurrence of ``needle``."""
    hits, at = [], haystack.find(needle)
    while needle and at >= 0:
        hits.append(at)
        at = haystack.find(needle, at + len(needle))
    return hits


class FindBar(QWidget):
    """A search field, the hit count, previous / next, close."""

    def __init__(self, view: DocumentView, document: OpenDocument) -> None:
        super().__init__()
        self.setObjectName("find_bar")
        self.view, self.document = view, document
        self.hits: list[int] = []
        self._folded: tuple[str | None, str] = (None, "")
        self.edit = QLineEdit(placeholderText="Find in the article…", clearButtonEnabled=True)
        self.edit.setToolTip("Any case; ё and е alike. Enter: next, Shift+Enter: previous")
        self.count = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        for text, tip, slot in (
            ("▲", "Previous hit (Shift+F3)", lambda: self.step(True)),
            ("▼", "Next hit (F3)", lambda: self.step(False)),
            ("✕", "Close (Esc)", self.close_bar),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            layout.addWidget(button)
        self.edit.textChanged.connect(self.search)
        self.edit.returnPressed.connect(lambda: self.step(False))
        for keys, slot in (
            ("Shift+Return", lambda: self.step(True)),
            ("Shift+Enter", lambda: self.step(True)),
            ("Escape", self.close_bar),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.edit, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.hit_format = QTextCharFormat()
        self.hit_format.setBackground(QColor(HIT_COLOR))
        subscribe(document.opened, self._on_document_opened, self)
        self.hide()

    def open_bar(self) -> None:
        """Show the bar with the keyboard in it (the selected words as the query)."""
        sel = self.view.selection_span()
        doc = self.document.document
        if sel is not None and doc is not None and sel[1] - sel[0] <= 60:
            self.edit.setText(doc.text[sel[0] : sel[1]])
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        self.search()

    def close_bar(self) -> None:
        """Hide the bar and its marks; the keyboard goes back to the article."""
        self.hide()
        self.view.mark_ranges([], layer="find")
        self.view.setFocus()

    def search(self) -> None:
        """Find every hit of the query and mark them."""
        doc, query = self.document.document, fold(self.edit.text())
        if doc is None or not query:
            self.hits = []
        else:
            if self._folded[0] != doc.id:
                self._folded = (doc.id, fold(doc.text))
            self.hits = find_all(self._folded[1], query)
        n = len(query)
        marks = [(h, h + n, self.hit_format) for h in self.hits[:MAX_MARKED]]
        self.view.mark_ranges(marks, layer="find")
        self._count_text()

    def step(self, backwards: bool = False) -> None:
        """Select the next hit after the caret (the previous one before it), wrapping."""
        if self.isHidden():
            self.open_bar()
            return
        if not self.hits:
            return
        sel = self.view.selection_span()
        caret = self.view.layers.offsets.to_py(self.view.textCursor().position())
        here = sel[0] if sel is not None else caret
        if backwards:
            i = bisect.bisect_left(self.hits, here) - 1
        else:
            i = bisect.bisect_right(self.hits, here if sel is not None else caret - 1)
        start = self.hits[i % len(self.hits)]
        self.view.select_span(start, start + len(self.edit.text()))
        self._count_text(i % len(self.hits))

    def _count_text(self, current: int | None = None) -> None:
        if not self.edit.text():
            self.count.setText("")
        elif not self.hits:
            self.count.setText("no hits")
        elif current is None:
            self.count.setText(f"{len(self.hits)} hits")
        else:
            self.count.setText(f"{current + 1} of {len(self.hits)}")

    def _on_document_opened(self, _doc: Document | None) -> None:
        if self.isVisible():
            self.search()
