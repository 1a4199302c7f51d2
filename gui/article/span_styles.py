"""How a span's review state shows in the article: one mark per state, under its colour.

The label is the hue of the tint; the review state is the line under the words, drawn
by the view (:mod:`gui.article.marks`) two pixels thick so it reads at a glance: the
model's untouched suggestions get a dashed line (and a lighter tint), spans confirmed
or imported as gold a solid line, spans a person added or changed a double line. Bold
is kept for the speaker of a quote, italics for quoted words, and the selection is a
frame, so no two states share a mark, and shape carries the state, not hue, which also
reads for colour-blind users.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextFormat

STATE_PROPERTY = QTextFormat.Property.UserProperty + 4
MARK_PROPERTY = QTextFormat.Property.UserProperty + 5  # "dashed" | "solid" | "double"
COLOR_PROPERTY = QTextFormat.Property.UserProperty + 6  # the label colour, for the line

_TINT = {"suggested": 0.14}
CONFIRMED_TINT = 0.32
MARKS = {
    "suggested": "dashed",
    "confirmed": "solid",
    "imported": "solid",
    "changed": "double",
    "added": "double",
}
HUMAN = ("changed", "added")
DESCRIPTIONS = {
    "suggested": "model suggestion: dashed line, light tint",
    "confirmed": "confirmed (or imported gold): solid line",
    "changed": "added or changed by a person: double line",
    "speaker": "speaker of a quote: bold",
    "quote": "quoted words: italic, with a bar in the margin",
    "selected": "selected: a dark frame, the colours stay",
}


def style_state(fmt: QTextCharFormat, state: str) -> None:
    """Mark ``fmt`` (an entity's label format, a copy) with the span's review state."""
    fmt.setProperty(STATE_PROPERTY, state)
    fmt.setProperty(MARK_PROPERTY, MARKS.get(state, "solid"))
    color = fmt.background().color()
    color.setAlphaF(_TINT.get(state, CONFIRMED_TINT))
    fmt.setBackground(color)
