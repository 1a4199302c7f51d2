"""Hotkeys by physical key: with a Cyrillic layout active, З works as P and Ctrl+Я as Ctrl+Z.

Russian annotators type in ЙЦУКЕН all day. With only a Cyrillic layout installed, the
key event carries the Cyrillic letter (Qt finds the Latin letter only when a Latin layout
is installed beside it), so no Latin shortcut matches and the key would do nothing.
:class:`LayoutKeys` watches the key presses that no shortcut took: a Cyrillic letter
outside a text field is read as the Latin letter on the same key of a QWERTY keyboard
(the map below, ЙЦУКЕН and the Ukrainian and Belarusian letters), and the window's
action with that shortcut is triggered, in the same shortcut context Qt would use.

The same filter reports the start of every gesture in the window (a key about to be
handled, a mouse press) as ``gesture``, so the status line can drop the words of the
previous one; one application filter serves both, as each costs a call per event.

Only presses no shortcut took are translated, so when Qt itself matched the Latin key
(a Latin layout is installed too) nothing runs twice, and a Cyrillic shortcut, if one
is ever defined, wins. Registering the Cyrillic twins as extra shortcuts instead would
make both match where the platform offers both keys (Windows), which Qt treats as an
ambiguous shortcut and runs neither.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_RU = "ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ"
_QWERTY = "QWERTYUIOP[]ASDFGHJKL;'ZXCVBNM,.`"
# The letters Ukrainian and Belarusian put where Russian has Ы, Ъ, Э and Щ.
PHYSICAL: dict[str, str] = {**dict(zip(_RU, _QWERTY)), "І": "S", "Ї": "]", "Є": "'", "Ў": "O"}
CYRILLIC: dict[str, str] = dict(zip(_QWERTY, _RU))
"""Latin key → the letter on the same key in the Russian layout."""


def latin_combination(event: QKeyEvent) -> QKeyCombination | None:
    """The key press as it would read on the Latin layout, or None if not a Cyrillic key."""
    key = event.key()
    latin = PHYSICAL.get(chr(key).upper()) if 0x400 <= key <= 0x4FF else None
    if latin is None:
        return None
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return QKeyCombination(mods, Qt.Key(ord(latin)))


def cyrillic_text(sequence: QKeySequence) -> str | None:
    """``Ctrl+Я`` for ``Ctrl+Z``: the same keys read in the Russian layout (None: no letter)."""
    if sequence.count() != 1:
        return None
    combo = sequence[0]  # type: ignore[index]  # the stubs miss QKeySequence.operator[]
    key = combo.key()
    twin = CYRILLIC.get(chr(key)) if Qt.Key.Key_A <= key <= Qt.Key.Key_Z else None
    if twin is None:
        return None
    return QKeySequence(QKeyCombination(combo.keyboardModifiers(), Qt.Key(ord(twin)))).toString(
        QKeySequence.SequenceFormat.NativeText
    )


def _types_text(widget: QWidget) -> bool:
    """Whether letters typed into ``widget`` are text (a search box, a name field)."""
    if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
        return True
    return isinstance(widget, (QTextEdit, QPlainTextEdit)) and not widget.isReadOnly()


def _finishes_typing(widget: QWidget, event: QEvent) -> bool:
    """Whether a key press in a text field is its Enter (a search, a rename)."""
    finishing = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
    return (
        isinstance(event, QKeyEvent)
        and event.key() in finishing
        and event.modifiers()
        in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        and _types_text(widget)
    )


def _inside(widget: QWidget | None, ancestor: QWidget) -> bool:
    while widget is not None:
        if widget is ancestor:
            return True
        widget = widget.parentWidget()
    return False


def _applies(action: QAction, focus: QWidget, window: QWidget) -> bool:
    """Whether ``action``'s shortcut context holds with ``focus`` focused (as in Qt)."""
    context = action.shortcutContext()
    widgets = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
    if context == Qt.ShortcutContext.ApplicationShortcut:
        return bool(widgets)
    if context == Qt.ShortcutContext.WindowShortcut:
        return any(_inside(w, window) for w in widgets)
    if context == Qt.ShortcutContext.WidgetShortcut:
        return focus in widgets
    return any(_inside(focus, w) for w in widgets)


GESTURES = (
    QEvent.Type.ShortcutOverride,  # every key press, before a shortcut or the widget sees it
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
)


class LayoutKeys(QObject):
    """Runs ``window``'s actions by physical key when a Cyrillic layout is active."""

    gesture = Signal()
    """A key press or a click in the window begins (before it is handled)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)  # Qt drops a filter when it is deleted

    def action_for(self, combination: QKeyCombination, focus: QWidget) -> QAction | None:
        """The enabled action of the window whose shortcut is ``combination`` here."""
        wanted = QKeySequence(combination)
        for action in self.window.findChildren(QAction):
            if (
                action.isEnabled()
                and wanted in action.shortcuts()
                and _applies(action, focus, self.window)
            ):
                return action
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A key press no shortcut took: try it as the Latin key in the same place."""
        kind = event.type()
        if kind in GESTURES:
            if not isinstance(watched, QWidget):
                return False
            if kind == QEvent.Type.ShortcutOverride and _finishes_typing(watched, event):
                event.accept()  # Enter ends the typing (in a dialog too): no window action
            if watched.window() is self.window:
                self.gesture.emit()
            return False
        if kind != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if watched is not QApplication.focusWidget() or watched.window() is not self.window:
            return False  # a press passed on to a parent was seen at its first receiver
        combination = latin_combination(event)  # type: ignore[arg-type]
        if combination is None or _types_text(watched):
            return False
        action = self.action_for(combination, watched)
        if action is None:
            return False
        action.trigger()
        event.accept()
        return True
