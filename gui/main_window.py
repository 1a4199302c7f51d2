"""The main window: composes the widgets, docks and menus, and wires their signals.

It owns no logic of its own. It is given an :class:`~models.AnnotationService` and opens
documents through an :class:`~models.OpenDocument`, which the article
(:class:`~gui.article.document_view.DocumentView`), the side panels and the review view
follow; the document list reads through the service, imports run in
:class:`~gui.jobs.workers.ImportRunner`. Layout is remembered through :mod:`gui.settings`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QVBoxLayout, QWidget

from gui import session
from gui.article.document_view import DocumentView
from gui.article.find_bar import FindBar
from gui.article.legend import LegendWidget
from gui.article.zoom import TextZoom
from gui.dialogs import file_dialogs
from gui.dialogs.export_dialog import ExportDialog
from gui.dock_layout import ArticleFirst, default_size
from gui.editing.groups import install_group_edits
from gui.editing.wiring import install_editing
from gui.jobs.db_watch import DatabaseWatcher
from gui.jobs.import_status import ImportStatusWidget
from gui.jobs.workers import ImportRunner, report_errors
from gui.panels.document_list import DocumentListWidget
from gui.panels.entity_panel import EntityPanel
from gui.panels.quote_panel import QuotePanel
from gui.settings import WindowSettings
from gui.subscribe import subscribe
from gui.team.wiring import install_team
from gui.window_menus import create_help_menu, create_menus
from models import Entity, OpenDocument

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from pathlib import Path

    from models import AnnotationService, Change, Document
    from models.service import ImportReport

LIST_REFRESH_MS = 500


class MainWindow(QMainWindow):
    """Document list | legend + article | entities and quotes."""

    document_opened = Signal(str)
    import_finished = Signal(object)  # ImportReport, after the list was refreshed

    def __init__(
        self,
        service: AnnotationService,
        remember_layout: bool = True,
        size: tuple[int, int] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.service = service
        self.labels = service.labels
        current = self.current = OpenDocument(service)
        self.destroyed.connect(lambda *_: current.close())  # the service may live on
        self.settings = WindowSettings() if remember_layout else None
        self._open_after_import = False
        self._in_panel: tuple[str, int] | None = None  # the span the panels show
        self._size = size or default_size()
        self._create_central()
        self._create_docks()
        self._create_import()
        self.menu_actions = create_menus(self)
        self.editing = install_editing(
            self, self.view, service, self.current, (self.entity_panel, self.quote_panel)
        )
        self.status = self.editing.status
        self.group_edits = install_group_edits(self.entity_panel, self.editing.controller)
        self.team = install_team(self, service, self.current, self.editing)
        create_help_menu(self)
        self.zoom.apply()  # the review's panes too
        self._wire()
        self._restore_layout()
        self._on_current_opened(None)

    # -- composition -----------------------------------------------------------------

    def _create_central(self) -> None:
        self.legend = LegendWidget(self.labels)
        self.view = DocumentView(self.labels)
        self.view.follow(self.current)
        self.find_bar = FindBar(self.view, self.current)
        self.zoom = TextZoom(self._article_views)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.legend)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

    def _article_views(self) -> list[DocumentView]:
        editing = getattr(self, "editing", None)
        review = [editing.review.model_view, editing.review.gold_view] if editing else []
        return [self.view, *review]

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState() keys docks by object name
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _create_docks(self) -> None:
        self.document_list = DocumentListWidget(self.service)
        self.entity_panel = EntityPanel(self.current, self.labels)
        self.quote_panel = QuotePanel(self.current)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.documents_dock = self._dock("Documents", "documents_dock", self.document_list, left)
        self.entities_dock = self._dock("Entities", "entities_dock", self.entity_panel, right)
        self.quotes_dock = self._dock("Quotes", "quotes_dock", self.quote_panel, right)
        self.article_first = ArticleFirst(self, self.documents_dock, self.entities_dock)

    def _create_import(self) -> None:
        self.runner = ImportRunner(self.service, parent=self)
        self.import_status = ImportStatusWidget(self.runner)
        self.statusBar().addPermanentWidget(self.import_status)
        self._list_timer = QTimer(self, singleShot=True, interval=LIST_REFRESH_MS)
        self._list_timer.timeout.connect(self.document_list.sync)
        # Documents that another process (main.py import) adds show up without a restart.
        self.watcher = DatabaseWatcher(self.service, parent=self)
        self.watcher.changed.connect(self.document_list.sync)
        self.export_dialog: ExportDialog | None = None

    def _wire(self) -> None:
        controller = self.editing.controller
        subscribe(self.current.opened, self._on_current_opened, self)
        self.document_list.document_selected.connect(self.open_document)
        for panel in (self.entity_panel, self.quote_panel):
            panel.span_requested.connect(self.view.select_span)
            panel.span_requested.connect(controller.select_range)
            panel.span_requested.connect(self._on_panel_span_requested)
        self.view.span_clicked.connect(self._show_in_panel)
        subscribe(self.current.edited, self._on_current_edited, self)
        controller.open_requested.connect(self.open_document)
        self.runner.progress.connect(self._on_runner_progress)
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)

    # -- documents -------------------------------------------------------------------

    def open_document(self, doc_id: str) -> None:
        """Open a document: the view, the panels and the list follow."""
        try:
            self.current.open(doc_id)
        except KeyError:
            self.status.show_event(f"Document {doc_id} is no longer in the database")

    def open_first(self) -> bool:
        """Open the first listed document, if there is one."""
        model = self.document_list.model
        if model.rowCount() == 0:
            return False
        self.open_document(model.summary(0).id)
        return True

    def import_files(self, paths: Iterable[str | Path], open_result: bool = True) -> bool:
        """Import in the background; then open the first file's document if asked."""
        self._open_after_import = open_result
        if not self.runner.start(paths):
            self.status.show_event("An import is already running")
            return False
        return True

    def show_export_dialog(self) -> ExportDialog:
        """File > Export…: one export dialog, kept (with its report) between uses."""
        if self.export_dialog is None:
            self.export_dialog = ExportDialog(self.service, self, file_dialogs.export_folder())
        self.export_dialog.show()
        self.export_dialog.raise_()
        return self.export_dialog

    # -- slots -----------------------------------------------------------------------

    def open_last(self) -> bool:
        """Open the document last worked on (remembered), else the first listed one."""
        last = session.last_document() if self.settings is not None else None
        if last is not None and self.document_list.model.row_of(last) is not None:
            self.open_document(last)
            return True
        return self.open_first()

    def _on_current_opened(self, doc: Document | None) -> None:
        title = doc.meta.get("title") if doc is not None else None
        self.setWindowTitle(f"{title} — razmetka" if title else "razmetka")
        if doc is not None:
            self.document_list.select_document(doc.id)
            if self.settings is not None:
                session.remember_document(doc.id)
            self.document_opened.emit(doc.id)

    def _show_in_panel(self, kind: str, span_id: int) -> None:
        self._in_panel = (kind, span_id)
        if kind == "entity":
            self.entity_panel.show_entity(span_id)
        elif kind == "quote":
            self.quote_panel.show_quote(span_id)

    def _on_panel_span_requested(self, _start: int, _end: int) -> None:
        self._in_panel = self.editing.controller.current  # made current just before

    def _on_current_edited(self, changes: Sequence[Change]) -> None:
        """A relabel moves the entity's row to another group: a panel that showed it
        follows it (one that did not is left where the reviewer had it)."""
        current = self.editing.controller.current
        if current is None or current != self._in_panel:
            return
        for c in changes:
            before, after = c.before, c.after
            if (
                isinstance(before, Entity)
                and isinstance(after, Entity)
                and current == ("entity", after.id)
                and (before.label, before.normal) != (after.label, after.normal)
            ):
                self._show_in_panel(*current)

    def _on_runner_progress(self, _done: int, _total: int, _text: str) -> None:
        if not self._list_timer.isActive():
            self._list_timer.start()

    def _on_runner_finished(self, report: ImportReport) -> None:
        self._list_timer.stop()
        self.document_list.refresh()
        report_errors(report.errors)
        first = next(iter(report.added or report.merged or report.already), None)
        if self._open_after_import and first is not None:
            self.open_document(first)
        elif self.current.id is None:
            self.open_first()
        message = f"Imported {len(report.added)}, already there {len(report.already)}"
        if report.merged:
            message += f", merged {len(report.merged)}"
        if report.errors:
            message += f", failed {len(report.errors)}: {report.errors[0]}"
        self.status.show_event(message)
        self.import_finished.emit(report)

    def _on_runner_failed(self, message: str) -> None:
        report_errors([message])
        self.status.show_event(message)

    def choose_import_files(self) -> None:
        """File > Import files…: ask (where the last import was), then import."""
        files = file_dialogs.import_files(self)
        if files:
            self.import_files(files)

    def choose_import_folder(self) -> None:
        """File > Import folder…: ask, then import every file in it."""
        folder = file_dialogs.import_folder(self)
        if folder:
            self.import_files([folder])

    # -- layout ----------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.load("geometry") if self.settings else None
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*self._size)
        state = self.settings.load("state") if self.settings else None
        if state is None or not self.restoreState(state):
            self.article_first.default_layout(self.width())
        columns = self.settings.load("document_columns") if self.settings else None
        if columns is not None:
            self.document_list.table.horizontalHeader().restoreState(columns)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the layout; stop an import after its current article (kept)."""
        if self.settings is not None:
            self.settings.save(
                geometry=self.saveGeometry(),
                state=self.saveState(),
                document_columns=self.document_list.table.horizontalHeader().saveState(),
            )
        self.runner.cancel()
        self.runner.wait(30_000)
        if self.export_dialog is not None:
            self.export_dialog.done(0)  # cancels a running export; written files stay
        super().closeEvent(event)
