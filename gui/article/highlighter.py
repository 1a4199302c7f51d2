"""Per-block span formatting for the document view (a ``QSyntaxHighlighter``).

Qt calls :meth:`SpanHighlighter.highlightBlock` for one paragraph at a time; the block
asks each :class:`~gui.article.span_index.SpanIndex` for the spans that touch it (bisection),
merges their formats segment by segment (noise < quote < entity < speaker, so an entity
inside a caption keeps its tint but stays grey) and applies them in UTF-16 positions.
An entity is a tint of its label's colour; the line under it (its review state) is
drawn by the view from the format's properties; quoted words are italic, a speaker bold.
The cost of a block depends on the spans in it, not on the size of the document, and an
edit re-formats only the blocks it touches (``rehighlightBlock``).

Formatting is also deferred: Qt offers every block to the highlighter when the text is
set, and those calls return at once; a block is formatted only when the view asks for
it (:meth:`SpanHighlighter.format_block`), which it does for the blocks on screen. So a
1 MB article with 10,000 spans opens as fast as its plain text.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextFormat

from gui.article.offsets import OffsetMap
from gui.article.span_index import SpanIndex
from gui.article.span_styles import COLOR_PROPERTY, CONFIRMED_TINT, style_state

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QTextBlock, QTextDocument

    from models import Entity, LabelSet, Noise, Quote

# Char-format properties that name the span under a character (tests, tooltips, editing).
KIND_PROPERTY = QTextFormat.Property.UserProperty + 1
LABEL_PROPERTY = QTextFormat.Property.UserProperty + 2
ID_PROPERTY = QTextFormat.Property.UserProperty + 3

NOISE_COLOR = "#8c8c8c"
ENTITY_TINT = CONFIRMED_TINT
BLOCK_TINT = 0.08


def tint(color: str, alpha: float) -> QColor:
    """``color`` made translucent, so the tint reads on light and dark backgrounds."""
    c = QColor(color)
    c.setAlphaF(alpha)
    return c


@dataclass
class SpanFormats:
    """The char formats of every span kind, built once from the label set."""

    labels: LabelSet
    entity: dict[str, QTextCharFormat] = field(default_factory=dict)
    quote: QTextCharFormat = field(default_factory=QTextCharFormat)
    speaker: QTextCharFormat = field(default_factory=QTextCharFormat)
    noise: QTextCharFormat = field(default_factory=QTextCharFormat)
    fallback: QTextCharFormat = field(default_factory=QTextCharFormat)

    def __post_init__(self) -> None:
        for label in self.labels.entities:
            self.entity[label.name] = self._entity_format(label.name, label.color)
        self.fallback = self._entity_format("?", "#999999")
        # Italics, not a tint: a quote's background would wash out the entities in it.
        self.quote.setFontItalic(True)
        self.quote.setProperty(KIND_PROPERTY, "quote")
        self.speaker.setFontWeight(QFont.Weight.Bold)
        self.speaker.setProperty(KIND_PROPERTY, "speaker")
        self.noise.setForeground(QColor(NOISE_COLOR))
        self.noise.setProperty(KIND_PROPERTY, "noise")

    @staticmethod
    def _entity_format(name: str, color: str) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(tint(color, ENTITY_TINT))
        fmt.setProperty(COLOR_PROPERTY, color)
        fmt.setProperty(KIND_PROPERTY, "entity")
        fmt.setProperty(LABEL_PROPERTY, name)
        return fmt

    def for_entity(self, entity: Entity) -> QTextCharFormat:
        """The format of an entity's label (grey for a label not in the set)."""
        fmt = QTextCharFormat(self.entity.get(entity.label, self.fallback))
        fmt.setProperty(LABEL_PROPERTY, entity.label)
        if entity.id is not None:
            fmt.setProperty(ID_PROPERTY, entity.id)
        style_state(fmt, entity.state)  # the line under it (gui.article.span_styles)
        return fmt


@dataclass
class SpanLayers:
    """What the highlighter draws: one index per span kind, plus the offset map."""

    offsets: OffsetMap = field(default_factory=lambda: OffsetMap(""))
    entities: SpanIndex[Entity] = field(default_factory=SpanIndex)
    quotes: SpanIndex[Quote] = field(default_factory=SpanIndex)
    speakers: SpanIndex[Quote] = field(default_factory=SpanIndex)
    noise: SpanIndex[Noise] = field(default_factory=SpanIndex)

    @classmethod
    def build(
        cls,
        text: str,
        entities: tuple[Entity, ...] | list[Entity],
        quotes: tuple[Quote, ...] | list[Quote],
        noise: tuple[Noise, ...] | list[Noise],
    ) -> SpanLayers:
        """Index a document's spans (O(n log n), once per document or edit)."""
        return cls(
            OffsetMap(text),
            SpanIndex((e.start, e.end, e) for e in entities),
            SpanIndex((q.start, q.end, q) for q in quotes),
            SpanIndex((q.speaker.start, q.speaker.end, q) for q in quotes if q.speaker),
            SpanIndex((n.start, n.end, n) for n in noise),
        )

    def replaced(
        self, removed: Sequence[Entity | Quote], added: Sequence[Entity | Quote]
    ) -> SpanLayers:
        """The same layers with a few spans swapped (one edit), in O(n) copies."""
        from models import Quote

        def split(spans: Sequence[Entity | Quote], quotes: bool) -> list:
            return [(s.start, s.end, s) for s in spans if isinstance(s, Quote) == quotes]

        def voices(spans: Sequence[Entity | Quote]) -> list:
            return [
                (q.speaker.start, q.speaker.end, q)
                for q in spans
                if isinstance(q, Quote) and q.speaker
            ]

        return SpanLayers(
            self.offsets,
            self.entities.replaced(split(removed, False), split(added, False)),
            self.quotes.replaced(split(removed, True), split(added, True)),
            self.speakers.replaced(voices(removed), voices(added)),
            self.noise,
        )


class SpanHighlighter(QSyntaxHighlighter):
    """Formats each text block from the span indexes in :attr:`layers`."""

    def __init__(self, document: QTextDocument, formats: SpanFormats) -> None:
        super().__init__(document)
        self.formats = formats
        self.layers = SpanLayers()
        self.blocks_formatted = 0  # a probe for tests and benchmarks: work done so far
        self._done = bytearray()  # per block number: 1 once formatted
        self._forced = False

    def forget(self, block_count: int) -> None:
        """Mark every block unformatted (a new text or new layers)."""
        self._done = bytearray(block_count)

    def is_formatted(self, block: QTextBlock) -> bool:
        """Whether ``block`` carries its formats already."""
        n = block.blockNumber()
        return 0 <= n < len(self._done) and bool(self._done[n])

    def format_block(self, block: QTextBlock) -> None:
        """Format one block now (visible, or asked for by an edit)."""
        self._forced = True
        try:
            self.rehighlightBlock(block)
        finally:
            self._forced = False

    def highlightBlock(self, text: str) -> None:
        """Apply the merged formats of every span that touches this block."""
        block = self.currentBlock()
        if not (self._forced or self.is_formatted(block)):
            return  # deferred until the view shows it
        self.blocks_formatted += 1
        if block.blockNumber() < len(self._done):
            self._done[block.blockNumber()] = 1
        qt_block = block.position()
        offsets = self.layers.offsets
        lo = offsets.to_py(qt_block)
        hi = lo + len(text)
        layers = self._layers(lo, hi)
        if not layers:
            return
        edges = sorted({lo, hi, *(max(lo, min(hi, x)) for s, e, _ in layers for x in (s, e))})
        for a, b in itertools.pairwise(edges):
            fmt: QTextCharFormat | None = None
            for s, e, f in layers:
                if s <= a and e >= b:
                    if fmt is None:
                        fmt = QTextCharFormat(f)
                    else:
                        fmt.merge(f)
            if fmt is not None:
                start = offsets.to_qt(a) - qt_block
                self.setFormat(start, offsets.to_qt(b) - qt_block - start, fmt)

    def _layers(self, lo: int, hi: int) -> list[tuple[int, int, QTextCharFormat]]:
        """``(start, end, format)`` of the spans in ``[lo, hi)``, lowest layer first."""
        lay, fm = self.layers, self.formats
        out = [(n.start, n.end, fm.noise) for n in lay.noise.overlapping(lo, hi)]
        for q in lay.quotes.overlapping(lo, hi):
            quote = QTextCharFormat(fm.quote)
            if q.item.id is not None:
                quote.setProperty(ID_PROPERTY, q.item.id)
            out.append((q.start, q.end, quote))
        out += [(e.start, e.end, fm.for_entity(e.item)) for e in lay.entities.overlapping(lo, hi)]
        out += [(s.start, s.end, fm.speaker) for s in lay.speakers.overlapping(lo, hi)]
        return out
