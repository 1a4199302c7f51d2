"""The review view: the model's original suggestions beside the current gold.

Two read-only article views (the untouched snapshot on the left, the gold on the right)
and the list of differences from :func:`models.service.review.review_diff`: spans a person
added, removed or changed. Differences are also marked in the articles with a wavy
underline (added blue, removed vermillion, changed purple: Okabe-Ito, readable for
colour-blind users). Clicking a difference shows it in both articles. The view follows
edits made while it is open.

It is a dock under the article (Ctrl+R shows it, Esc or Close hides it), not a window of
its own: it never covers the article, and showing it never takes the keyboard from the
widget that had it (the list's search box, the article).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui.article.document_view import DocumentView
from gui.subscribe import subscribe
from models import Entity, Quote
from models.service import ReviewDiff, review_diff, shorten

if TYPE_CHECKING:
    from collections.abc import Sequence

    from models import AnnotationService, Change, Document, OpenDocument

COLORS = {"added": "#0072B2", "removed": "#D55E00", "changed": "#CC79A7"}
SIGNS = {"added": "+", "removed": "−", "changed": "~"}
SPANS_ROLE = Qt.ItemDataRole.UserRole + 1


def _describe(span: Entity | Quote) -> str:
    if isinstance(span, Quote):
        who = span.speaker.normal or span.speaker.text if span.speaker else "no speaker"
        return f"QUOTE «{shorten(span.text, 28)}» ({who})"
    return f"{span.label} «{shorten(span.text)}»"


Row = tuple[str, str, Entity | Quote | None, Entity | Quote | None]


def diff_rows(diff: ReviewDiff) -> list[Row]:
    """``(kind, text, model span, gold span)`` for each difference, in text order."""
    rows: list[Row] = []
    for d in (diff.entities, diff.quotes):
        rows += [("added", _describe(g), None, g) for g in d.added]
        rows += [("removed", _describe(m), m, None) for m in d.removed]
        rows += [("changed", f"{_describe(m)} → {_describe(g)}", m, g) for m, g in d.changed]
    return sorted(rows, key=lambda r: ((r[3] or r[2]).start, r[0]))  # type: ignore[union-attr]


class ReviewView(QDockWidget):
    """Model snapshot | gold, with the differences listed underneath."""

    def __init__(
        self, service: AnnotationService, document: OpenDocument, parent: QWidget | None = None
    ) -> None:
        super().__init__("Review: model suggestions vs. gold", parent)
        self.setObjectName("review_view")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # also when floating
        self.service = service
        self.document = document
        self.model: Document | None = None  # the snapshot of the document shown
        self.diff: ReviewDiff | None = None
        self.model_view = DocumentView(service.labels)
        self.gold_view = DocumentView(service.labels)
        self.summary = QLabel()
        self.list = QListWidget()
        self.list.setObjectName("review_differences")
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.close_button = QPushButton("Close")
        self.close_button.setToolTip("Hide the review (Esc; Ctrl+R shows it again)")
        self.close_button.clicked.connect(self.hide)
        self.toggleViewAction().setToolTip("Show or hide the review (Ctrl+R shows it)")
        escape = QAction("Close the review", self, shortcut=QKeySequence("Escape"))
        escape.setToolTip("Hide the review (Esc)")
        escape.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.triggered.connect(self.hide)
        self.addAction(escape)
        self._layout()
        subscribe(document.opened, self._on_document_opened, self)
        subscribe(document.edited, self._on_document_edited, self)
        self.hide()

    def _layout(self) -> None:
        panes = QSplitter(Qt.Orientation.Horizontal)
        for title, view in (
            ("Model (as first suggested)", self.model_view),
            ("Gold (now)", self.gold_view),
        ):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(QLabel(f"<b>{title}</b>"))
            column.addWidget(view, 1)
            panes.addWidget(box)
        outer = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(panes)
        outer.addWidget(self.list)
        outer.setSizes([900, 300])
        top = QHBoxLayout()
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        top.addWidget(self.close_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 0, 4, 4)
        layout.addLayout(top)
        layout.addWidget(outer, 1)
        self.setWidget(body)

    def show_open(self) -> None:
        """Compare the open document's snapshot with its gold, and show the view."""
        gold = self.document.document
        if gold is None:
            return
        self.model = self.service.predictions(gold.id)
        self.model_view.set_document(self.model)
        self.gold_view.set_document(gold)
        self._fill(gold)
        window = self.parentWidget()
        if self.isHidden() and isinstance(window, QMainWindow) and not self.isFloating():
            # Most of the height stays with the article above.
            window.resizeDocks([self], [int(window.height() * 0.38)], Qt.Orientation.Vertical)
        self.show()
        self.raise_()  # its tab, when tabified; the window keeps the keyboard

    def _fill(self, doc: Document) -> None:
        assert self.model is not None
        self.diff = review_diff(self.model, doc)
        e, q = self.diff.entities, self.diff.quotes
        self.summary.setText(
            f"Entities: {len(e.kept)} kept, {len(e.added)} added, {len(e.removed)} removed, "
            f"{len(e.changed)} changed (agreement {e.agreement:.0%}) · Quotes: {len(q.kept)} "
            f"kept, {len(q.added)} added, {len(q.removed)} removed, {len(q.changed)} changed"
        )
        self.list.clear()
        marks: dict[str, list] = {"model": [], "gold": []}
        for kind, text, model, gold in diff_rows(self.diff):
            item = QListWidgetItem(f"{SIGNS[kind]} {kind}: {text}")
            item.setForeground(QBrush(QColor(COLORS[kind])))
            item.setData(SPANS_ROLE, (model, gold))
            self.list.addItem(item)
            if model is not None:
                marks["model"].append((model, kind))
            if gold is not None:
                marks["gold"].append((gold, kind))
        self._mark(self.model_view, marks["model"])
        self._mark(self.gold_view, marks["gold"])

    @staticmethod
    def _mark(view: DocumentView, spans: list[tuple[Entity | Quote, str]]) -> None:
        """Wavy underlines under the differences (extra selections, over the labels)."""
        marks = []
        for span, kind in spans:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(COLORS[kind]))
            marks.append((span.start, span.end, fmt))
        view.mark_ranges(marks)

    def _on_list_current_item_changed(self, item: QListWidgetItem | None, _prev: object) -> None:
        if item is None:
            return
        model, gold = item.data(SPANS_ROLE)
        if model is not None:
            self.model_view.select_span(model.start, model.end)
        if gold is not None:
            self.gold_view.select_span(gold.start, gold.end)

    def _on_document_opened(self, doc: Document | None) -> None:
        if self.isVisible():
            if doc is None:
                self.hide()
            else:
                self.show_open()

    def _on_document_edited(self, changes: Sequence[Change]) -> None:
        gold = self.document.document
        if self.isVisible() and gold is not None:
            self.gold_view.apply_changes(changes)
            self._fill(gold)
