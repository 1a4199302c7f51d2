"""Quotes laid out over lines, as real news pages print them: a quote alone on its line
with the author's words opening the next one with a dash, a split quote whose second
half starts a new line, a quote running over lines with names in quotes on them."""

from __future__ import annotations

import pytest
from test_quotes_helpers import pairs, speakers

pytestmark = pytest.mark.slow


def test_attribution_opening_the_next_line_with_a_dash() -> None:
    text = (
        "Инспекторы проверили все детские лагеря области.\n"
        "«Нарушений, которые угрожали бы детям, не выявлено»,\n"
        "— пишет руководитель управления Роспотребнадзора Инна Колосова."
    )
    assert pairs(text) == [("Нарушений, которые угрожали бы детям, не выявлено", "Инна Колосова")]


def test_a_straight_quote_alone_on_its_line_and_a_hyphen_after_it() -> None:
    text = (
        "Жители улицы Садовой пожаловались на темноту во дворах.\n"
        '"Фонари заменят до конца месяца, подрядчик уже выбран"\n'
        "- заверила глава поселка Вера Лунина."
    )
    assert pairs(text) == [("Фонари заменят до конца месяца, подрядчик уже выбран", "Вера Лунина")]


def test_a_dash_line_without_a_speech_verb_is_no_attribution() -> None:
    text = (
        "Учительница Анна Серова спросила класс:\n"
        "«Кто знает, где берет начало Волга?»\n"
        "— я знаю, на Валдае, тихо ответил мальчик с последней парты."
    )
    assert pairs(text) == [("Кто знает, где берет начало Волга?", "Анна Серова")]


def test_a_split_quote_whose_first_half_ends_with_a_name_and_a_new_line() -> None:
    # the outer mark is collapsed into the name's, the second half opens the next line
    text = (
        "«Мы сразу перекрыли выезды и ввели план «Кольцо», — рассказывает начальник "
        "районного отдела полиции Игорь Белов.\n"
        "– Угонщика задержали через сорок минут у заправки»."
    )
    assert pairs(text) == [
        ("Мы сразу перекрыли выезды и ввели план «Кольцо»", "Игорь Белов"),
        ("Угонщика задержали через сорок минут у заправки", "Игорь Белов"),
    ]


def test_a_split_quote_whose_second_half_lost_its_mark_on_a_new_line() -> None:
    text = (
        "«Сезон закрыт», — сказал тренер «Факела» Олег Кононов.\n"
        "— Теперь две недели отдыха, а в июне снова сборы»."
    )
    assert pairs(text) == [
        ("Сезон закрыт", "Олег Кононов"),
        ("Теперь две недели отдыха, а в июне снова сборы", "Олег Кононов"),
    ]


def test_a_quote_over_lines_with_a_name_in_quotes_on_a_middle_line() -> None:
    text = (
        "«Команда наконец заиграла в свой футбол.\n"
        "После победы над «Ротором» ребята поверили в себя, это видно по глазам.\n"
        "Теперь главное — не расслабиться», — сказал бывший капитан клуба Андрей Рогов."
    )
    assert pairs(text) == [
        (
            "Команда наконец заиграла в свой футбол.\n"
            "После победы над «Ротором» ребята поверили в себя, это видно по глазам.\n"
            "Теперь главное — не расслабиться",
            "Андрей Рогов",
        )
    ]


def test_a_straight_quote_over_lines_with_a_name_in_straight_quotes() -> None:
    text = (
        'Глава поселка Вера Лунина написала в соцсетях: "Сегодня приняли новую котельную.\n'
        'Ее построила компания "Теплосеть", работы заняли полгода.\n'
        'Отопление дадут в срок".'
    )
    assert [q for q, _ in pairs(text)] == [
        "Сегодня приняли новую котельную.\n"
        'Ее построила компания "Теплосеть", работы заняли полгода.\n'
        "Отопление дадут в срок"
    ]


def test_a_quote_that_never_closes_does_not_swallow_the_next_lines_quote() -> None:
    text = (
        "На плакате было написано: «Руки прочь от парка\n"
        "Жители вышли на пикет в субботу.\n"
        "«Мы будем стоять до конца», — сказала организатор пикета Нина Орлова."
    )
    assert ("Мы будем стоять до конца", "Нина Орлова") in pairs(text)


def test_a_headline_quote_about_whom_names_the_speaker() -> None:
    text = (
        "«Мост откроем до первого снега»: мэр Олег Рябов о ремонте на Заречной\n"
        "Работы на мосту идут в три смены."
    )
    assert pairs(text) == [("Мост откроем до первого снега", "Олег Рябов")]


def test_a_headline_quote_about_whom_with_a_dash_and_a_resident_noun() -> None:
    text = "«Всё подорожало в полтора раза»: пензенцы — о ценах на овощи."
    assert pairs(text) == [("Всё подорожало в полтора раза", "пензенцы")]


def test_a_quote_alone_on_its_line_and_the_next_line_about_whom() -> None:
    text = (
        "«Мы не станем закрывать сельские школы»\n"
        "Министр образования Анна Ким — о реформе и новых учебниках\n"
        "Реформа начнется в сентябре."
    )
    assert pairs(text) == [("Мы не станем закрывать сельские школы", "Анна Ким")]


def test_a_next_line_about_something_names_nobody() -> None:
    text = (
        "«Мы помним каждого, кто не вернулся домой»\n"
        "Выставка о земляках-фронтовиках открылась в краеведческом музее."
    )
    assert pairs(text) == [("Мы помним каждого, кто не вернулся домой", None)]


def test_a_name_alone_on_the_line_above_heads_the_quote() -> None:
    text = (
        "Цитаты недели\n\n"
        "Герман Греф\n\n"
        "«Искусственный интеллект заменит половину операционистов за пять лет».\n\n"
        "Глава банка выступил на форуме в Казани.\n\n"
        "Элла Памфилова\n\n"
        "«Явка на выборах оказалась выше, чем мы ожидали».\n\n"
        "Председатель ЦИК подвела итоги голосования."
    )
    assert pairs(text) == [
        ("Искусственный интеллект заменит половину операционистов за пять лет", "Герман Греф"),
        ("Явка на выборах оказалась выше, чем мы ожидали", "Элла Памфилова"),
    ]


def test_a_photo_credit_above_a_quote_heads_nothing() -> None:
    text = (
        "Фото: Иван Петров\n\n"
        "«Искусственный интеллект заменит половину операционистов за пять лет»."
    )
    assert pairs(text) == [
        ("Искусственный интеллект заменит половину операционистов за пять лет", None)
    ]


def test_a_quote_opening_the_story_is_the_words_of_the_person_introduced_next() -> None:
    text = (
        "«Крыша течет уже год, тазы стоят в каждой комнате». Пенсионерка Анна Лаптева "
        "живет на пятом этаже дома на Садовой. Управляющая компания ремонт не обещает."
    )
    assert pairs(text) == [("Крыша течет уже год, тазы стоят в каждой комнате", "Анна Лаптева")]


def test_a_quote_opening_the_story_does_not_reach_the_next_paragraph() -> None:
    text = (
        "«Крыша течет уже год, тазы стоят в каждой комнате».\n\n"
        "Пенсионерка Анна Лаптева живет на пятом этаже дома на Садовой."
    )
    assert pairs(text) == [("Крыша течет уже год, тазы стоят в каждой комнате", None)]


def test_he_on_the_line_after_a_quote_line_reaches_back_past_the_quote() -> None:
    text = (
        "Губернатор осмотрел мост через Оку.\n"
        "«Движение откроем до конца года, подрядчик успевает»\n"
        "– сказал он."
    )
    assert pairs(text) == [("Движение откроем до конца года, подрядчик успевает", "губернатор")]


def test_in_the_ministry_on_the_line_after_a_quote_line() -> None:
    text = (
        "Минтранс подготовил новые правила для такси.\n"
        "«Правила вступят в силу с первого марта, водителей предупредят заранее»\n"
        "— уточнили в ведомстве."
    )
    assert pairs(text) == [
        ("Правила вступят в силу с первого марта, водителей предупредят заранее", "Минтранс")
    ]


def test_a_dash_attribution_after_a_full_stop_or_a_blank_line() -> None:
    for gap in (".\n", "\n\n"):
        text = (
            "Инспекторы проверили все детские лагеря области.\n"
            f"«Нарушений, которые угрожали бы детям, не выявлено»{gap}"
            "— пишет руководитель управления Роспотребнадзора Инна Колосова."
        )
        assert pairs(text) == [
            ("Нарушений, которые угрожали бы детям, не выявлено", "Инна Колосова")
        ]


def test_a_title_alone_on_its_line_is_no_quote_before_a_dash_line() -> None:
    text = "«Белые ночи»\n— говорит куратор выставки Олег Ласкин о названии проекта."
    assert pairs(text) == []


def test_the_authors_words_go_on_over_a_line_break_inside_the_clause() -> None:
    text = (
        "«Сроки сдвинутся на месяц», - заявил в интервью\n"
        "«Вестям» глава комитета Олег Рябов, комментируя слухи о переносе."
    )
    assert speakers(text) == ["Олег Рябов"]


def test_a_wrapped_line_before_the_colon_keeps_its_start() -> None:
    text = "Телеканал процитировал\nзаместителя министра Ивана Орлова: «Работы завершим в мае»."
    assert speakers(text) == ["Иван Орлов"]


def test_a_headline_without_a_full_stop_is_no_wrapped_line() -> None:
    text = "Жители жалуются на ремонт\n«Дорога разбита», — говорит пенсионерка Анна Котова."
    assert speakers(text) == ["Анна Котова"]
