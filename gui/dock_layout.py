"""The article gets first claim on the window's width; the side panels give way.

QMainWindow keeps its docks at their width when the window narrows and squeezes the
central widget instead: at 1024 px the article was 200 px wide between two 340 px
panels. :class:`ArticleFirst` watches the window's size and, whenever the article
would get less than about half of it, narrows the side panels (the document list a
little more, as it is read least while reviewing). A wide window keeps the widths the
user gave the panels. The default layout of a narrow window (a 1024 px laptop) puts the
document list in a tab beside the entities, so there is one side column, not two.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QMainWindow

DEFAULT_SIZE = (1400, 900)
ARTICLE_SHARE = 0.52  # of the window's width, at least
SIDE_WIDTH = 340  # a side panel at most
LEFT_SHARE = 0.45  # of the width the panels get, the document list's part
SEPARATORS = 16  # dock separators and frames, roughly
NARROW = 1200  # a window narrower than this starts with one side column


def default_size() -> tuple[int, int]:
    """1400x900, or the screen's free area when that is smaller (offscreen: no screen)."""
    screen = QGuiApplication.primaryScreen()
    if screen is None or QGuiApplication.platformName() == "offscreen":
        return DEFAULT_SIZE
    free = screen.availableGeometry()
    return min(DEFAULT_SIZE[0], free.width()), min(DEFAULT_SIZE[1], free.height())


class ArticleFirst(QObject):
    """Keeps the central article at least ``ARTICLE_SHARE`` of the window's width."""

    def __init__(self, window: QMainWindow, left: QDockWidget, right: QDockWidget) -> None:
        super().__init__(window)
        self.main, self.left, self.right = window, left, right
        window.installEventFilter(self)

    def _docked(self) -> list[QDockWidget]:
        return [
            d
            for d in (self.left, self.right)
            if not d.isHidden()
            and not d.isFloating()
            and self.main.dockWidgetArea(d)
            in (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
        ]

    def default_layout(self, width: int) -> None:
        """The first layout for a window ``width`` px wide (no layout was saved)."""
        if width < NARROW:
            self.main.tabifyDockWidget(self.right, self.left)
            self.right.raise_()  # the entities in front; the documents a tab away
        self.fit(width, always=True)

    def fit(self, width: int, always: bool = False) -> None:
        """Size the side panels for a window ``width`` px wide (only if the article
        would get too little, unless ``always``)."""
        docks = self._docked()
        if self.main.tabifiedDockWidgets(self.right) and self.left in docks:
            docks.remove(self.left)  # one column: the documents are a tab of it
        if not docks:
            return
        spare = max(int(width * (1 - ARTICLE_SHARE)) - SEPARATORS, 0)
        if not always and sum(d.width() for d in docks) <= spare:
            return
        if len(docks) == 2:
            sizes = [int(spare * LEFT_SHARE), spare - int(spare * LEFT_SHARE)]
        else:
            sizes = [spare]
        self.main.resizeDocks(docks, [min(SIDE_WIDTH, s) for s in sizes], Qt.Orientation.Horizontal)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A narrower window: narrow the panels before the layout squeezes the article."""
        if watched is self.main and event.type() == QEvent.Type.Resize:
            self.fit(event.size().width())  # type: ignore[attr-defined]
        return False
