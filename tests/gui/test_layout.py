"""The window is usable at 1024×700: the article first, the legend whole, nothing clipped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from gui.main_window import MainWindow
from models import AnnotationService


def legend_is_whole(legend) -> bool:  # type: ignore[no-untyped-def]
    boxes = [QRect(c.geometry()) for c in legend.chips.values()]
    inside = all(legend.rect().contains(b) for b in boxes)
    unclipped = all(
        c.width() >= c.sizeHint().width() and c.isVisible() for c in legend.chips.values()
    )
    apart = all(not a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    return inside and unclipped and apart


@pytest.mark.parametrize("size", [(1024, 700), (1400, 900)])
def test_the_article_gets_first_claim_on_the_width(qtbot, store, size) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow(AnnotationService(store, "t"), remember_layout=False, size=size)
    qtbot.addWidget(w)
    w.show()
    w.open_first()
    qtbot.waitUntil(lambda: w.width() == size[0])
    assert w.view.width() >= 0.5 * size[0]
    assert legend_is_whole(w.legend)
    assert w.entities_dock.isVisible() and w.quotes_dock.isVisible()
    # The documents are a tab away at 1024 px, beside the entities; at 1400 px a column.
    tabbed = w.tabifiedDockWidgets(w.entities_dock)
    assert (w.documents_dock in tabbed) == (size[0] < 1200)


def test_narrowing_the_window_narrows_the_panels_not_the_article(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert window.width() == 1400
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    qtbot.wait(50)
    assert window.view.width() >= 0.5 * 1024
    assert legend_is_whole(window.legend)
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.width() == 800)
    qtbot.wait(50)
    assert window.view.width() >= 0.4 * 800 and legend_is_whole(window.legend)
