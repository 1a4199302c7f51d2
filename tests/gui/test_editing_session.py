"""A scripted session of 200 mixed edits, undos and redos through keys and clicks.

After it, the database reopened from disk holds exactly what the view shows (the view
is updated edit by edit, never reloaded), and undoing the whole stack restores the file
to what it was before the session.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from edit_helpers import TEXT, click, db_fixture, drag, key, reopened, window_fixture  # noqa: F401 (fixtures)
from PySide6.QtCore import Qt

Mod = Qt.KeyboardModifier
K = Qt.Key
WORDS = [(m.start(), m.end()) for m in re.finditer(r"\w+", TEXT)]
SPAN_KEYS = [
    (K.Key_Delete, Mod.NoModifier),
    (K.Key_O, Mod.NoModifier),
    (K.Key_L, Mod.NoModifier),
    (K.Key_Right, Mod.ShiftModifier),
    (K.Key_Left, Mod.ShiftModifier),
    (K.Key_Left, Mod.ShiftModifier | Mod.ControlModifier),
    (K.Key_Right, Mod.ShiftModifier | Mod.ControlModifier),
    (K.Key_Return, Mod.NoModifier),
    (K.Key_1, Mod.NoModifier),
    (K.Key_U, Mod.NoModifier),
]


def _step(qtbot, window, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    roll = rng.random()
    doc = window.view.current_document
    if roll < 0.30:
        start, _ = rng.choice(WORDS)
        _, end = WORDS[
            min(
                len(WORDS) - 1,
                WORDS.index(next(w for w in WORDS if w[0] == start)) + rng.randrange(2),
            )
        ]
        drag(qtbot, window, start, end)
        key(
            qtbot,
            window,
            rng.choice([K.Key_P, K.Key_L, K.Key_O, K.Key_Q]),
            rng.choice([Mod.NoModifier, Mod.NoModifier, Mod.AltModifier]),
        )
    elif roll < 0.60 and (doc.entities or doc.quotes):
        span = rng.choice([*doc.entities, *doc.quotes])
        click(qtbot, window, (span.start + span.end) // 2)
        key(qtbot, window, *rng.choice(SPAN_KEYS))
    elif roll < 0.80:
        key(qtbot, window, K.Key_Z, Mod.ControlModifier)
    elif roll < 0.92:
        key(qtbot, window, K.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    elif roll < 0.97:
        key(qtbot, window, K.Key_Tab)
    else:
        key(qtbot, window, K.Key_A)


def _key(span) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    return span.start, span.end, span.id


def test_200_steps_then_the_file_matches_the_view(qtbot, window, db: Path) -> None:
    start = reopened(db)
    rng = random.Random(11)
    for _ in range(200):
        _step(qtbot, window, rng)
    stored, shown = reopened(db), window.view.current_document
    for kind in ("entities", "quotes"):
        assert sorted(getattr(stored, kind), key=_key) == sorted(getattr(shown, kind), key=_key)
    stack = window.editing.stack
    assert stack.count() > 20
    while stack.canUndo():
        stack.undo()
    assert reopened(db) == start
    assert sorted(window.view.current_document.entities, key=_key) == sorted(
        start.entities, key=_key
    )
