"""Test isolation for every test: offscreen Qt, settings and database in tmp_path.

No test needs a display, and none may read or write the user's real settings or data:
QSettings go to an INI file under the test's tmp_path and ``RAZMETKA_DB`` points at a
throw-away database. PySide6 is optional here so that the core's tests also run in a
venv without it (the headless job).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HAS_QT = importlib.util.find_spec("PySide6") is not None


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("RAZMETKA_DB", str(tmp_path / "user" / "razmetka.db"))
    if not HAS_QT:
        yield
        return
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield
