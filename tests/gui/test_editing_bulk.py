"""Apply to all and remove everywhere from the keyboard, each one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt

Mod = Qt.KeyboardModifier


def _pers(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(e.text for e in doc.entities if e.label == "PER")


def _add_putin(user, text: str) -> None:  # type: ignore[no-untyped-def]
    i = text.index("Путин журналистам")
    user.drag(i, i + 5)
    user.key(Qt.Key.Key_P)


def test_same_words_in_this_document(user, stored, text) -> None:
    _add_putin(user, text)
    user.key(Qt.Key.Key_A, Mod.ControlModifier | Mod.ShiftModifier)
    assert _pers(stored.first()).count("Путин") == 1  # the only other "Путин" is nested


def test_all_forms_in_this_document_then_undo(user, window, stored, text) -> None:
    _add_putin(user, text)
    before = stored.first()
    user.key(Qt.Key.Key_A, Mod.ControlModifier | Mod.AltModifier)
    assert {"Путину", "Путина"} <= set(_pers(stored.first()))
    assert "Apply PER «Путин» to all in this document (2)" in window.editing.undo.text()
    window.editing.undo.trigger()
    assert stored.first() == before


def test_all_forms_in_all_documents(user, stored, text) -> None:
    _add_putin(user, text)
    user.key(Qt.Key.Key_A, Mod.ControlModifier | Mod.AltModifier | Mod.ShiftModifier)
    assert _pers(stored.documents()[1]) == ["Путин", "Путина"]


def test_remove_everywhere_in_all_documents(user, stored, text) -> None:
    _add_putin(user, text)
    user.key(Qt.Key.Key_Delete, Mod.ControlModifier | Mod.AltModifier | Mod.ShiftModifier)
    assert [_pers(d) for d in stored.documents()] == [
        ["Владимир Путин", "Садыром Жапаровым", "Юрия Крупнова"],
        [],
    ]


def test_bulk_keys_need_an_entity(user, stored, text) -> None:
    before = stored.first()
    user.click(text.index("важный"))  # a quote is current
    user.key(Qt.Key.Key_A, Mod.ControlModifier | Mod.ShiftModifier)
    assert stored.first() == before


def test_a_corpus_edit_that_only_touches_another_document_stays_here(
    user, window, stored, text
) -> None:  # type: ignore[no-untyped-def]
    first = window.current.id
    user.click(text.index("Бишкеке") + 1)  # the only form of it in this text
    user.key(Qt.Key.Key_A, Mod.ControlModifier | Mod.AltModifier | Mod.ShiftModifier)
    second = stored.documents()[1]
    assert "Бишкек" in [e.text for e in second.entities if e.label == "LOC"]
    assert window.current.id == first
