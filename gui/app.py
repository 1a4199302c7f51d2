"""Starting the window, or the ``screenshot`` command, on a service main.py built.

main.py opens the store and makes the :class:`~models.AnnotationService`; here the
QApplication is made, the first documents are opened (the files named on the command
line, or the bundled sample on the first start) and Qt's event loop runs. What cannot
start raises :class:`StartupError` with one line, which main.py prints.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from gui.dialogs.annotator import resolve_annotator
from gui.jobs.workers import report_errors
from gui.main_window import MainWindow
from gui.settings import APPLICATION, ORGANIZATION
from models.labels import sample_path

if TYPE_CHECKING:
    from pathlib import Path

    from models import AnnotationService

SCREENSHOT_SIZE = (1400, 900)


class StartupError(Exception):
    """Why the window or a screenshot cannot start; the message is one line."""


def application() -> QApplication:
    """The process's QApplication, created once, named for QSettings."""
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "razmetka"])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    return app  # type: ignore[return-value]


def annotator(given: str | None) -> str | None:
    """The name to log edits under: ``--annotator``, remembered, or asked once."""
    application()
    return resolve_annotator(given, ask=True)


def open_window(service: AnnotationService, files: list[Path] | None = None) -> MainWindow:
    """Show the window; import ``files`` (or the sample on first start) in the background."""
    window = MainWindow(service)
    window.show()
    if files:
        window.import_files(files)
    elif not service.listing().extent()[0]:
        window.import_files([sample_path()])
    else:
        window.open_last()
    return window


def run_window(service: AnnotationService, files: list[Path]) -> int:
    """Open the main window and run the event loop until it closes; the exit code."""
    app = application()
    # Every edit is committed when made, so Ctrl+C in the terminal may end the process.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    window = open_window(service, files)  # referenced, or Python would drop it
    code = app.exec()
    window.deleteLater()
    return code


def screenshot(
    service: AnnotationService, file: Path, out: Path, size: tuple[int, int] = SCREENSHOT_SIZE
) -> int:
    """Import ``file`` through ``service`` (a throw-away store) and save the window as a PNG."""
    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no display needed, none touched
    app = application()
    report = service.corpus.import_files([file])
    report_errors(report.errors)
    doc_ids = report.added or report.already
    if not doc_ids:
        return 1
    window = MainWindow(service, remember_layout=False, size=size)
    window.show()
    window.open_document(doc_ids[0])
    for _ in range(3):  # the layout settles (docks, the legend's rows) in a few passes
        app.processEvents()
    window.view.format_visible()
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(out))
    window.close()
    if not ok:
        raise StartupError(f"{out}: cannot write the PNG")
    print(f"screenshot of {file} → {out}")
    return 0
