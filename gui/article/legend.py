"""The legend above the article: what each colour means, and the label hotkeys.

Every chip is drawn with the same tint and underline the view uses, from the same label
set, so the legend cannot drift from the highlighting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from gui.article.highlighter import ENTITY_TINT, NOISE_COLOR, QUOTE_TINT, tint

if TYPE_CHECKING:
    from models import LabelSet


def _rgba(color: str, alpha: float) -> str:
    c = tint(color, alpha)
    return f"rgba({c.red()}, {c.green()}, {c.blue()}, {c.alphaF():.2f})"


class LegendWidget(QWidget):
    """A row of chips: entity labels, quote, speaker and dimmed noise."""

    def __init__(self, labels: LabelSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        # A narrow window clips the last chips rather than refusing to shrink below them.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.chips: dict[str, QLabel] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(8)
        for label in labels.entities:
            self._add(
                layout,
                label.name,
                f"{label.name} · {label.description}",
                f"background: {_rgba(label.color, ENTITY_TINT)};"
                f" border-bottom: 2px solid {label.color};",
                f"{label.description}: hotkey {label.hotkey}",
            )
        quote = labels.quote
        self._add(
            layout,
            quote.name,
            "«Quote»",
            f"background: {_rgba(quote.color, QUOTE_TINT)}; border-left: 4px solid {quote.color};",
            f"{quote.description}: hotkey {quote.hotkey}",
        )
        speaker = labels.speaker
        self._add(
            layout,
            speaker.name,
            "Speaker",
            f"font-weight: bold; border-bottom: 2px solid {speaker.color};",
            f"{speaker.description}: hotkey {speaker.hotkey}",
        )
        self._add(
            layout,
            "NOISE",
            "caption · ad · repeat",
            f"color: {NOISE_COLOR};",
            "Photo captions, ad markers and repeated paragraphs (not article prose)",
        )
        layout.addStretch(1)

    def _add(self, layout: QHBoxLayout, key: str, text: str, style: str, tip: str) -> None:
        chip = QLabel(text)
        chip.setObjectName(f"legend_{key}")
        chip.setStyleSheet(f"QLabel {{ {style} padding: 2px 6px; border-radius: 0px; }}")
        chip.setToolTip(tip)
        self.chips[key] = chip
        layout.addWidget(chip)
