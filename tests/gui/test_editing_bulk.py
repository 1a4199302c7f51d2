"""Apply to all and remove everywhere from the keyboard, each one undo step."""

from __future__ import annotations

from pathlib import Path

from edit_helpers import TEXT, click, db_fixture, drag, key, reopened, window_fixture  # noqa: F401 (fixtures)
from PySide6.QtCore import Qt

from models.store.store import Store

Mod = Qt.KeyboardModifier


def _pers(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(e.text for e in doc.entities if e.label == "PER")


def _add_putin(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    i = TEXT.index("Путин журналистам")
    drag(qtbot, window, i, i + 5)
    key(qtbot, window, Qt.Key.Key_P)


def test_same_words_in_this_document(qtbot, window, db: Path) -> None:
    _add_putin(qtbot, window)
    key(qtbot, window, Qt.Key.Key_A, Mod.ControlModifier | Mod.ShiftModifier)
    assert _pers(reopened(db)).count("Путин") == 1  # the only other "Путин" is nested


def test_all_forms_in_this_document_then_undo(qtbot, window, db: Path) -> None:
    _add_putin(qtbot, window)
    before = reopened(db)
    key(qtbot, window, Qt.Key.Key_A, Mod.ControlModifier | Mod.AltModifier)
    assert {"Путину", "Путина"} <= set(_pers(reopened(db)))
    assert "Apply PER «Путин» to all in this document (2)" in window.editing.undo.text()
    window.editing.undo.trigger()
    assert reopened(db) == before


def test_all_forms_in_all_documents(qtbot, window, db: Path) -> None:
    _add_putin(qtbot, window)
    key(qtbot, window, Qt.Key.Key_A, Mod.ControlModifier | Mod.AltModifier | Mod.ShiftModifier)
    store = Store(db)
    second = store.document(store.document_ids()[1])
    store.close()
    assert _pers(second) == ["Путин", "Путина"]


def test_remove_everywhere_in_all_documents(qtbot, window, db: Path) -> None:
    _add_putin(qtbot, window)
    key(qtbot, window, Qt.Key.Key_Delete, Mod.ControlModifier | Mod.AltModifier | Mod.ShiftModifier)
    store = Store(db)
    docs = [store.document(d) for d in store.document_ids()]
    store.close()
    assert [_pers(d) for d in docs] == [
        ["Владимир Путин", "Садыром Жапаровым", "Юрия Крупнова"],
        [],
    ]


def test_bulk_keys_need_an_entity(qtbot, window, db: Path) -> None:
    before = reopened(db)
    click(qtbot, window, TEXT.index("важный"))  # a quote is current
    key(qtbot, window, Qt.Key.Key_A, Mod.ControlModifier | Mod.ShiftModifier)
    assert reopened(db) == before


def test_a_corpus_edit_that_only_touches_another_document_stays_here(
    qtbot, window, db: Path
) -> None:
    first = window.current_id
    click(qtbot, window, TEXT.index("Бишкеке") + 1)  # the only form of it in this text
    key(qtbot, window, Qt.Key.Key_A, Mod.ControlModifier | Mod.AltModifier | Mod.ShiftModifier)
    store = Store(db)
    second = store.document(store.document_ids()[1])
    store.close()
    assert "Бишкек" in [e.text for e in second.entities if e.label == "LOC"]
    assert window.current_id == first
