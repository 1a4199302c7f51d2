"""The round-3 rules, each on a fresh sentence (none copied from quotes_round3.json):
plural and institutional anaphora, speech after an addressee, titles, sloppy marks."""

from __future__ import annotations

import pytest
from test_quotes_helpers import pairs, speakers

pytestmark = pytest.mark.slow


def test_they_after_coordinated_persons_lists_both() -> None:
    text = (
        "Фермеры Николай Зуев и Андрей Быков собрали рекордный урожай. «Такой пшеницы "
        "в районе не было двадцать лет», — рассказали они."
    )
    assert speakers(text) == ["Николай Зуев, Андрей Быков"]


def test_they_after_a_body_as_subject() -> None:
    text = (
        "Росстат опубликовал данные о зарплатах. «Реальные доходы населения выросли "
        "на четыре процента», — уточнили они."
    )
    assert speakers(text) == ["Росстат"]


def test_they_with_two_candidates_stays_unresolved() -> None:
    text = (
        "Минфин и Центробанк разошлись в оценках. «Инфляция замедлится уже к весне», "
        "— полагают они."
    )
    assert speakers(text) == ["они"]


def test_they_with_no_plural_antecedent_stays_unresolved() -> None:
    text = (
        "Сергей Иванов встретился с Анной Петровой. «Мы договорились о новом "
        "проекте», — сказали они."
    )
    assert speakers(text) == ["они"]


def test_in_the_agency_is_the_body_named_before() -> None:
    text = (
        "Минприроды предложило ужесточить штрафы за свалки. «Сумма штрафа для "
        "компаний вырастет втрое», — пояснили в министерстве."
    )
    assert speakers(text) == ["Минприроды"]


def test_there_is_the_subject_body_of_the_nearest_sentence() -> None:
    text = (
        "В «Ростелекоме» рассказали о сбое в Новосибирской области. «Связь "
        "восстановлена у всех абонентов», — заверили там."
    )
    assert speakers(text) == ["Ростелеком"]


def test_there_without_a_body_is_no_source() -> None:
    text = "«Мы провели там три дня и видели все своими глазами», — рассказал Павел Сидоров."
    assert speakers(text) == ["Павел Сидоров"]


def test_speech_after_a_verb_and_its_addressee_without_a_colon() -> None:
    text = "Министр спорта Михаил Дегтярев сказал спортсменам «Вы показали настоящий характер»."
    assert pairs(text) == [("Вы показали настоящий характер", "Михаил Дегтярев")]


def test_a_short_name_after_an_addressee_and_a_naming_noun_is_no_quote() -> None:
    text = "Губернатор сообщил гостям фестиваля «Город встречает друзей» о новой программе."
    assert pairs(text) == []


def test_a_topic_after_the_addressee_is_no_quote() -> None:
    text = "Актер рассказал журналистам о спектакле «Вишневый сад» и новых ролях."
    assert pairs(text) == []


def test_a_specific_synonym_beats_the_generic_head() -> None:
    text = (
        "Глава Самарской области Вячеслав Федорищев и мэр Самары Иван Носков осмотрели "
        "набережную. «Работы завершим к маю», — сказал градоначальник."
    )
    assert speakers(text) == ["Иван Носков"]


def test_a_fitting_complement_beats_a_bare_synonym() -> None:
    text = (
        "Министр обороны Андрей Белоусов и глава Минфина Антон Силуанов выступили в "
        "Совфеде. «Гособоронзаказ выполнен полностью», — сказал министр обороны."
    )
    assert speakers(text) == ["Андрей Белоусов"]


@pytest.mark.parametrize(
    "text",
    [
        "«Решение уже принято» — сказал губернатор Олег Кувшинников.",
        "« Решение уже принято », — сказал губернатор Олег Кувшинников.",
        "«Решение уже принято», -- сказал губернатор Олег Кувшинников.",
        "«Решение уже принято», – сказал губернатор Олег Кувшинников.",
        "«Решение уже принято»,—сказал губернатор Олег Кувшинников.",
        "«Решение уже принято…» — сказал губернатор Олег Кувшинников.",
    ],
)
def test_sloppy_punctuation_still_attributes(text: str) -> None:
    assert speakers(text) == ["Олег Кувшинников"]


def test_dash_dialogue_without_quotation_marks_is_no_quote() -> None:
    text = (
        "— Сколько стоит билет? — спросил турист.\n\n— Двести рублей, — ответил "
        "кассир. — Для пенсионеров бесплатно."
    )
    assert pairs(text) == []


def test_they_after_persons_coordinated_across_a_title() -> None:
    text = (
        "Ректор Олег Смирнов и проректор Ирина Гусева встретились со студентами. "
        "«Общежитие откроется к сентябрю», — пообещали они."
    )
    assert speakers(text) == ["Олег Смирнов, Ирина Гусева"]
