"""Puts the team work into a main window: the Team menu, two docks, the dashboard.

The main window calls :func:`install_team` once, after the editing machinery exists
(adjudication decisions go on its undo stack and hand edits to its controller). The
agreement panel and the adjudication view are docks below the article, tabbed together
and hidden until asked for; the dashboard is a window of its own. A label in the status
bar names the open document's versions in a team database.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu

from gui.actions import create_team_actions
from gui.panels.document_list_model import STATUS_TEXT
from gui.subscribe import subscribe
from gui.team.adjudication_view import AdjudicationView
from gui.team.agreement_panel import AgreementPanel
from gui.team.dashboard import Dashboard

DOCK_HEIGHT = 330

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow, QWidget

    from gui.editing.wiring import Editing
    from models import AnnotationService, Document, OpenDocument


@dataclass
class Team:
    """What :func:`install_team` built, kept on the window as ``window.team``."""

    actions: dict[str, QAction]
    agreement: AgreementPanel
    agreement_dock: QDockWidget
    adjudication: AdjudicationView
    adjudication_dock: QDockWidget
    dashboard: Dashboard
    versions: VersionsLabel


class VersionsLabel(QLabel):
    """``versions: anna done · boris in progress`` for the open document (empty if none)."""

    def __init__(self, service: AnnotationService, document: OpenDocument) -> None:
        super().__init__()
        self.setObjectName("versions_label")
        self.service = service
        subscribe(document.opened, self.show_document, self)
        self.show_document(document.document)

    def show_document(self, doc: Document | None) -> None:
        """Name the versions of ``doc``."""
        found = self.service.team.versions(doc.id) if doc is not None else []
        self.setText(
            "versions: "
            + " · ".join(f"{v.annotator} {STATUS_TEXT.get(v.status, v.status)}" for v in found)
            if found
            else ""
        )
        self.setToolTip("The annotators' versions of this document" if found else "")


def _dock(window: QMainWindow, title: str, name: str, widget: QWidget) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)  # saveState() keys docks by object name
    dock.setWidget(widget)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    toggle = dock.toggleViewAction()
    toggle.setToolTip(f"Show or hide the {title.lower()} panel")
    return dock


def install_team(
    window: QMainWindow, service: AnnotationService, document: OpenDocument, editing: Editing
) -> Team:
    """Build the team docks, the dashboard and the Team menu into ``window``."""
    view = editing.controller.view
    adjudication = AdjudicationView(service, document, editing.controller.push, view.selection_span)
    agreement = AgreementPanel(service)
    team = Team(
        create_team_actions(window),
        agreement,
        _dock(window, "Agreement", "agreement_dock", agreement),
        adjudication,
        _dock(window, "Adjudication", "adjudication_dock", adjudication),
        Dashboard(service, window),
        VersionsLabel(service, document),
    )
    window.tabifyDockWidget(team.agreement_dock, team.adjudication_dock)
    window.statusBar().addPermanentWidget(team.versions)
    _connect(window, team, editing)
    _menu(window, team)
    return team


def _connect(window: QMainWindow, team: Team, editing: Editing) -> None:
    controller = editing.controller
    a = team.actions
    a["agreement"].triggered.connect(lambda: _raise(window, team.agreement_dock))
    a["adjudicate"].triggered.connect(lambda: _raise(window, team.adjudication_dock))
    a["adjudicate"].triggered.connect(team.adjudication.start)
    a["dashboard"].triggered.connect(team.dashboard.show)
    a["dashboard"].triggered.connect(team.dashboard.raise_)
    team.agreement.document_requested.connect(window.open_document)  # type: ignore[attr-defined]
    team.adjudication.span_requested.connect(controller.view.select_span)

    def edit_there(start: int, end: int) -> None:
        controller.view.setFocus()
        controller.select_range(start, end)

    team.adjudication.edit_requested.connect(edit_there)


def _raise(window: QMainWindow, dock: QDockWidget) -> None:
    dock.show()
    dock.raise_()
    height = min(DOCK_HEIGHT, window.height() * 2 // 5)  # the article keeps the rest
    if not dock.isFloating() and dock.height() < height:  # room for its tables
        window.resizeDocks([dock], [height], Qt.Orientation.Vertical)


def _menu(window: QMainWindow, team: Team) -> None:
    bar = window.menuBar()
    menu = QMenu("&Team", bar)
    help_menu = next((m for m in bar.actions() if m.text() == "&Help"), None)
    if help_menu is None:
        bar.addMenu(menu)
    else:
        bar.insertMenu(help_menu, menu)  # before Help, which comes last
    a = team.actions
    menu.addActions([a["agreement"], a["adjudicate"], a["dashboard"]])
    menu.addSeparator()
    menu.addActions(
        [team.agreement_dock.toggleViewAction(), team.adjudication_dock.toggleViewAction()]
    )
