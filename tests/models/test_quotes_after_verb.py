"""The source named after the speech verb with an addressee, a channel or an adverbial
between them ("— сказал журналистам Иван Петров"): a name in apposition to the
addressee shares its case and number, a name that cannot is the subject; each rule
on fresh sentences."""

from __future__ import annotations

import pytest
from test_quotes_helpers import speakers

pytestmark = pytest.mark.slow


def test_a_nominative_name_after_a_plural_addressee_is_the_source() -> None:
    assert speakers("«Проект закроем к лету», — сказал журналистам Игорь Мальцев.") == [
        "Игорь Мальцев"
    ]


def test_an_adverbial_and_a_title_between_the_verb_and_the_name() -> None:
    text = "«Приговор обжалуем», — заявила журналистам после заседания адвокат Ольга Ветрова."
    assert speakers(text) == ["Ольга Ветрова"]


def test_a_name_after_a_channel_in_the_genitive() -> None:
    text = "«Бюджет примут в срок», — сообщил в эфире телеканала депутат Роман Гуляев."
    assert speakers(text) == ["Роман Гуляев"]


def test_a_surname_that_pymorphy_also_reads_as_a_plural_genitive() -> None:
    text = (
        "Глава района Олег Петров провел прием граждан. "
        "«Дорогу отремонтируем», — ответил на вопрос корреспондента Петров."
    )
    assert speakers(text) == ["Олег Петров"]


def test_a_name_in_the_addressees_case_is_still_the_addressee() -> None:
    text = "«Мост откроют в мае», — сказал корреспонденту Ивану Белову глава района Олег Рябов."
    assert speakers(text) == ["Олег Рябов"]
