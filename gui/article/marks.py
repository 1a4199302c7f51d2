"""The marks the article view paints over its text: review-state lines and the selection frame.

Qt's own underline is one pixel thin, and its dashed line is hard to tell from a solid
one; the lines under entities are drawn here instead, two pixels thick, in the label's
colour: dashed (a suggestion), solid (confirmed) or double (a person's edit), as the
highlighter's formats say (``MARK_PROPERTY``). The selection is a dark frame around the
selected words instead of Qt's solid highlight, so a selected span keeps its colour and
its line. Only the blocks on screen are looked at.
"""

from __future__ import annotations

import bisect
import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPalette, QPen

from gui.article.span_styles import COLOR_PROPERTY, MARK_PROPERTY

if TYPE_CHECKING:
    from collections.abc import Iterator

    from PySide6.QtCore import QRect
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


class _Lines:
    """The laid-out lines of one block, found by position (bisection)."""

    def __init__(self, block: QTextBlock) -> None:
        layout = block.layout()
        self.lines = [layout.lineAt(n) for n in range(layout.lineCount())]
        self.starts = [line.textStart() for line in self.lines]

    def pieces(self, start: int, end: int) -> Iterator[tuple[QTextLine, float, float]]:
        """``(line, x from, x to)`` of the block-relative range ``[start, end)``."""
        n = max(bisect.bisect_right(self.starts, start) - 1, 0)
        while n < len(self.lines) and self.starts[n] < end:
            line = self.lines[n]
            lo, hi = max(start, line.textStart()), min(end, line.textStart() + line.textLength())
            if lo < hi:  # PySide6 returns (x, position)
                yield line, line.cursorToX(lo)[0], line.cursorToX(hi)[0]  # type: ignore[index]
            n += 1


Visible = list[tuple["QTextBlock", QRectF, QPointF]]


def visible_blocks(view: QPlainTextEdit, area: QRect) -> Visible:
    """The blocks that meet ``area`` (what is being repainted), with their rectangle and
    their text's origin on the viewport; the painters share one walk per paint."""
    out: Visible = []
    offset = view.contentOffset()
    block = view.firstVisibleBlock()
    while block.isValid():
        rect = view.blockBoundingGeometry(block).translated(offset)
        if rect.top() > area.bottom():
            break
        if rect.bottom() >= area.top():
            out.append((block, rect, rect.topLeft() + block.layout().position()))
        block = block.next()
    return out


def _line_pen(color: QColor, mark: str) -> QPen:
    pen = QPen(color, LINE_WIDTH if mark != "double" else 1.0)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if mark == "dashed":
        pen.setDashPattern([2.5, 1.5])  # in line widths: 5 px dashes, 3 px gaps
    return pen


def _marked_runs(block: QTextBlock) -> list[tuple[int, int, str, str]]:
    """``(start, end, mark, colour)`` of the block's entity formats, touching pieces of
    one kind joined (the highlighter splits a span where a quote or a nested one begins)."""
    runs: list[tuple[int, int, str, str]] = []
    for fr in block.layout().formats():
        mark = fr.format.property(MARK_PROPERTY)
        if not mark:
            continue
        color = str(fr.format.property(COLOR_PROPERTY) or "#777777")
        if runs and runs[-1][1] == fr.start and runs[-1][2:] == (mark, color):
            runs[-1] = (runs[-1][0], fr.start + fr.length, mark, color)
        else:
            runs.append((fr.start, fr.start + fr.length, str(mark), color))
    return runs


def paint_state_lines(painter: QPainter, blocks: Visible) -> None:
    """The line under each entity on screen, in the style of its review state."""
    pens: dict[tuple[str, str], QPen] = {}
    for block, _rect, origin in blocks:
        runs = _marked_runs(block)
        lines = _Lines(block) if runs else None
        for start, end, mark, color in runs:
            if (mark, color) not in pens:  # thin double lines a shade darker
                shade = QColor(color).darker(150 if mark == "double" else 120)
                pens[mark, color] = _line_pen(shade, mark)
            painter.setPen(pens[mark, color])
            for line, x1, x2 in lines.pieces(start, end) if lines else ():
                # Whole pixel rows under the baseline: crisp, not smeared over three.
                base = math.floor(origin.y() + line.y() + line.ascent())
                x1, x2 = origin.x() + x1, origin.x() + x2
                rows = (base + 1.5, base + 4.5) if mark == "double" else (base + 2.0,)
                for y in rows:
                    painter.drawLine(QLineF(x1, y, x2, y))


def _selected_blocks(
    view: QPlainTextEdit, blocks: Visible
) -> Iterator[tuple[_Lines, QTextBlock, QPointF, int, int]]:
    """The visible blocks the selection touches, with its block-relative range."""
    cursor = view.textCursor()
    if not cursor.hasSelection():
        return
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    for block, _rect, origin in blocks:
        pos = block.position()
        if pos + block.length() > start and pos < end:
            yield _Lines(block), block, origin, start - pos, end - pos


def paint_selected_tints(view: QPlainTextEdit, painter: QPainter, blocks: Visible) -> None:
    """The label tints under the selected words, painted before the text.

    Qt paints a selection with the highlight colour in place of the words' own
    background; with the highlight made transparent it paints nothing there, so these
    tints (painted first) show through and a selected span keeps its colour.
    """
    for lines, block, origin, start, end in _selected_blocks(view, blocks):
        for fr in block.layout().formats():
            brush = fr.format.background()
            if brush.style() == Qt.BrushStyle.NoBrush:
                continue
            lo, hi = max(start, fr.start), min(end, fr.start + fr.length)
            for line, x1, x2 in lines.pieces(lo, hi) if lo < hi else ():
                top = origin.y() + line.y()
                painter.fillRect(QRectF(origin.x() + x1, top, x2 - x1, line.height()), brush)


def paint_selection_frame(view: QPlainTextEdit, painter: QPainter, blocks: Visible) -> None:
    """A frame around the selected words (one per line they run over)."""
    painter.setPen(QPen(QColor(FRAME_COLOR), 1.4))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for lines, _block, origin, start, end in _selected_blocks(view, blocks):
        for line, x1, x2 in lines.pieces(start, end):
            top = origin.y() + line.y()
            # Below the lowest state line (a double one ends 5 px under the baseline).
            bottom = math.floor(top + line.ascent()) + 6.5
            rect = QRectF(origin.x() + x1 - 1.5, top + 0.5, x2 - x1 + 3.0, bottom - top - 0.5)
            painter.drawRoundedRect(rect, 2.5, 2.5)
