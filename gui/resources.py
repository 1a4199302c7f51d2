"""Where bundled files live: one helper, so no widget builds paths by hand."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def resource_path(name: str = "") -> Path:
    """The path of ``name`` inside resources/ (the folder itself for "")."""
    return RESOURCES / name if name else RESOURCES
