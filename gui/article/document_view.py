"""The article as read-only plain text with its spans highlighted.

The text goes in with ``setPlainText``, so markup in an article is shown literally.
Spans are drawn by :class:`~gui.article.highlighter.SpanHighlighter` block by block, and only for
the blocks that come on screen (scrolling and resizing format them before they are
painted); quotes also get a tinted block with a bar in the margin, painted here for the
visible blocks only, as are the lines under entities (their review state) and the frame
around the selection (:mod:`gui.article.marks`). The news header line is dimmed like a
caption (``noise_of``); the text itself is shown whole.
Every offset in this widget's API is a Python code point, as in ``models/``; the
conversion to Qt's UTF-16 positions happens inside, through :mod:`gui.article.offsets`.

The view draws what it is given and owns no document: ``follow`` shows an
:class:`~models.OpenDocument` and applies each of its edits in place (``change_spans``
re-formats only the blocks whose spans changed). Editing builds on ``select_span``,
``selection_span``, ``span_at`` and the ``span_clicked`` signal; the widget never
writes anything itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from gui.article.highlighter import BLOCK_TINT, SpanFormats, SpanHighlighter, SpanLayers, tint
from gui.article.marks import (
    clear_highlight,
    paint_selected_tints,
    paint_selection_frame,
    paint_state_lines,
    visible_blocks,
)
from gui.subscribe import subscribe
from models import LabelSet, Quote, load_labels
from models.service import noise_of

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QHelpEvent, QMouseEvent, QPaintEvent, QResizeEvent, QTextBlock

    from models import Change, Document, Entity, OpenDocument

QUOTE_BAR_WIDTH = 4


class DocumentView(QPlainTextEdit):
    """Shows one :class:`~models.spans.Document`; offsets in code points throughout."""

    span_clicked = Signal(str, int)
    """``(kind, id)`` of the innermost span under a click: ``entity`` or ``quote``."""

    def __init__(self, labels: LabelSet | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document_view")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setPlaceholderText("No document open")
        clear_highlight(self)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 11.0))
        self.setFont(font)
        self.document().setDocumentMargin(14)
        self.labels = labels or load_labels()
        self._highlighter = SpanHighlighter(self.document(), SpanFormats(self.labels))
        self._quote_bg = tint(self.labels.quote.color, BLOCK_TINT)
        self._quote_bar = QColor(self.labels.quote.color)
        self._shown = False
        self._shown_id: str | None = None
        self._marks: dict[str, list[QTextEdit.ExtraSelection]] = {}
        # Scrolling formats what comes into view before it is painted.
        self.verticalScrollBar().valueChanged.connect(self.format_visible)
        # The selection frame reaches past the characters Qt repaints for a selection.
        self.selectionChanged.connect(self.viewport().update)

    # -- showing ---------------------------------------------------------------------

    @property
    def layers(self) -> SpanLayers:
        """The span indexes and the offset map of the shown text."""
        return self._highlighter.layers

    def follow(self, document: OpenDocument) -> None:
        """Show the open document, and each edit to it in place, from now on."""
        subscribe(document.opened, self.set_document, self)
        subscribe(document.edited, self.apply_changes, self)
        self.set_document(document.document)

    def set_document(self, doc: Document | None) -> None:
        """Show ``doc`` (or nothing) from its first line, replacing what was shown.

        The same document read again (another window changed it) keeps its place.
        """
        again = doc is not None and doc.id == self._shown_id
        place = self.verticalScrollBar().value()
        self._shown, self._shown_id = doc is not None, doc.id if doc is not None else None
        layers = (
            SpanLayers()
            if doc is None
            else SpanLayers.build(doc.text, doc.entities, doc.quotes, noise_of(doc))
        )
        self._highlighter.layers = layers
        self._marks.clear()  # marks belong to the text they were made on
        self.setExtraSelections([])
        self._highlighter.forget(0)  # Qt offers every block now; all are deferred
        self.setPlainText("" if doc is None else doc.text)
        self._highlighter.forget(self.document().blockCount())
        self.moveCursor(QTextCursor.MoveOperation.Start)
        if again:
            self.verticalScrollBar().setValue(place)
        self.format_visible()

    def apply_changes(self, changes: Sequence[Change]) -> None:
        """Show one committed edit: each change's span before it out, after it in."""
        self.change_spans(
            [c.before for c in changes if c.before is not None],
            [c.after for c in changes if c.after is not None],
        )

    def change_spans(
        self, removed: Sequence[Entity | Quote], added: Sequence[Entity | Quote]
    ) -> None:
        """Swap a few spans (one edit: ``removed`` as shown, ``added`` as now).

        The other spans are not touched, so an edit costs the same on a 10,000-span
        article as on a short one, and only the blocks of these spans are re-formatted.
        """
        if not self._shown or not (removed or added):
            return
        self._highlighter.layers = self.layers.replaced(removed, added)
        ranges = [(s.start, s.end) for s in (*removed, *added)]
        ranges += [
            (q.speaker.start, q.speaker.end)
            for q in (*removed, *added)
            if isinstance(q, Quote) and q.speaker is not None
        ]
        self.rehighlight_ranges(ranges)

    def rehighlight_ranges(self, ranges: Iterable[tuple[int, int]]) -> None:
        """Re-format the blocks that hold any of the code-point ranges."""
        offsets, doc = self.layers.offsets, self.document()
        done: set[int] = set()
        for start, end in ranges:
            block = doc.findBlock(offsets.to_qt(start))
            last = offsets.to_qt(end)
            while block.isValid():
                if block.blockNumber() not in done:
                    done.add(block.blockNumber())
                    # A block never shown yet reads the new layers when it scrolls in.
                    if self._highlighter.is_formatted(block):
                        self._highlighter.format_block(block)
                if block.position() + block.length() > last:
                    break
                block = block.next()
        self.viewport().update()

    def ensure_formatted(self, start: int, end: int) -> None:
        """Format the blocks of a code-point range now, on screen or not."""
        offsets, doc = self.layers.offsets, self.document()
        block = doc.findBlock(offsets.to_qt(start))
        last = offsets.to_qt(end)
        while block.isValid():
            if not self._highlighter.is_formatted(block):
                self._highlighter.format_block(block)
            if block.position() + block.length() > last:
                break
            block = block.next()

    def format_visible(self) -> None:
        """Format the blocks on screen (and one screen further) that are not yet."""
        for _ in range(3):  # formats can change line wrapping, hence what is visible
            todo = [
                b
                for b in self._visible_blocks(2 * self.viewport().height())
                if not self._highlighter.is_formatted(b)
            ]
            if not todo:
                return
            for block in todo:
                self._highlighter.format_block(block)

    def _visible_blocks(self, height: int) -> Iterator[QTextBlock]:
        block, offset = self.firstVisibleBlock(), self.contentOffset()
        while block.isValid():
            if self.blockBoundingGeometry(block).translated(offset).top() > height:
                return
            yield block
            block = block.next()

    # -- selection -------------------------------------------------------------------

    def mark_ranges(
        self, marks: list[tuple[int, int, QTextCharFormat]], layer: str = "marks"
    ) -> None:
        """Overlay formats on ranges (code points) without touching the label formats.

        Each ``layer`` (linked spans, find hits) replaces only its own marks.
        """
        offsets, selections = self.layers.offsets, []
        for start, end, fmt in marks:
            sel = QTextEdit.ExtraSelection()
            sel.format = fmt
            sel.cursor = QTextCursor(self.document())
            sel.cursor.setPosition(offsets.to_qt(start))
            sel.cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            selections.append(sel)
        self._marks[layer] = selections
        self.setExtraSelections([s for layer_marks in self._marks.values() for s in layer_marks])

    def select_span(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points) and scroll it into the middle of view."""
        offsets = self.layers.offsets
        cursor = QTextCursor(self.document())
        cursor.setPosition(offsets.to_qt(start))
        cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def selection_span(self) -> tuple[int, int] | None:
        """The selected range in code points, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        offsets = self.layers.offsets
        return offsets.to_py(cursor.selectionStart()), offsets.to_py(cursor.selectionEnd())

    def offset_at(self, point: QPoint) -> int:
        """The code-point offset of the character at a viewport point."""
        return self.layers.offsets.to_py(self.cursorForPosition(point).position())

    def span_at(self, offset: int) -> tuple[str, int] | None:
        """``(kind, id)`` of the innermost entity, else quote, at ``offset``."""
        for kind, index in (("entity", self.layers.entities), ("quote", self.layers.quotes)):
            hits = [h.item for h in index.at(offset) if h.item.id is not None]
            if hits:
                return kind, int(hits[-1].id)  # type: ignore[arg-type]
        return None

    # -- events ----------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A plain click (no drag selection) on a span reports it."""
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        hit = self.span_at(self.offset_at(event.position().toPoint()))
        if hit is not None:
            self.span_clicked.emit(*hit)

    def event(self, event: QEvent) -> bool:
        """Tooltips name the span under the mouse: label and normal form."""
        if event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event)  # type: ignore[arg-type]
            return True
        return super().event(event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        point = self.viewport().mapFromGlobal(event.globalPos())
        offset = self.offset_at(point)
        lines = [
            f"{e.item.label}: {e.item.normal or e.item.text}"
            for e in self.layers.entities.at(offset)
        ]
        for q in self.layers.quotes.at(offset):
            who = q.item.speaker.normal or q.item.speaker.text if q.item.speaker else "—"
            lines.append(f"QUOTE, speaker: {who}")
        if lines:
            QToolTip.showText(event.globalPos(), "\n".join(lines), self)
        else:
            QToolTip.hideText()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Rewrapping can bring unformatted blocks on screen."""
        super().resizeEvent(event)
        self.format_visible()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Under the text: the quote blocks' tint and bar, the selected tints; over it:
        the review-state lines and the selection frame (:mod:`gui.article.marks`)."""
        if self._shown and not self._highlighter.is_formatted(self.firstVisibleBlock()):
            QTimer.singleShot(0, self.format_visible)  # a layout change we did not see
        blocks = visible_blocks(self, event.rect())
        under = QPainter(self.viewport())
        quotes, offsets, width = self.layers.quotes, self.layers.offsets, self.viewport().width()
        for block, rect, _origin in blocks if len(quotes) else ():
            lo = offsets.to_py(block.position())
            if block.length() > 1 and quotes.overlapping(lo, lo + len(block.text())):
                under.fillRect(QRectF(0, rect.top(), width, rect.height()), self._quote_bg)
                under.fillRect(
                    QRectF(0, rect.top(), QUOTE_BAR_WIDTH, rect.height()), self._quote_bar
                )
        paint_selected_tints(self, under, blocks)
        under.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        paint_state_lines(painter, blocks)
        paint_selection_frame(self, painter, blocks)
        painter.end()
