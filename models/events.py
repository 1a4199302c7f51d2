"""A tiny observer, so views refresh from model events without models/ importing Qt.

Modelled on napari's ``model.events.<name>``: the service owns one ``Signal`` per kind of
change and every edit, undo and redo emits through it, so the screen updates the same way
whatever caused the change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Callback = Callable[..., Any]


class Signal:
    """Callbacks called in connection order with the arguments of ``emit``."""

    def __init__(self, name: str = "") -> None:
        self.name = name
        self._callbacks: list[Callback] = []

    def connect(self, callback: Callback) -> Callback:
        """Call ``callback`` on every emit; returns it, so this works as a decorator."""
        if callback not in self._callbacks:
            self._callbacks.append(callback)
        return callback

    def disconnect(self, callback: Callback | None = None) -> None:
        """Stop calling ``callback`` (every callback when None); unknown ones are ignored."""
        if callback is None:
            self._callbacks.clear()
        elif callback in self._callbacks:
            self._callbacks.remove(callback)

    def emit(self, *args: Any) -> None:
        """Call every connected callback; a callback connected meanwhile waits for the next."""
        for callback in list(self._callbacks):
            callback(*args)

    def __len__(self) -> int:
        return len(self._callbacks)

    def __repr__(self) -> str:
        return f"Signal({self.name!r}, {len(self._callbacks)} connected)"
