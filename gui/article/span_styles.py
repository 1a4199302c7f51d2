"""How a span's review state shows in the article, on top of its label colour.

A reviewer must see at a glance what still waits for a decision: the model's untouched
suggestions get a dashed underline and a lighter tint; confirmed (and imported) spans a
solid underline; spans a person added or changed are bold with a stronger tint. Shape
and weight carry the state, not hue, so it reads for colour-blind users too.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextCharFormat, QTextFormat

STATE_PROPERTY = QTextFormat.Property.UserProperty + 4

_TINT = {"suggested": 0.16, "confirmed": 0.30, "imported": 0.30, "changed": 0.45, "added": 0.45}
_UNDERLINE = {
    "suggested": QTextCharFormat.UnderlineStyle.DashUnderline,
    "confirmed": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "imported": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "changed": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "added": QTextCharFormat.UnderlineStyle.SingleUnderline,
}
HUMAN = ("changed", "added")
DESCRIPTIONS = {
    "suggested": "model suggestion: dashed underline, light tint",
    "confirmed": "confirmed: solid underline",
    "changed": "changed by a person: bold, solid underline, strong tint",
    "added": "added by a person: bold, solid underline, strong tint",
    "imported": "imported gold: solid underline",
}


def style_state(fmt: QTextCharFormat, state: str) -> None:
    """Mark ``fmt`` (an entity's label format, a copy) with the span's review state."""
    fmt.setProperty(STATE_PROPERTY, state)
    fmt.setUnderlineStyle(_UNDERLINE.get(state, QTextCharFormat.UnderlineStyle.SingleUnderline))
    color = fmt.background().color()
    color.setAlphaF(_TINT.get(state, 0.30))
    fmt.setBackground(color)
    if state in HUMAN:
        fmt.setFontWeight(QFont.Weight.Bold)
