"""Reading back what the document view paints, for the GUI tests."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat

from gui.article.document_view import DocumentView
from gui.article.highlighter import LABEL_PROPERTY


def char_format(view: DocumentView, offset: int) -> QTextCharFormat:
    """The format the layout applies at a code-point offset (what gets painted)."""
    pos = view.layers.offsets.to_qt(offset)
    block = view.document().findBlock(pos)
    rel = pos - block.position()
    ranges = block.layout().formats()
    for fr in ranges:
        if fr.start <= rel < fr.start + fr.length:
            return QTextCharFormat(fr.format)  # a copy: the range list is a temporary
    return QTextCharFormat()


def label_at(view: DocumentView, offset: int) -> str | None:
    """The entity label painted at ``offset``, if any."""
    fmt = char_format(view, offset)
    return fmt.property(LABEL_PROPERTY) if fmt.hasProperty(LABEL_PROPERTY) else None
