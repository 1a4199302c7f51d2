"""The window over a team database, for the team tests: the scripted team of three
(tests/models/team_helpers.py) merged into team.db, opened as the adjudicator "lead"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gui.main_window import MainWindow
from models import AnnotationService, Store
from tests.models.team_helpers import Team, corpus_documents, scripted_team

D1, D2, D3 = (d.id for d in corpus_documents())


def team_window(qtbot: Any, path: Path, annotator: str | None = "lead") -> MainWindow:
    """The window on ``path``, shown and active, its first document open."""
    w = MainWindow(AnnotationService(Store(path), annotator), remember_layout=False)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    w.open_first()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def scripted(tmp: Path) -> Team:
    """The scripted team's files, worked on and merged into ``tmp/team.db``."""
    return scripted_team(tmp)


def stored(path: Path) -> Store:
    """A connection of its own to ``path`` (what was committed), read only."""
    return Store(path, readonly=True)
