"""Sources named by a common noun: an outlet noun for the outlet named before ("—
прогнозирует портал"), a resident or other person noun right after the speech verb
("— жалуется гайчанка"), a substantivized adjective ("— возмущаются местные")."""

from __future__ import annotations

import pytest
from test_quotes_helpers import pairs

pytestmark = pytest.mark.slow


def test_a_portal_is_the_portal_named_before_in_quotes() -> None:
    text = (
        "Такие данные привел портал о новостях кинорынка «Бюллетень прокатчика». "
        "«Касса уикенда составит около 300 миллионов рублей», — прогнозирует портал."
    )
    assert pairs(text) == [
        ("Касса уикенда составит около 300 миллионов рублей", "Бюллетень прокатчика")
    ]


def test_an_edition_is_the_outlet_named_by_its_domain() -> None:
    text = (
        "Цифры опубликовал сайт autostat.ru. «Продажи новых машин упали на пятую часть», "
        "— отмечает издание."
    )
    assert pairs(text) == [("Продажи новых машин упали на пятую часть", "autostat.ru")]


def test_an_outlet_noun_with_no_outlet_named_stays_itself() -> None:
    text = "«Продажи новых машин упали на пятую часть», — отмечает издание."
    assert pairs(text) == [("Продажи новых машин упали на пятую часть", "издание")]


def test_an_outlet_inside_an_earlier_quote_is_not_taken() -> None:
    text = (
        "Журнал «Итоги недели» опубликовал рейтинг. Министр Олег Ильин сказал: «Газета "
        "«Северный край» все переврала». «Список обновился наполовину», — пишет журнал."
    )
    assert pairs(text)[-1] == ("Список обновился наполовину", "Итоги недели")
