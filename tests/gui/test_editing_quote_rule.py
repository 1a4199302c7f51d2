"""The window keeps the quote rule that every import keeps: quotes never overlap."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

import models.pipeline
from models import Store
from models.io.exporters import ExportOptions, export
from models.io.importers import import_files


def test_q_refuses_an_overlapping_quote_and_what_it_accepts_reads_back(
    user, window, stored, text, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    i = text.index("важный")
    user.drag(i, text.index("Путину понравилось") + 6)  # across the end of «это важный шаг»
    user.key(Qt.Key.Key_Q)
    message = window.status.full_text()
    assert "overlaps the quote «это важный шаг»" in message and "never overlap" in message
    assert window.editing.stack.count() == 0
    assert [q.text for q in stored.first().quotes] == ["это важный шаг"]
    user.drag(text.index("«Мы"), text.index("»") + 1)
    user.key(Qt.Key.Key_Q)  # a quote of its own, before the other: accepted
    assert [q.text for q in stored.first().quotes] == ["Мы договорились", "это важный шаг"]

    # No natasha: the records carry their spans; the model snapshot may stay empty.
    monkeypatch.setattr(
        models.pipeline,
        "pre_annotate_many",
        lambda docs, jobs=1, *_: ((d, d.with_annotations([], []), "") for d in docs),
    )
    out = tmp_path / "corpus.jsonl"
    store = Store(stored.path)
    export(store, "jsonl", out, ExportOptions())
    store.close()
    fresh = Store.in_memory()
    assert import_files(fresh, [out]).errors == []  # the lossless export reads back
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    back = fresh.document(first["id"])
    assert [q.text for q in back.quotes] == ["Мы договорились", "это важный шаг"]
