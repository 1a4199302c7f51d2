"""Connecting a Qt object's method to a model event for as long as the object lives.

``models/`` announces changes through its own small :class:`models.events.Signal`,
which knows nothing of Qt object lifetimes. A widget or item model that listens through
:func:`subscribe` is disconnected when Qt destroys it, and the event holds it only
weakly, so a service that outlives a window (a test, a second window) neither keeps the
window's objects alive nor calls into deleted ones.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from models.events import Signal


def subscribe(signal: Signal, method: Callable[..., Any], owner: QObject) -> None:
    """Call the bound ``method`` on every ``signal`` until ``owner`` is destroyed."""
    ref = weakref.WeakMethod(method)

    def forward(*args: Any) -> None:
        live = ref()
        if live is None:
            signal.disconnect(forward)
        else:
            live(*args)

    signal.connect(forward)
    owner.destroyed.connect(lambda *_: signal.disconnect(forward))
