"""The label set (names, colours, hotkeys) from resources/labels.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from models.bundled import bundled


@dataclass(frozen=True, slots=True)
class Label:
    """One annotation label as the window shows it."""

    name: str
    color: str
    hotkey: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class LabelSet:
    """Entity labels plus the quote and speaker styles."""

    entities: tuple[Label, ...]
    quote: Label
    speaker: Label

    @property
    def names(self) -> frozenset[str]:
        """The entity label names, for validating imports."""
        return frozenset(lb.name for lb in self.entities)

    def get(self, name: str) -> Label | None:
        """The entity label called ``name``, if any."""
        return next((lb for lb in self.entities if lb.name == name), None)


@lru_cache(maxsize=4)
def load_labels(path: Path | None = None) -> LabelSet:
    """Read a label set file (the bundled one by default)."""
    data = json.loads((path or bundled("labels.json")).read_text(encoding="utf-8"))
    return LabelSet(
        tuple(Label(**d) for d in data["entities"]),
        Label(**data["quote"]),
        Label(**data["speaker"]),
    )


def sample_path() -> Path:
    """The bundled sample article, imported on first start."""
    return next(bundled("samples").glob("*.txt"))
