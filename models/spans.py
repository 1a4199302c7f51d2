"""Documents and the annotations on them, as plain immutable values.

Offsets are Python string indices (code points) into ``Document.text``, end exclusive.
Everything that crosses a module boundary (store, ingest, NER, quotes, exporters, GUI)
speaks these types, so each layer can be tested without the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

ORIGINS = ("model", "human")
# Review state of a span: the model's untouched suggestion, confirmed by a person,
# changed by a person (label or boundaries), added by a person, or imported as gold.
STATES = ("suggested", "confirmed", "changed", "added", "imported")
STATUSES = ("new", "in_progress", "done", "skipped")


class _Reviewed:
    """What Entity and Quote share: the JSON ``origin`` derived from the review state."""

    __slots__ = ()
    state: str

    @property
    def origin(self) -> str:
        """``model`` while the span still is the model's, else ``human``."""
        return "model" if self.state in ("suggested", "confirmed") else "human"


@dataclass(frozen=True, slots=True)
class Entity(_Reviewed):
    """A named-entity mention: ``text == document.text[start:end]``."""

    start: int
    end: int
    label: str
    text: str
    normal: str = ""
    id: int | None = None
    state: str = "suggested"
    annotator: str | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """The mention that names a quote's source; ``entity`` links to an Entity id."""

    start: int
    end: int
    text: str
    normal: str = ""
    entity: int | None = None


@dataclass(frozen=True, slots=True)
class Quote(_Reviewed):
    """Direct speech without its outer quotation marks, and who said it."""

    start: int
    end: int
    text: str
    speaker: Speaker | None = None
    id: int | None = None
    state: str = "suggested"
    annotator: str | None = None


@dataclass(frozen=True, slots=True)
class Noise:
    """A range that is not article prose: photo caption, ad marker, repeated paragraph."""

    start: int
    end: int
    kind: str  # "caption" | "ad" | "repeat" | "header"


@dataclass(frozen=True, slots=True)
class Document:
    """An article: its text, metadata, and (optionally) its annotations."""

    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    status: str = "new"
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    noise: tuple[Noise, ...] = ()

    def with_annotations(
        self, entities: tuple[Entity, ...] | list[Entity], quotes: tuple[Quote, ...] | list[Quote]
    ) -> Document:
        """A copy carrying the given spans, sorted by position."""
        return replace(
            self,
            entities=tuple(sorted(entities, key=lambda e: (e.start, -e.end))),
            quotes=tuple(sorted(quotes, key=lambda q: (q.start, q.end))),
        )
