"""The files shipped with the program: the one way to find them, checkout or installed wheel.

resources/ stays at the top of the repository, where a person looks for the label set and
the sample, and the wheel installs it as the top-level data package ``resources`` (beside
``models``, ``gui`` and ``cli``; it has no ``__init__.py``, so it is a namespace package).
Its files are looked up in the folders the import system gives for that package, which
are the checkout's resources/ (the repository root is on ``sys.path``), the installed
one, or the one an editable install points at. ``importlib.resources.files`` would do the
same, but on Python 3.11 it fails on an editable install, whose finder adds a
placeholder entry to the namespace's path ("MultiplexedPath only supports directories").
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

PACKAGE = "resources"


def bundled(name: str) -> Path:
    """The file or folder ``name`` inside resources/ (``"samples"``, ``"labels.json"``)."""
    spec = find_spec(PACKAGE)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        found = Path(folder, name)
        if found.exists():
            return found
    raise FileNotFoundError(f"{name}: not among the installed resources ({PACKAGE}/)")
