"""The annotators' versions of one document side by side, each a read-only article.

Each pane is a :class:`~gui.article.document_view.DocumentView` of one version (its
spans drawn as in the main article), captioned with the key that takes that
annotator's side. ``point_at`` scrolls every pane to a disagreement and outlines it, so the
adjudicator compares the versions exactly where they differ.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from gui.article.document_view import DocumentView

if TYPE_CHECKING:
    from collections.abc import Mapping

    from models import Document, LabelSet
    from models.team.candidates import Disagreement

OUTLINE = QColor("#D55E00")  # Okabe-Ito vermillion: the disagreement under discussion


class VersionPanes(QWidget):
    """One captioned article per version, in annotator order."""

    def __init__(self, labels: LabelSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels = labels
        self.views: dict[str, DocumentView] = {}
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def set_versions(self, versions: Mapping[str, Document]) -> None:
        """Show these versions (replacing the panes shown before)."""
        for pane in [self.splitter.widget(i) for i in range(self.splitter.count())]:
            if pane is not None:
                pane.setParent(None)
                pane.deleteLater()
        self.views = {}
        for n, (name, doc) in enumerate(versions.items(), 1):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            caption = QLabel(
                f"<b>{n}</b> {escape(name)} <span style='color:#777'>({doc.status})</span>"
            )
            column.addWidget(caption)
            view = DocumentView(self.labels)
            view.setObjectName(f"version_{name}")
            view.set_document(doc)
            column.addWidget(view, 1)
            self.splitter.addWidget(box)
            self.views[name] = view

    def point_at(self, d: Disagreement | None) -> None:
        """Scroll every pane to ``d`` and outline its extent there."""
        for view in self.views.values():
            if d is None:
                view.mark_ranges([])
                continue
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(OUTLINE)
            view.mark_ranges([(d.start, d.end, fmt)])
            view.select_span(d.start, d.start)  # centred, nothing selected
