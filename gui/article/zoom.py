"""Text zoom for the article: Ctrl+= / Ctrl+- / Ctrl+0, remembered between sessions.

Long reading sessions need a size that suits the reader's screen and eyes; the chosen
point size is kept in QSettings and applied to every article view of the window (the
article and the two panes of the review) at the next start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from gui.settings import settings

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtWidgets import QPlainTextEdit, QWidget

KEY = "view/article_point_size"
DEFAULT, SMALLEST, LARGEST, STEP = 11.0, 7.0, 32.0, 1.0


def remembered_size() -> float:
    """The article's point size as last chosen (the default before any zoom)."""
    try:
        size = float(settings().value(KEY, DEFAULT))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT
    return min(max(size, SMALLEST), LARGEST)


class TextZoom:
    """The point size of some article views, changed by the zoom actions."""

    def __init__(self, views: Callable[[], Sequence[QPlainTextEdit]]) -> None:
        self.views = views
        self.size = remembered_size()
        self.apply()

    def apply(self) -> None:
        """Give every view the current size."""
        for view in self.views():
            font = view.font()
            font.setPointSizeF(self.size)
            view.setFont(font)

    def set_size(self, size: float) -> None:
        """Zoom to ``size`` points (within bounds) and remember it."""
        self.size = min(max(size, SMALLEST), LARGEST)
        self.apply()
        store = settings()
        store.setValue(KEY, self.size)
        store.sync()

    def actions(self, parent: QWidget) -> list[QAction]:
        """Zoom in, zoom out, actual size: window-wide keys, for the View menu."""
        made = []
        for text, keys, tip, size in (
            ("Zoom &in", ["Ctrl+=", "Ctrl++"], "Larger article text", lambda: self.size + STEP),
            ("Zoom &out", ["Ctrl+-"], "Smaller article text", lambda: self.size - STEP),
            ("&Actual size", ["Ctrl+0"], "Article text at the default size", lambda: DEFAULT),
        ):
            action = QAction(text, parent, toolTip=f"{tip} ({keys[0]})")
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(lambda *_, size=size: self.set_size(size()))
            parent.addAction(action)
            made.append(action)
        return made
