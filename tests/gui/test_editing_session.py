"""A scripted session of 200 mixed edits, undos and redos through keys and clicks.

After it, the database reopened from disk holds exactly what the view, the open
document and the panels show (all updated edit by edit, never reloaded), and undoing the
whole stack restores the file to what it was before the session.
"""

from __future__ import annotations

import random
import re

from PySide6.QtCore import Qt

from gui.panels.entity_model import EntityTreeModel

Mod = Qt.KeyboardModifier
K = Qt.Key
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


def _step(user, window, words: list[tuple[int, int]], rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    roll = rng.random()
    doc = window.current.document
    if roll < 0.30:
        first = rng.randrange(len(words))
        start, end = words[first][0], words[min(len(words) - 1, first + rng.randrange(2))][1]
        user.drag(start, end)
        user.key(
            rng.choice([K.Key_P, K.Key_L, K.Key_O, K.Key_Q]),
            rng.choice([Mod.NoModifier, Mod.NoModifier, Mod.AltModifier]),
        )
    elif roll < 0.60 and (doc.entities or doc.quotes):
        span = rng.choice([*doc.entities, *doc.quotes])
        user.click((span.start + span.end) // 2)
        user.key(*rng.choice(SPAN_KEYS))
    elif roll < 0.80:
        user.key(K.Key_Z, Mod.ControlModifier)
    elif roll < 0.92:
        user.key(K.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    elif roll < 0.97:
        user.key(K.Key_Tab)
    else:
        user.key(K.Key_A)


def _key(span) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    return span.start, span.end, span.id


def _shown(window) -> dict[str, list]:  # type: ignore[no-untyped-def]
    """What the article view and the panels show, comparable with a document."""
    layers = window.view.layers
    quotes = window.quote_panel.model
    return {
        "view entities": sorted((h.item for h in layers.entities), key=_key),
        "view quotes": sorted((h.item for h in layers.quotes), key=_key),
        "panel quotes": [quotes.quote(r) for r in range(quotes.rowCount())],
    }


def _tree(model) -> list:  # type: ignore[no-untyped-def]
    """Labels, groups and counts of an entity tree, in order."""
    out = []
    for r in range(model.rowCount()):
        head = model.index(r, 0)
        groups = [
            (model.index(g, 0, head).data(), model.index(g, 1, head).data())
            for g in range(model.rowCount(head))
        ]
        out.append((head.data(), model.index(r, 1).data(), groups))
    return out


def test_200_steps_then_the_file_matches_the_view(user, window, stored, text) -> None:
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    start = stored.first()
    rng = random.Random(11)
    for _ in range(200):
        _step(user, window, words, rng)
    on_disk, doc = stored.first(), window.current.document
    for kind in ("entities", "quotes"):
        assert sorted(getattr(on_disk, kind), key=_key) == sorted(getattr(doc, kind), key=_key)
    shown = _shown(window)
    assert shown["view entities"] == sorted(on_disk.entities, key=_key)
    assert shown["view quotes"] == sorted(on_disk.quotes, key=_key)
    assert shown["panel quotes"] == sorted(on_disk.quotes, key=lambda q: (q.start, q.end))
    assert _tree(window.entity_panel.model) == _tree(_fresh(window, on_disk))  # == rebuilt
    stack = window.editing.stack
    assert stack.count() > 20
    while stack.canUndo():
        stack.undo()
    assert stored.first() == start
    assert sorted(window.current.document.entities, key=_key) == sorted(start.entities, key=_key)
    assert _tree(window.entity_panel.model) == _tree(_fresh(window, start))


def _fresh(window, doc) -> EntityTreeModel:  # type: ignore[no-untyped-def]
    model = EntityTreeModel(window.labels)
    model.set_entities(doc.entities, doc.text)
    return model
