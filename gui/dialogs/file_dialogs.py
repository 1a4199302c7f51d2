"""File dialogs that open where the user was last time (one remembered folder per use).

Importing the next batch or exporting again starts in the folder of the previous
choice, not in the home folder: the folder is kept in QSettings under the use's name.
An export never overwrites what is there without asking (:func:`agree_to_replace`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from gui.settings import settings

ARTICLES = "Articles (*.txt *.jsonl *.json);;All files (*)"


def last_folder(use: str) -> str:
    """The folder last chosen for ``use`` (``import``, ``export``), else the home folder."""
    value = settings().value(f"folders/{use}")
    folder = Path(str(value)) if value else None
    return str(folder) if folder is not None and folder.is_dir() else str(Path.home())


def remember_folder(use: str, path: str | Path) -> None:
    """Keep the folder of ``path`` (a file's folder, or the folder itself) for ``use``."""
    chosen = Path(path)
    folder = chosen if chosen.is_dir() else chosen.parent
    store = settings()
    store.setValue(f"folders/{use}", str(folder))
    store.sync()


def import_files(parent: QWidget | None) -> list[str]:
    """Ask for articles to import, starting where the last import was chosen."""
    files, _ = QFileDialog.getOpenFileNames(parent, "Import files", last_folder("import"), ARTICLES)
    if files:
        remember_folder("import", files[0])
    return list(files)


def import_folder(parent: QWidget | None) -> str:
    """Ask for a folder to import, starting beside the last import."""
    folder = QFileDialog.getExistingDirectory(parent, "Import a folder", last_folder("import"))
    if folder:
        remember_folder("import", folder)
    return folder


def export_path(parent: QWidget | None, current: str, kind: str) -> str:
    """Ask where to export: the current output's name, in the last export folder."""
    start = str(Path(last_folder("export")) / Path(current).name) if current else ""
    path, _ = QFileDialog.getSaveFileName(parent, "Export to", start, kind)
    if path:
        remember_folder("export", Path(path).parent)
    return path


def export_folder() -> Path:
    """Where the export dialog proposes to write: the last export's folder."""
    return Path(last_folder("export"))


def agree_to_replace(parent: QWidget | None, path: Path, one_file: bool) -> bool | None:
    """Before an export to ``path``: False, nothing there; True, the user agreed to
    replace it; None, the user said no."""
    if one_file and path.is_file():
        question = f"Replace {path}?\n\nThe file exists; the export would overwrite it."
    elif not one_file and path.is_dir() and any(path.iterdir()):
        question = (
            f"Export into {path}?\n\nThe folder holds files. A previous razmetka export "
            "there is replaced; anything else stops the export, untouched."
        )
    else:
        return False
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, "Replace?", question, yes | no, no)
    return True if answer == yes else None
