"""The general rules added after the stress set, each on a fresh sentence of its own.

Each case names the rule it checks; none is copied from tests/data/quotes_stress*.json.
"""

from __future__ import annotations

import pytest
from test_quotes_helpers import pairs, speakers

from models.nlp.ner import find_entities
from models.quotes.find import find_quotes

pytestmark = pytest.mark.slow


def test_initials_inside_the_authors_words_split_the_quote() -> None:
    text = (
        "Министр транспорта Роман Ефимов прибыл в Тверь. «Трассу сдадут в срок, — "
        "заверил Р. А. Ефимов. — Подрядчик работает в три смены»."
    )
    assert pairs(text) == [
        ("Трассу сдадут в срок", "Роман Ефимов"),
        ("Подрядчик работает в три смены", "Роман Ефимов"),
    ]


def test_an_abbreviation_before_a_name_ends_no_sentence() -> None:
    text = "«Вода вернется к вечеру», — сообщил глава администрации пос. Заречный Игорь Лапин."
    assert speakers(text) == ["Игорь Лапин"]


def test_a_year_abbreviation_still_ends_a_sentence() -> None:
    from models.quotes.layout import make_layout

    text = "Мост построили в 2019 г. Его ремонт начнется весной."
    assert make_layout(text, []).sentences == [0, text.index("Его")]


def test_a_contrast_starts_the_second_speakers_clause() -> None:
    text = (
        "«Налог надо отменить», — сказал депутат Олег Шеин, но сенатор Ольга Епифанова "
        "ответила: «Бюджет этого не выдержит»."
    )
    assert speakers(text) == ["Олег Шеин", "Ольга Епифанова"]


def test_a_counted_noun_is_the_subject() -> None:
    text = "«Сделка закрыта», — сообщили три собеседника в банковской среде."
    assert speakers(text)[0] is not None and "собеседник" in speakers(text)[0]


@pytest.mark.parametrize("cue", ["сказано в приговоре суда", "говорится в пояснительной записке"])
def test_an_impersonal_cue_points_at_any_document(cue: str) -> None:
    """The document, or the body whose document it is: both name the source."""
    text = f"«Ущерб возмещен полностью», — {cue}."
    found = find_quotes(text, find_entities(text))
    assert found[0].speaker is not None
    assert found[0].speaker.start >= text.index(cue.split(" в ")[1])


def test_a_participial_modifier_names_no_source() -> None:
    text = "«Штрафы вырастут вдвое», — следует из проекта, размещенного на портале регламентов."
    assert speakers(text) == ["проект"]


def test_a_role_with_another_complement_is_someone_else() -> None:
    text = (
        "Министр энергетики Сергей Цивилев и министр спорта Михаил Дегтярев открыли "
        "стадион. «Здесь пройдет чемпионат», — сказал министр энергетики."
    )
    assert speakers(text) == ["Сергей Цивилев"]


def test_an_activity_noun_gives_the_role() -> None:
    text = (
        "Оркестр выступил под руководством Юрия Башмета, солировал Денис Шаповалов. "
        "«Зал был полон», — сказал руководитель."
    )
    assert speakers(text) == ["Юрий Башмет"]


def test_a_lone_quote_after_a_sentence_about_a_person() -> None:
    text = (
        "Вице-мэр Ирина Белова не стала спорить с депутатами. "
        "«Деньги на ремонт найдутся, вопрос только в сроках»."
    )
    assert speakers(text) == ["Ирина Белова"]


def test_a_follow_on_still_wins_when_the_sentence_between_reports_the_speaker() -> None:
    text = (
        "«Матч будет тяжелым», — сказал тренер Олег Кононов.\n\n"
        "По его словам, в запасе останется нападающий Иван Сергеев. "
        "«Ему нужно восстановиться после травмы»."
    )
    assert speakers(text) == ["Олег Кононов", "Олег Кононов"]


def test_one_of_a_group_is_the_group() -> None:
    text = "«Голосование перенесут», — сказал один из членов избиркома."
    found = speakers(text)
    assert found[0] is not None and found[0].startswith("член")


def test_so_with_any_speech_verb_points_back() -> None:
    text = (
        "«Сезон удался на славу, спасибо всем». "
        "Так директор парка Галина Орехова оценила итоги лета."
    )
    assert speakers(text) == ["Галина Орехова"]


def test_a_surname_nobody_tagged_is_still_the_person_named_before() -> None:
    text = (
        "Премьер Словакии Роберт Фицо приехал в Вену.\n\n"
        "Фицо признал, что «переговоры будут долгими и трудными»."
    )
    assert speakers(text) == ["Роберт Фицо"]


def test_a_feminine_title_overrides_a_name_read_as_male() -> None:
    text = (
        "Певица Ани Лорак перенесла гастроли. «Мне нужно время на восстановление», "
        "— написала артистка."
    )
    assert speakers(text) == ["Ани Лорак"]


def test_a_speech_verb_outside_the_old_list() -> None:
    text = "Министр оговорился, что «сроки могут сдвинуться на месяц-другой»."
    assert [q for q, _ in pairs(text)] == ["сроки могут сдвинуться на месяц-другой"]
