"""The main window's own actions and menus: File, View and Help (editing adds Edit, Review).

Kept out of :mod:`gui.main_window` so the window stays a composition: here are the
actions with their keys and tooltips, and the menus that list them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from gui.dialogs.about import AboutDialog

if TYPE_CHECKING:
    from gui.main_window import MainWindow


@dataclass
class WindowActions:
    """What the File, View and Help menus hold."""

    import_files: QAction
    import_folder: QAction
    export: QAction
    quit: QAction
    find: QAction
    find_next: QAction
    find_previous: QAction
    about: QAction


def _action(
    window: MainWindow, text: str, tip: str, keys: list[QKeySequence] | None = None
) -> QAction:
    action = QAction(text, window, toolTip=tip)
    action.setShortcuts(keys or [])
    window.addAction(action)  # the keys work with the menus hidden, too
    return action


def create_menus(window: MainWindow) -> WindowActions:
    """The File, View and Help menus of ``window``, wired to its slots."""
    std, seq = QKeySequence.StandardKey, QKeySequence
    a = WindowActions(
        _action(
            window,
            "&Import files…",
            "Import and pre-annotate .txt/.jsonl/.json files",
            [seq(std.Open)],
        ),
        _action(window, "Import &folder…", "Import every text file in a folder"),
        _action(
            window,
            "&Export…",
            "Write the corpus as training data (JSONL, spaCy, CoNLL, "
            "brat, Label Studio, …) in the background",
            [seq("Ctrl+Shift+E")],
        ),
        _action(window, "&Quit", "Close the window; every edit is already saved", [seq(std.Quit)]),
        _action(
            window, "&Find in the article…", "Find words in the article (Ctrl+F)", [seq(std.Find)]
        ),
        _action(window, "Find &next", "The next hit (F3)", [seq("F3")]),
        _action(window, "Find &previous", "The previous hit (Shift+F3)", [seq("Shift+F3")]),
        _action(window, "&About razmetka", "Version, database file, annotator"),
    )
    a.import_files.triggered.connect(window.choose_import_files)
    a.import_folder.triggered.connect(window.choose_import_folder)
    a.export.triggered.connect(window.show_export_dialog)
    a.quit.triggered.connect(window.close)
    a.find.triggered.connect(window.find_bar.open_bar)
    a.find_next.triggered.connect(lambda: window.find_bar.step(False))
    a.find_previous.triggered.connect(lambda: window.find_bar.step(True))
    a.about.triggered.connect(lambda: AboutDialog(window.service, window).open())
    bar = window.menuBar()
    bar.addMenu("&File").addActions([a.import_files, a.import_folder, a.export, a.quit])
    view = bar.addMenu("&View")
    view.addActions([a.find, a.find_next, a.find_previous])
    view.addSeparator()
    view.addActions(window.zoom.actions(window))
    view.addSeparator()
    for dock in (window.documents_dock, window.entities_dock, window.quotes_dock):
        toggle = dock.toggleViewAction()
        toggle.setToolTip(f"Show or hide the {dock.windowTitle().lower()} panel")
        view.addAction(toggle)
    return a


def create_help_menu(window: MainWindow) -> None:
    """Help: the keyboard map and About, after the editing menus."""
    menu = window.menuBar().addMenu("&Help")
    menu.addActions([window.editing.actions.keymap, window.menu_actions.about])
