"""The files shipped with the program: the one way to find them, checkout or installed wheel.

resources/ stays at the top of the repository, where a person looks for the label set and
the sample, and the wheel installs it as the top-level data package ``resources`` (beside
``models``, ``gui`` and ``cli``). So ``importlib.resources`` finds the same names from a
checkout (the repository root is on ``sys.path``), from an editable install and from a
wheel, and no module builds a path from its own ``__file__``.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

PACKAGE = "resources"


def bundled(name: str) -> Path:
    """The file or folder ``name`` inside resources/ (``"samples"``, ``"labels.json"``).

    A real path, not a Traversable: ingest, the store and the window take file paths, and
    razmetka is never run from a zip archive.
    """
    found = files(PACKAGE).joinpath(name)
    if not isinstance(found, Path) or not found.exists():
        raise FileNotFoundError(f"{name}: not among the installed resources ({PACKAGE}/)")
    return found
