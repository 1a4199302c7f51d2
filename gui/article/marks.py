"""The marks the article view paints over its text: review-state lines and the selection frame.

Qt's own underline is one pixel thin, and its dashed line is hard to tell from a solid
one; the lines under entities are drawn here instead, two pixels thick, in the label's
colour: dashed (a suggestion), solid (confirmed) or double (a person's edit), as the
highlighter's formats say (``MARK_PROPERTY``). The selection is a dark frame around the
selected words instead of Qt's solid highlight, so a selected span keeps its colour and
its line. Only the blocks on screen are looked at.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPalette, QPen

from gui.article.span_styles import COLOR_PROPERTY, MARK_PROPERTY

if TYPE_CHECKING:
    from collections.abc import Iterator

    from PySide6.QtGui import QPainter, QTextBlock, QTextLine
    from PySide6.QtWidgets import QPlainTextEdit

FRAME_COLOR = "#1a1a1a"
LINE_WIDTH = 2.0


def clear_highlight(view: QPlainTextEdit) -> None:
    """No solid selection colour: the text keeps its colours, the frame shows the extent."""
    palette = view.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(0, 0, 0, 0))
        palette.setColor(
            group, QPalette.ColorRole.HighlightedText, palette.color(QPalette.ColorRole.Text)
        )
    view.setPalette(palette)


def _pieces(block: QTextBlock, start: int, end: int) -> Iterator[tuple[QTextLine, float, float]]:
    """``(line, x from, x to)`` of the block-relative range ``[start, end)``, line by line."""
    layout = block.layout()
    for n in range(layout.lineCount()):
        line = layout.lineAt(n)
        lo, hi = max(start, line.textStart()), min(end, line.textStart() + line.textLength())
        if lo < hi:  # PySide6 returns (x, position)
            yield line, line.cursorToX(lo)[0], line.cursorToX(hi)[0]  # type: ignore[index]


def _visible_blocks(view: QPlainTextEdit, bottom: float) -> Iterator[tuple[QTextBlock, QPointF]]:
    offset = view.contentOffset()
    block = view.firstVisibleBlock()
    while block.isValid():
        top_left = view.blockBoundingGeometry(block).translated(offset).topLeft()
        if top_left.y() > bottom:
            return
        yield block, top_left + block.layout().position()
        block = block.next()


def _line_pen(color: QColor, mark: str) -> QPen:
    pen = QPen(color, LINE_WIDTH if mark != "double" else 1.0)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if mark == "dashed":
        pen.setDashPattern([2.5, 1.5])  # in line widths: 5 px dashes, 3 px gaps
    return pen


def paint_state_lines(view: QPlainTextEdit, painter: QPainter, bottom: float) -> None:
    """The line under each entity on screen, in the style of its review state."""
    for block, origin in _visible_blocks(view, bottom):
        for fr in block.layout().formats():
            mark = fr.format.property(MARK_PROPERTY)
            if not mark:
                continue
            color = QColor(str(fr.format.property(COLOR_PROPERTY) or "#777777")).darker(115)
            painter.setPen(_line_pen(color, str(mark)))
            for line, x1, x2 in _pieces(block, fr.start, fr.start + fr.length):
                # Whole pixel rows under the baseline: crisp, not smeared over three.
                base = math.floor(origin.y() + line.y() + line.ascent())
                x1, x2 = origin.x() + x1, origin.x() + x2
                rows = (base + 1.5, base + 3.5) if mark == "double" else (base + 2.0,)
                for y in rows:
                    painter.drawLine(QLineF(x1, y, x2, y))


def _selected_blocks(
    view: QPlainTextEdit, bottom: float
) -> Iterator[tuple[QTextBlock, QPointF, int, int]]:
    """The visible blocks the selection touches, with its block-relative range."""
    cursor = view.textCursor()
    if not cursor.hasSelection():
        return
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    for block, origin in _visible_blocks(view, bottom):
        pos = block.position()
        if pos + block.length() > start and pos < end:
            yield block, origin, start - pos, end - pos


def paint_selected_tints(view: QPlainTextEdit, painter: QPainter, bottom: float) -> None:
    """The label tints under the selected words, painted before the text.

    Qt paints a selection with the highlight colour in place of the words' own
    background; with the highlight made transparent it paints nothing there, so these
    tints (painted first) show through and a selected span keeps its colour.
    """
    for block, origin, start, end in _selected_blocks(view, bottom):
        for fr in block.layout().formats():
            brush = fr.format.background()
            if brush.style() == Qt.BrushStyle.NoBrush:
                continue
            lo, hi = max(start, fr.start), min(end, fr.start + fr.length)
            for line, x1, x2 in _pieces(block, lo, hi) if lo < hi else ():
                top = origin.y() + line.y()
                painter.fillRect(QRectF(origin.x() + x1, top, x2 - x1, line.height()), brush)


def paint_selection_frame(view: QPlainTextEdit, painter: QPainter, bottom: float) -> None:
    """A frame around the selected words (one per line they run over)."""
    painter.setPen(QPen(QColor(FRAME_COLOR), 1.6))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for block, origin, start, end in _selected_blocks(view, bottom):
        for line, x1, x2 in _pieces(block, start, end):
            rect = QRectF(
                origin.x() + x1 - 1.5, origin.y() + line.y(), x2 - x1 + 3.0, line.height()
            )
            painter.drawRoundedRect(rect, 2.5, 2.5)
