"""The installed Qt binding must not leak references to None.

PySide6 6.12.0 on CPython < 3.12 drops one reference to ``None`` on every call of a
method that returns void (``QPoint.setX``, ``QTextCharFormat.setProperty``, …). The
window makes hundreds of such calls per opened document, so the process aborts with
"Fatal Python error: none_dealloc" after about a hundred documents (or at once on a
1 MB article). The small GUI tests would pass on such a binding; this one fails with the
reason instead. Since CPython 3.12 ``None`` is immortal and the leak is harmless.
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QPoint

CALLS = 2000
_REPAID: list[None] = []  # references handed back to None so this test does no harm


def test_void_calls_keep_none_alive() -> None:
    point = QPoint()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        point.setX(1)
    lost = before - sys.getrefcount(None)
    _REPAID.extend([None] * max(lost, 0))
    assert lost < CALLS // 2, (
        f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]} loses a "
        f"reference to None per void call ({lost} in {CALLS} calls): the window would "
        "abort with 'none_dealloc'. Install another PySide6 (6.11.3 works)."
    )
