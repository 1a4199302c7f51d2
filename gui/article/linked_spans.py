"""A quote and its speaker light up together: select one, the other is marked.

Selecting a quote outlines its speaker mention; selecting an entity outlines every quote
it speaks. The marks are extra selections on the view, so they cost nothing per block
and vanish with the next choice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QTextCharFormat

from models import Quote

if TYPE_CHECKING:
    from gui.article.document_view import DocumentView
    from models import Document, Entity

LINK_COLOR = "#D55E00"  # the speaker colour of resources/labels.json's default set


def linked_ranges(doc: Document | None, span: Entity | Quote | None) -> list[tuple[int, int]]:
    """The spans tied to ``span``: a quote's speaker, or the quotes an entity speaks."""
    if doc is None or span is None:
        return []
    if isinstance(span, Quote):
        return [(span.speaker.start, span.speaker.end)] if span.speaker else []
    return [
        (q.start, q.end)
        for q in doc.quotes
        if q.speaker is not None
        and (
            q.speaker.entity == span.id
            or (q.speaker.start, q.speaker.end) == (span.start, span.end)
        )
    ]


def link_format(color: str = LINK_COLOR) -> QTextCharFormat:
    """A light speaker-colour background over the linked words (lines stay the state's)."""
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(color).lighter(185))
    return fmt


def show_linked(view: DocumentView, doc: Document | None, span: Entity | Quote | None) -> None:
    """Mark on ``view`` (showing ``doc``) what is linked to ``span`` (nothing if no link)."""
    fmt = link_format()
    view.mark_ranges([(s, e, fmt) for s, e in linked_ranges(doc, span)], layer="links")
