"""The legend above the article: what each colour and each mark means, and the hotkeys.

Every chip is drawn with the same tint, line, weight or frame the view uses, from the
same label set and the same state marks (:mod:`gui.article.span_styles`), so the legend
cannot drift from the highlighting. The chips wrap onto a second row when the article
is narrow; they never clip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from gui.article.flow_layout import FlowLayout
from gui.article.highlighter import BLOCK_TINT, ENTITY_TINT, NOISE_COLOR, tint
from gui.article.marks import FRAME_COLOR
from gui.article.span_styles import DESCRIPTIONS

if TYPE_CHECKING:
    from models import LabelSet

STATE_INK = "#555555"


def _rgba(color: str, alpha: float) -> str:
    c = tint(color, alpha)
    return f"rgba({c.red()}, {c.green()}, {c.blue()}, {c.alphaF():.2f})"


class LegendWidget(QWidget):
    """Chips: entity labels, quote, speaker, the three review states, selection, noise."""

    def __init__(self, labels: LabelSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.chips: dict[str, QLabel] = {}
        self.flow = FlowLayout(self, spacing=6)
        self.flow.setContentsMargins(8, 4, 8, 4)
        for label in labels.entities:
            self._add(
                label.name,
                f"{label.name} · {label.description}",
                f"background: {_rgba(label.color, ENTITY_TINT)};"
                f" border-bottom: 2px solid {label.color};",
                f"{label.description}: hotkey {label.hotkey}",
            )
        quote, speaker = labels.quote, labels.speaker
        self._add(
            quote.name,
            "«Quote»",
            f"font-style: italic; background: {_rgba(quote.color, BLOCK_TINT * 2)};"
            f" border-left: 4px solid {quote.color};",
            f"{DESCRIPTIONS['quote']}; hotkey {quote.hotkey}",
        )
        self._add(
            speaker.name, "Speaker", "font-weight: bold;", f"{DESCRIPTIONS['speaker']}; hotkey S"
        )
        for key, text, line in (
            ("suggested", "suggested", "2px dashed"),
            ("confirmed", "confirmed", "2px solid"),
            ("changed", "by a person", "4px double"),
        ):
            self._add(key, text, f"border-bottom: {line} {STATE_INK};", DESCRIPTIONS[key])
        self._add(
            "selected", "selected", f"border: 2px solid {FRAME_COLOR};", DESCRIPTIONS["selected"]
        )
        self._add(
            "NOISE",
            "caption · ad · header",
            f"color: {NOISE_COLOR};",
            "Photo captions, ad markers, repeated paragraphs and the news header line"
            " (dimmed: not article prose, left out of sentence exports)",
        )

    def _add(self, key: str, text: str, style: str, tip: str) -> None:
        chip = QLabel(text, self)
        chip.setObjectName(f"legend_{key}")
        chip.setStyleSheet(f"QLabel {{ {style} padding: 1px 5px; border-radius: 0px; }}")
        chip.setToolTip(tip)
        self.chips[key] = chip
        self.flow.addWidget(chip)

    def hasHeightForWidth(self) -> bool:
        """Its height follows its width (the chips wrap)."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height of the rows the chips need at ``width``."""
        return self.flow.heightForWidth(width)
