"""Shared helpers for the entity-rule tests (no tests here): natasha-like spans by hand."""

from __future__ import annotations

from models.spans import Entity


def ent(text: str, surface: str, label: str, normal: str | None = None, nth: int = 0) -> Entity:
    """The ``nth`` occurrence of ``surface`` in ``text`` as an entity, as natasha gives it."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Entity(start, start + len(surface), label, surface, normal or surface)


def spans(entities: list[Entity]) -> list[tuple[str, str]]:
    """``(text, label)`` of each entity, in text order."""
    return [(e.text, e.label) for e in sorted(entities, key=lambda e: e.start)]


def normals(entities: list[Entity], label: str = "PER") -> dict[str, str]:
    """Surface → normal form of the entities with ``label``."""
    return {e.text: e.normal for e in entities if e.label == label}
