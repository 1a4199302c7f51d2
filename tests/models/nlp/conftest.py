"""Builders for the entity-rule tests: natasha-like spans placed by hand, and views of them.

The rules take natasha's spans and return better ones; a test writes the spans natasha
would give (``ent``) and compares what comes back as ``(text, label)`` pairs (``spans``)
or surface → normal form (``normals``). Each fixture is the function itself.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from models.spans import Entity


def _ent(text: str, surface: str, label: str, normal: str | None = None, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Entity(start, start + len(surface), label, surface, normal or surface)


def _spans(entities: list[Entity]) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in sorted(entities, key=lambda e: e.start)]


def _normals(entities: list[Entity], label: str = "PER") -> dict[str, str]:
    return {e.text: e.normal for e in entities if e.label == label}


@pytest.fixture(scope="session")
def ent() -> Callable[..., Entity]:
    """``ent(text, surface, label, normal=None, nth=0)``: the ``nth`` occurrence of
    ``surface`` in ``text`` as an entity, as natasha gives it."""
    return _ent


@pytest.fixture(scope="session")
def spans() -> Callable[[list[Entity]], list[tuple[str, str]]]:
    """``spans(entities)``: ``(text, label)`` of each entity, in text order."""
    return _spans


@pytest.fixture(scope="session")
def normals() -> Callable[..., dict[str, str]]:
    """``normals(entities, label="PER")``: surface → normal form of the entities with
    ``label``."""
    return _normals
