"""Starting the window (and the ``screenshot`` command) from parsed arguments.

``run(args)`` is what main.py calls for the GUI commands: it makes the QApplication,
opens the store (a bad database is one line on stderr and exit code 1, never a
traceback), imports the bundled sample on the first start and the files named on the
command line, and hands over to Qt's event loop.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import TYPE_CHECKING

from models.store.schema import StoreError

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow
    from models.store.store import Store

SCREENSHOT_SIZE = (1400, 900)


def fail(message: str) -> int:
    """One line on stderr; the exit code of a failed command."""
    print(f"razmetka: {message}", file=sys.stderr)
    return 1


def application() -> QApplication:
    """The process's QApplication, created once, named for QSettings."""
    from PySide6.QtWidgets import QApplication

    from gui.settings import APPLICATION, ORGANIZATION

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "razmetka"])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    return app  # type: ignore[return-value]


def run(args: argparse.Namespace) -> int:
    """The window, or ``screenshot``; returns the exit code."""
    if args.command == "screenshot":
        return screenshot(args.file, args.out)
    return run_window(
        args.db, list(getattr(args, "files", None) or []), getattr(args, "annotator", None)
    )


def run_window(db: Path, files: list[Path], annotator: str | None = None) -> int:
    """Open the main window on ``db`` and run the event loop until it closes."""
    from models.store.store import Store

    app = application()
    try:
        store = Store(db)
    except StoreError as exc:
        return fail(str(exc))
    # Every edit is committed when made, so Ctrl+C in the terminal may end the process.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    from gui.dialogs.annotator import resolve_annotator

    annotator = resolve_annotator(annotator, ask=True)  # --annotator, remembered, or asked once
    window = open_window(store, files, annotator)  # referenced, or Python would drop it
    code = app.exec()
    window.deleteLater()
    store.close()
    return code


def open_window(
    store: Store, files: list[Path] | None = None, annotator: str | None = None
) -> MainWindow:
    """Show the window; import ``files`` (or the sample on first start) in the background."""
    from gui.main_window import MainWindow
    from models.labels import sample_path

    window = MainWindow(store, annotator=annotator)
    window.show()
    if files:
        window.import_files(files)
    elif store.count_documents() == 0:
        window.import_files([sample_path()])
    else:
        window.open_first()
    return window


def screenshot(file: Path, out: Path, size: tuple[int, int] = SCREENSHOT_SIZE) -> int:
    """Import ``file`` into a throw-away database and save the window as a PNG."""
    if not file.exists():
        return fail(f"{file}: no such file")
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no display needed, none touched
    from gui.main_window import MainWindow
    from models.io.importers import import_files
    from models.store.store import Store

    app = application()
    store = Store.in_memory()
    report = import_files(store, [file])
    for error in report.errors:
        print(f"razmetka: {error}", file=sys.stderr)
    doc_ids = report.added or report.already
    if not doc_ids:
        return 1
    window = MainWindow(store, remember_layout=False)
    window.resize(*size)
    window.show()
    window.open_document(doc_ids[0])
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(out))
    window.close()
    store.close()
    if not ok:
        return fail(f"{out}: cannot write the PNG")
    print(f"screenshot of {file} → {out}")
    return 0
