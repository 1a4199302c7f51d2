"""Quoted names that words around them would make speech, each rule on fresh sentences:
a party or club in brackets after a person's name, a title after a clause naming a work,
an outlet's headline in a digest line."""

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


def test_a_title_after_a_clause_naming_a_work_is_no_quote_after_a_speech_verb() -> None:
    text = (
        "Весной журналистка Анна Ремизова написала колонку для городского портала, "
        "заголовок которой говорит сам за себя: «Как город потерял свой трамвай»."
    )
    assert pairs(text) == []


def test_a_title_after_a_clause_naming_an_article_is_no_quote() -> None:
    text = (
        "Экономист Олег Вьюгин рассказал об этом подробно, его статья называется так: "
        "«Почему рубль больше не падает»."
    )
    assert pairs(text) == []


def test_an_answer_worded_like_a_title_after_a_speech_verb_is_a_quote() -> None:
    text = (
        "На вопрос о сроках реформы, которую обсуждают с весны, министр Игорь Левин "
        "ответил: «Как решит правительство так и будет»."
    )
    assert pairs(text) == [("Как решит правительство так и будет", "Игорь Левин")]


def test_a_title_after_a_clause_announcing_it_is_no_quote_whatever_its_shape() -> None:
    text = (
        "Журналист Денис Крылов выпустил расследование о свалке под Тверью, название "
        "которого говорит само за себя: «Город задыхается, власти молчат»."
    )
    assert pairs(text) == []


def test_a_film_whose_title_is_given_after_a_colon_is_no_quote() -> None:
    text = (
        "Режиссер Анна Мельник рассказала о новой картине. Фильм называется: «Мы вернемся домой»."
    )
    assert pairs(text) == []


def test_words_from_a_work_whose_title_is_already_quoted_are_a_quote() -> None:
    text = (
        "Минздрав опубликовал доклад. В докладе под названием «Итоги года» сказано: «Смертность "
        "от инфарктов снизилась на десять процентов»."
    )
    assert [q for q, _ in pairs(text)] == ["Смертность от инфарктов снизилась на десять процентов"]


@pytest.mark.parametrize("outlet", ["Коммерсантъ", "Областная газета", "Агентство ТАСС"])
def test_an_outlets_headline_in_a_digest_line_is_no_quote(outlet: str) -> None:
    text = (
        "Обзор прессы\n\n"
        f"{outlet}: «Минфин предложил поднять налог на прибыль банков до 25 процентов»\n\n"
        "Обсуждение идет с лета, в правительстве спорят о сроках."
    )
    assert pairs(text) == []


def test_a_digest_headline_in_the_first_person_is_still_a_quote() -> None:
    text = (
        "Обзор прессы\n\n"
        "Известия: «Мы не будем поднимать налоги в этом году»\n\n"
        "Так министр финансов Антон Силуанов ответил на вопрос газеты."
    )
    assert [q for q, _ in pairs(text)] == ["Мы не будем поднимать налоги в этом году"]


def test_a_person_before_a_colon_is_no_outlet() -> None:
    text = "Министр финансов Антон Силуанов: «Минфин не будет поднимать налоги в этом году»"
    assert pairs(text) == [("Минфин не будет поднимать налоги в этом году", "Антон Силуанов")]
