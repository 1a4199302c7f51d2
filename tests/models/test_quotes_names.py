"""Quoted names that words around them would make speech, each rule on fresh sentences:
a party or club in brackets after a person's name."""

from __future__ import annotations

import pytest
from test_quotes_helpers import pairs

pytestmark = pytest.mark.slow


def test_a_party_in_brackets_after_a_name_is_no_quote_after_a_words_noun() -> None:
    text = (
        "В среду комиссия по этике рассмотрит высказывания депутата Ивара Озолса "
        "(«Наша земля и народ») о пенсионерах."
    )
    assert pairs(text) == []


@pytest.mark.parametrize("marks", ['"{}"', "«{}»"])
def test_a_party_in_brackets_after_a_speaker_is_no_quote(marks: str) -> None:
    party = marks.format("Союз за честную политику")
    text = (
        f"Слова министра прокомментировал депутат Петр Лацис ({party}): «Министр обязан "
        "уйти в отставку»."
    )
    assert pairs(text) == [("Министр обязан уйти в отставку", "Петр Лацис")]


def test_a_quote_in_brackets_after_a_common_noun_is_still_judged() -> None:
    text = (
        "Жители вышли к мэрии с плакатами и скандировали лозунги («Верните нам "
        "автобусы!»), сообщил корреспондент Иван Долгов."
    )
    assert [q for q, _ in pairs(text)] == ["Верните нам автобусы!"]
