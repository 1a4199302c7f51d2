"""Who speaks when the clause names no one, or names someone only in passing, on fresh
sentences: a platform, destination or place after a preposition is never the source; a
speech verb with no subject is the person in focus; a party in brackets after a name is
that person's affiliation; an initial glued to a surname is the full name given before."""

from __future__ import annotations

import pytest
from test_quotes_helpers import predict, speakers

pytestmark = pytest.mark.slow


def test_a_verb_with_no_subject_is_the_person_in_focus() -> None:
    text = (
        "Председатель комитета Инга Лапина приехала на стройку стадиона ранним утром. "
        "«Работы отстают на два месяца», – говорит, и – уехала в Минспорт."
    )
    assert speakers(text) == ["Инга Лапина"]


def test_the_platform_of_a_subjectless_post_is_no_source() -> None:
    text = (
        "Депутат Павел Зуев снова выступил против повышения тарифов. «Люди и так платят "
        "слишком много», — написал в Facebook."
    )
    assert speakers(text) == ["Павел Зуев"]


def test_a_page_in_a_messenger_is_no_source() -> None:
    text = (
        "Мэр Самары Елена Лапушкина осмотрела набережную после паводка. «Ремонт закончим "
        "к маю», — сообщила на своей странице в Telegram."
    )
    assert speakers(text) == ["Елена Лапушкина"]


def test_the_subject_is_the_source_not_the_platform() -> None:
    text = (
        "«Мы не допустим роста цен на газ этой зимой», — написал премьер-министр Латвии "
        "Марис Балтиньш на своей странице в Facebook."
    )
    assert speakers(text) == ["Марис Балтиньш"]  # "Марис" is no plural genitive here


def test_a_party_in_brackets_is_the_speakers_affiliation() -> None:
    text = (
        "Депутат Сейма Марис Озолс (Национальное объединение) заявил, что «такой "
        "бюджет стране не нужен»."
    )
    assert speakers(text) == ["Марис Озолс"]


def test_a_quoted_party_in_brackets_is_no_source() -> None:
    text = (
        "Марис Сметанскис (Союз «Зеленых и крестьян») сказал журналистам: «Мы будем "
        "голосовать против этой поправки»."
    )
    assert speakers(text) == ["Марис Сметанскис"]


def test_an_initial_glued_to_the_surname_is_the_full_name() -> None:
    text = (
        "Председатель думы Виктор Лапин открыл осеннюю сессию. Депутаты обсудили бюджет. "
        "«Бюджет примем до конца года», — подчеркнул В.Лапин."
    )
    assert speakers(text) == ["Виктор Лапин"]


def test_a_full_name_given_only_in_a_caption_completes_the_initial() -> None:
    text = (
        "Порт теряет грузы\n\n"
        "Министр сообщения Талис Линкайтс. Фото: LETA\n\n"
        "Министр побывал в порту. «Мы ожидаем роста грузов», — подчеркнул Т.Линкайтс."
    )
    found = [q.speaker.normal if q.speaker else None for q in predict(text)]
    assert found == ["Талис Линкайтс"]


def test_a_lower_case_title_pymorphy_knows_only_as_a_name_is_a_role() -> None:
    text = "«Дороги в области отремонтируют к осени», - сказал аким области."
    assert speakers(text) == ["аким области"]


def test_a_name_in_passing_does_not_stop_a_follow_on() -> None:
    text = (
        "Глава МАГАТЭ Рафаэль Гросси встретился с журналистами.\n\n"
        "«Мы готовы к новым переговорам», — отметил он, отвечая на вопрос о встрече с "
        "Эрдоганом.\n\n"
        "Гросси отметил, что инспекторы вернутся на станцию в мае.\n\n"
        "«Работа будет продолжена, и мы надеемся на хороший результат», — приводит текст "
        "сделанного им заявления ТАСС."
    )
    assert speakers(text) == ["Рафаэль Гросси", "Рафаэль Гросси"]


def test_a_first_name_and_patronymic_is_the_full_name_with_that_first_name() -> None:
    text = (
        "Лидер КПРФ Геннадий Зюганов выступил в Госдуме. Обсуждая бюджет, Геннадий "
        "Андреевич не сдержался. «Это бюджет для олигархов, а не для народа», — заявил он."
    )
    assert speakers(text) == ["Геннадий Зюганов"]


def test_a_verb_is_no_part_of_a_role_nouns_phrase() -> None:
    text = "Совещание в мэрии губернатор области начал с шутки. «Начнем с хорошего», - сказал он."
    assert speakers(text) == ["губернатор области"]


def test_a_lead_role_is_the_person_introduced_with_that_title_right_after() -> None:
    text = (
        "Заседание в Смольном губернатор начал с поздравлений. «Город справился с "
        "зимой», - сказал он.\n"
        "Губернатор Петербурга Александр Беглов провел заседание правительства."
    )
    assert speakers(text) == ["Александр Беглов"]
