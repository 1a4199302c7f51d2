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


@pytest.mark.parametrize("resident", ["кимрячка", "ухтинка", "тутаевчанка"])
def test_a_resident_noun_pymorphy_does_not_know_is_the_source(resident: str) -> None:
    text = (
        "Во дворе на улице Мира третий месяц не вывозят мусор. "
        f"«Контейнеры переполнены, крысы бегают среди бела дня», — жалуется {resident}."
    )
    assert pairs(text) == [("Контейнеры переполнены, крысы бегают среди бела дня", resident)]


def test_local_people_named_by_an_adjective() -> None:
    text = (
        "В поселке Луговом неделю нет света. «Продукты в холодильниках испортились, "
        "детей купаем в холодной воде», — возмущаются местные."
    )
    assert pairs(text) == [
        ("Продукты в холодильниках испортились, детей купаем в холодной воде", "местные")
    ]


def test_a_participle_for_the_injured_woman() -> None:
    text = (
        "На остановке у рынка собака укусила женщину. «Она выскочила из-за киоска и "
        "вцепилась мне в ногу», — рассказала пострадавшая."
    )
    assert pairs(text) == [("Она выскочила из-за киоска и вцепилась мне в ногу", "пострадавшая")]


def test_a_participle_before_its_noun_is_no_source() -> None:
    text = (
        "Власти пообещали снизить цены на хлеб. «Слишком смелое обещание», — считает "
        "опрошенный «Известиями» экономист."
    )
    assert pairs(text) == [("Слишком смелое обещание", "экономист")]


def test_a_resident_noun_stands_for_the_resident_named_before() -> None:
    text = (
        "Пенсионерка Нина Орлова обратилась в редакцию. «Лифт стоит с весны, а я живу "
        "на девятом этаже», — сетует пенсионерка."
    )
    assert pairs(text) == [("Лифт стоит с весны, а я живу на девятом этаже", "Нина Орлова")]


def test_a_role_noun_after_an_adverbial_with_a_demonstrative() -> None:
    text = (
        "Губернатор Павел Рябов осмотрел новый мост. После этого губернатор заявил: "
        "«Движение по мосту откроем в мае»."
    )
    assert pairs(text) == [("Движение по мосту откроем в мае", "Павел Рябов")]


def test_a_role_noun_pymorphy_reads_first_as_a_participle() -> None:
    text = (
        "Форвард «Сокола» Антон Ильин забил дважды. «Спасибо болельщикам за поддержку "
        "весь матч», — сказал 30-летний нападающий."
    )
    assert pairs(text) == [("Спасибо болельщикам за поддержку весь матч", "Антон Ильин")]
