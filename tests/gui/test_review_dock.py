"""The review view (Ctrl+R) is a dock under the article: Esc and Close hide it, it never
covers the article and never takes the typing meant for the search box."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from gui.panels.review_view import ReviewView

Mod = Qt.KeyboardModifier


def on_window(widget, window) -> QRect:  # type: ignore[no-untyped-def]
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def test_ctrl_r_shows_a_dock_beside_the_article(user, window) -> None:
    user.key(Qt.Key.Key_R, Mod.ControlModifier)
    review = window.findChild(ReviewView)
    assert review.isVisible() and not review.isWindow()  # part of the main window
    assert window.dockWidgetArea(review) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert not on_window(review, window).intersects(on_window(window.view, window))
    assert window.view.height() > 200  # the article stays readable above it


def test_escape_and_close_hide_it(qtbot, user, window) -> None:
    user.key(Qt.Key.Key_R, Mod.ControlModifier)
    review = window.editing.review
    review.list.setFocus()
    qtbot.keyClick(review.list, Qt.Key.Key_Escape)
    assert not review.isVisible()
    user.key(Qt.Key.Key_R, Mod.ControlModifier)
    assert review.isVisible()
    qtbot.mouseClick(review.close_button, Qt.MouseButton.LeftButton)
    assert not review.isVisible()


def test_typing_meant_for_the_search_box_stays_there(qtbot, window) -> None:
    box = window.document_list.search_box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_R, Mod.ControlModifier)
    assert window.editing.review.isVisible()
    assert QApplication.focusWidget() is box and QApplication.activeWindow() is window
    qtbot.keyClicks(QApplication.focusWidget(), "Bishkek")
    assert box.text() == "Bishkek"
