"""The adjudication view: one document's versions merged, each disagreement one key.

The table lists every candidate span with who has it (:mod:`gui.team.adjudication_model`)
and the versions stand side by side beneath it (:mod:`gui.team.version_panes`); the main
article shows the gold as it is being decided. Keys, while the view has focus: Tab and
Shift+Tab walk the disagreements (the undecided ones while any are left), 1-9 take that
annotator's side, R rejects every candidate, E makes the final span the adjudicator's
own (the article's selection, else the span most versions have) and hands it to the
article, where the usual span keys adjust it. Each decision is an
:class:`~gui.team.commands.AdjudicateCommand` on the window's undo stack; the view reads
the gold again after every edit, so undo, redo and edits in the article show here too.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.subscribe import subscribe
from gui.team.adjudication_keys import HINT, create_keys
from gui.team.adjudication_model import CandidateTableModel
from gui.team.commands import AdjudicateCommand
from gui.team.version_panes import VersionPanes
from models import Entity, Quote
from models.service import EditError
from models.team.adjudicate import Adjudication

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QShowEvent, QUndoCommand

    from models import AnnotationService, ChangeSet, Document, OpenDocument
    from models.team.candidates import Disagreement


def _place(d: Disagreement) -> tuple[int, int, str]:
    return (d.start, d.end, d.kind)


class AdjudicationView(QWidget):
    """Deciding the open document of a team database, one disagreement at a time."""

    span_requested = Signal(int, int)  # show these offsets in the article
    edit_requested = Signal(int, int)  # the adjudicator's own span is here: edit it there

    def __init__(
        self,
        service: AnnotationService,
        document: OpenDocument,
        push: Callable[[QUndoCommand], ChangeSet | None],
        selection: Callable[[], tuple[int, int] | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("adjudication_view")
        self.service, self.document = service, document
        self._push, self._selection = push, selection
        self.adjudication: Adjudication | None = None
        self.current: Disagreement | None = None
        self._prepared: str | None = None  # the document whose agreed spans were accepted
        self._stale = True
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.model = CandidateTableModel()
        self.table = self._create_table()
        self.panes = VersionPanes(service.labels)
        self.keys = create_keys(self)
        self._connect_keys()
        self._layout()
        subscribe(document.opened, self._on_document_opened, self)
        subscribe(service.changes_applied, self._on_service_changes_applied, self)

    def _create_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("adjudication_table")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab walks the disagreements
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.model.modelReset.connect(
            lambda: header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        )
        table.clicked.connect(self._on_table_clicked)
        return table

    def _connect_keys(self) -> None:
        k = self.keys
        k.next.triggered.connect(self.step)
        k.previous.triggered.connect(lambda: self.step(backwards=True))
        for n, action in enumerate(k.sides, 1):
            action.triggered.connect(partial(self.take_side, n))
        k.reject.triggered.connect(self.reject)
        k.edit.triggered.connect(self.edit)

    def _layout(self) -> None:
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.panes)
        split.setSizes([200, 170])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addWidget(hint)
        layout.addWidget(split, 1)

    # -- API for the window ----------------------------------------------------------

    def start(self) -> bool:
        """Adjudicate the open document: accept what all versions agree on (one undoable
        step) and go to the first disagreement left; False when it has no versions."""
        doc = self.document.document
        if doc is None or not self._load(doc.id):
            return False
        self._prepare(again=True)  # also after its undo; nothing to do is no step
        self._go(self._adj().next_disagreement(pending=True) or self._first())
        self.table.setFocus()
        return True

    def step(self, backwards: bool = False) -> None:
        """The next (previous) disagreement: the undecided ones while any are left."""
        if self.adjudication is None:
            return
        pending = self.adjudication.remaining() > 0
        self._go(self.adjudication.next_disagreement(self._fresh(), backwards, pending))

    def take_side(self, n: int) -> None:
        """Annotator number ``n``'s spans in the current disagreement become the gold."""
        adj, d = self.adjudication, self._fresh()
        if adj is None or d is None or not 1 <= n <= len(adj.annotators):
            return
        name = adj.annotators[n - 1]
        self._decide(f"Adjudicate: {name}'s side", lambda: adj.take_side(d, name))

    def reject(self) -> None:
        """None of the current disagreement's candidates goes into the gold."""
        adj, d = self.adjudication, self._fresh()
        if adj is not None and d is not None:
            self._decide("Adjudicate: reject", lambda: adj.reject(d))

    def edit(self) -> None:
        """The adjudicator's own span replaces the candidates, then the article edits it."""
        adj, d = self.adjudication, self._fresh()
        if adj is None or d is None:
            return
        lead = self._lead(d)
        start, end = lead.start, lead.end
        sel = self._selection()
        if sel is not None and sel[0] < d.end and d.start < sel[1]:
            start, end = sel
        label = lead.label if isinstance(lead, Entity) else None
        speaker = lead.speaker if isinstance(lead, Quote) else None

        def decide() -> ChangeSet:
            return adj.edit(d, start, end, label, speaker)

        changes = self._decide("Adjudicate: edit", decide, advance=False)
        if changes is not None and changes.changes:
            self.edit_requested.emit(start, end)

    # -- state -----------------------------------------------------------------------

    def _adj(self) -> Adjudication:
        assert self.adjudication is not None
        return self.adjudication

    def _load(self, doc_id: str) -> bool:
        """Build the adjudication of ``doc_id`` (reading only)."""
        self._stale = False
        self.current = None
        try:
            self.adjudication = Adjudication(self.service, doc_id)
        except (EditError, KeyError):
            self.adjudication = None
        self.model.load(self.adjudication)
        self.panes.set_versions(self.adjudication.versions if self.adjudication else {})
        self._go(self._first())
        return self.adjudication is not None

    def _first(self) -> Disagreement | None:
        items = self.model.disagreements
        return next((d for d in items if d.pending), items[0] if items else None)

    def _fresh(self) -> Disagreement | None:
        """The current disagreement as the gold has it now."""
        if self.current is None:
            return None
        here = _place(self.current)
        return next((d for d in self.model.disagreements if _place(d) == here), None)

    def _lead(self, d: Disagreement) -> Entity | Quote:
        """The span most versions have (a tie: the first annotator's)."""
        order = self._adj().annotators
        best = max(d.candidates, key=lambda c: (len(c.holders), -order.index(c.holders[0])))
        return best.span

    def _prepare(self, again: bool = False) -> None:
        adj = self._adj()
        if again or self._prepared != adj.doc_id:
            self._prepared = adj.doc_id
            self._push(AdjudicateCommand(self.service, "Adjudicate: accept agreed", adj.prepare))

    def _decide(
        self, text: str, decide: Callable[[], ChangeSet], advance: bool = True
    ) -> ChangeSet | None:
        """Push one decision, then (``advance``) go on to the next undecided one."""
        self._prepare()
        decided = self.current
        changes = self._push(AdjudicateCommand(self.service, text, decide))
        if advance and changes is not None and changes.changes:
            self._go(self._adj().next_disagreement(decided, pending=True) or self._fresh())
        return changes

    def _go(self, d: Disagreement | None, request: bool = True) -> None:
        """Make ``d`` the current disagreement: highlighted, shown in every pane, and
        (``request``) in the article."""
        self.current = d
        number = None
        if d is not None:
            number = next(
                (i for i, x in enumerate(self.model.disagreements) if _place(x) == _place(d)),
                None,
            )
        self.model.set_current(number)
        row = self.model.first_row(number) if number is not None else None
        if row is not None:
            self.table.scrollTo(self.model.index(row, 0))
        self.panes.point_at(d)
        if d is not None and request:
            lead = self._lead(d)
            self.span_requested.emit(lead.start, lead.end)
        self._update_header()

    def _update_header(self) -> None:
        for action in self.keys.decisions():
            action.setEnabled(self.current is not None)
        doc = self.document.document
        title = str(doc.meta.get("title") or doc.id) if doc is not None else ""
        adj = self.adjudication
        prepared = adj is not None and self._prepared == adj.doc_id
        self.header.setText(self.model.summary(title, prepared))

    # -- slots -----------------------------------------------------------------------

    def _on_document_opened(self, doc: Document | None) -> None:
        if doc is None:
            self.adjudication = None
            self.model.load(None)
            self.panes.set_versions({})
            self._go(None)
        elif self.isVisible():
            self._load(doc.id)
        else:
            self._stale = True

    def _on_service_changes_applied(self, changes: ChangeSet) -> None:
        adj = self.adjudication
        if adj is None or adj.doc_id not in changes.doc_ids:
            return
        if not self.isVisible():
            self._stale = True  # read again when shown
        else:
            self.model.load(adj)  # an edit in the article is the article's: no selecting
            self._go(self._fresh() or self.current, request=False)

    def _on_table_clicked(self, index: QModelIndex) -> None:
        row = self.model.rows[index.row()]
        if row.disagreement is not None:
            self._go(self.model.disagreements[row.disagreement])
        self.span_requested.emit(row.candidate.span.start, row.candidate.span.end)

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again: catch up with the document opened meanwhile."""
        super().showEvent(event)
        doc = self.document.document
        if self._stale and doc is not None:
            self._load(doc.id)
