"""Placeholder until the quote detector lands: no quotes, entities unchanged."""

from __future__ import annotations

from collections.abc import Sequence

from models.spans import Entity, Noise, Quote


def find_quotes(text: str, entities: Sequence[Entity], noise: Sequence[Noise] = ()) -> list[Quote]:
    return []


def merge_quoted_org_names(text: str, entities: Sequence[Entity]) -> list[Entity]:
    return list(entities)
