"""Quotes whose source is the sentence around them, on fresh sentences: a headline quote
is the words of the subject of the sentence after it ("«П». Минздрав прокомментировал
…"), unless the body says the same words with their author; a quote after a lead that
introduces who speaks is that person's, and «» around the wording of a law article is no
quote."""

from __future__ import annotations

import pytest
from test_quotes_helpers import pairs, predict, speakers

pytestmark = pytest.mark.slow


def test_a_headline_quote_is_the_words_of_the_body_that_commented() -> None:
    text = (
        "«Мы держим ситуацию под контролем». Минздрав прокомментировал вспышку кори в Перми\n\n"
        "В Перми выявлено двенадцать случаев кори за неделю."
    )
    assert speakers(text) == ["Минздрав"]


def test_a_headline_quote_is_the_words_of_the_person_who_commented() -> None:
    text = (
        "«Мы готовы к переговорам». Глава Минэнерго Сергей Цивилев прокомментировал "
        "цены на бензин\n\nЦены на топливо растут третью неделю."
    )
    assert speakers(text) == ["Сергей Цивилев"]


def test_a_headline_quote_is_the_words_of_the_body_where_they_commented() -> None:
    text = (
        "«Это очевидная провокация Киева». В Минобороны прокомментировали сообщения о "
        "взрыве\n\nВзрыв произошел утром на окраине города."
    )
    assert speakers(text) == ["Минобороны"]


def test_a_headline_quote_is_the_words_of_the_press_service_that_commented() -> None:
    text = (
        "«Мы проверим каждую жалобу». Пресс-служба мэрии прокомментировала сообщения о "
        "пробках\n\nПробки возникли утром на всех мостах."
    )
    assert speakers(text) == ["Пресс-служба мэрии"]


def test_a_lead_that_introduces_the_speaker_gives_the_next_quote() -> None:
    text = (
        "О будущем рынка жилья рассуждает аналитик Ирина Козлова.\n\n"
        "«Цены продолжат расти еще полгода, а потом начнется спад»."
    )
    assert speakers(text) == ["Ирина Козлова"]


def test_a_lead_with_the_speaker_after_another_verb_gives_the_next_quote() -> None:
    text = (
        "Ситуацию на рынке аренды анализирует риелтор Олег Смирнов.\n\n"
        "«Летом ставки всегда растут, но в этом году рост рекордный»."
    )
    assert speakers(text) == ["Олег Смирнов"]


def test_a_subheading_between_the_lead_and_the_quote_is_skipped() -> None:
    text = (
        "О политике регулятора рассуждает экономист Ирина Козлова.\n\n"
        "Дорогие кредиты\n\n"
        "«Ставка слишком высока для такой инфляции, и это всем видно»."
    )
    assert speakers(text) == ["Ирина Козлова"]


def test_the_wording_of_a_law_article_is_no_quote() -> None:
    text = (
        "Против егеря возбуждено уголовное дело по статье 258 УК РФ «Незаконная охота, "
        "совершенная с использованием служебного положения»."
    )
    assert pairs(text) == []


def test_the_wording_of_a_law_article_after_a_speech_verb_is_no_quote() -> None:
    text = (
        "Как сообщили в СК, дело возбуждено по ч. 2 ст. 258 УК РФ «незаконная охота, "
        "совершенная лицом с использованием своего служебного положения»."
    )
    assert pairs(text) == []


def test_a_quote_after_a_law_article_in_its_sentence_is_still_a_quote() -> None:
    text = (
        "Дело возбуждено по статье 105 УК РФ. «Мы найдем виновных», — заявил следователь "
        "Игорь Панов."
    )
    assert speakers(text) == ["Игорь Панов"]


def test_a_photo_credit_between_the_lead_and_the_quote_is_skipped() -> None:
    text = (
        "О ценах на жилье рассуждает аналитик Ирина Козлова.\n\n"
        "Источник фото: пресс-служба Сбербанка\n\n"
        "«Цены продолжат расти еще полгода, а потом начнется спад»."
    )
    found = [(q.text[:5], q.speaker.normal if q.speaker else None) for q in predict(text)]
    assert found == [("Цены ", "Ирина Козлова")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "«Школы откроются вовремя»: губернатор ответил родителям\n\nГлава Курской области "
            "Александр Хинштейн выступил в прямом эфире.",
            "Александр Хинштейн",
        ),
        (
            "«Ремонт дорог начнется в мае»: мэр рассказал о планах\n\nГлава Перми Эдуард "
            "Соснин провел пресс-конференцию.",
            "Эдуард Соснин",
        ),
        (
            "«Это наша общая победа»: президент поздравил спортсменов\n\nГлава государства "
            "Касым-Жомарт Токаев встретился с олимпийцами.",
            "Касым-Жомарт Токаев",
        ),
    ],
)
def test_a_headline_role_is_the_first_person_of_the_lead_with_a_synonym_title(
    text: str, expected: str
) -> None:
    assert speakers(text) == [expected]


def test_a_headline_word_is_no_title_of_the_next_line() -> None:
    """ "…ответил родителям⏎⏎Глава X": "родителям" ends the headline, not X's title."""
    text = (
        "«Школы откроются вовремя»: губернатор ответил родителям\n\nГлава Курской области "
        "Александр Хинштейн выступил в прямом эфире. «Все классы отремонтированы», — "
        "сказал глава региона."
    )
    assert speakers(text)[-1] == "Александр Хинштейн"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "«Мы не оставим людей без помощи» — глава региона о последствиях паводка\n\n"
            "Губернатор Оренбургской области Денис Паслер заявил, что все пострадавшие "
            "получат компенсации.",
            "Денис Паслер",
        ),
        ("«Цены растут каждую неделю» - жители Омска о подорожании продуктов", "жители Омска"),
        (
            "«Мы готовы к зиме»: министр энергетики подвел итоги года\n\nФото: пресс-служба "
            "Минэнерго\n\nМинистр энергетики России Сергей Цивилев провел совещание в Москве.",
            "Сергей Цивилев",
        ),
    ],
)
def test_a_headline_statement_names_the_one_quoted(text: str, expected: str) -> None:
    assert [s for _, s in predict_pairs(text)] == [expected]


def test_a_dash_after_a_club_name_is_no_headline_quote() -> None:
    assert predict_pairs("«Спартак» — чемпион о сезоне") == []


def predict_pairs(text: str) -> list[tuple[str, str | None]]:
    """Pairs as ``main.py annotate`` finds them, with the news-format noise."""
    return [(q.text, q.speaker.normal if q.speaker else None) for q in predict(text)]


def test_the_wording_of_a_law_article_without_its_number_is_no_quote() -> None:
    text = (
        'Как уточнили в прокуратуре, дело возбуждено по статье "причинение тяжкого вреда '
        'здоровью по неосторожности, совершенное вследствие ненадлежащего исполнения обязанностей".'
    )
    assert pairs(text) == []


def test_the_wording_of_articles_in_guillemets_without_numbers_is_no_quote() -> None:
    text = (
        "Бывшему директору завода предъявлено обвинение по статьям «растрата в особо "
        "крупном размере» и «злоупотребление должностными полномочиями», сообщил суд."
    )
    assert pairs(text) == []


def test_a_quote_after_an_article_named_in_words_is_still_a_quote() -> None:
    text = (
        "Против бизнесмена возбудили дело по статье о мошенничестве, и его адвокат Петр "
        "Громов заявил: «Мы будем обжаловать каждое решение суда»."
    )
    assert pairs(text) == [("Мы будем обжаловать каждое решение суда", "Петр Громов")]


_ECHO_BODY_QUOTE = (
    "«Сидим без света третьи сутки». Жители Ленинского района пожаловались на отключения\n\n"
    "Жители улицы Гагарина уже три дня живут без электричества.\n\n"
    "«Сидим без света третьи сутки, продукты в холодильниках испортились, дозвониться до "
    "сетевой компании невозможно», — рассказала пенсионерка Нина Корнеева."
)
_ECHO_DASH_LINE = (
    "«Дорогу размыло за одну ночь». В Тверской области отрезаны две деревни\n\n"
    "Жители деревень Горки и Заречье не могут выехать к райцентру.\n\n"
    "— Дорогу размыло за одну ночь, автобус не ходит уже неделю! — написал в группе "
    "района фермер Алексей Сомов. — Продукты носим пешком через лес."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [(_ECHO_BODY_QUOTE, "Нина Корнеева"), (_ECHO_DASH_LINE, "Алексей Сомов")],
)
def test_a_headline_quote_said_again_in_the_body_is_its_authors(text: str, expected: str) -> None:
    assert speakers(text)[0] == expected


def test_a_headline_that_names_its_speaker_keeps_it() -> None:
    text = (
        "Мэр Твери – о мостах: «Ремонт закончим до зимы»\n\n"
        "Глава города Алексей Огоньков проверил стройку. «Ремонт закончим до зимы, если "
        "погода позволит», — сказал подрядчик Иван Дронов."
    )
    assert speakers(text)[0] == "Алексей Огоньков"


def test_a_line_of_unmarked_words_after_a_name_heads_the_quotes_below() -> None:
    text = (
        "Главное из выступления канцлера Германии Олафа Шольца в бундестаге\n"
        "Олаф Шольц: Многие беженцы сделали Германию своим домом, и мы рады им.\n"
        "“Мы выделим еще два миллиарда евро на оборону”.\n"
        "“Поставки систем ПВО продолжатся весь следующий год”."
    )
    assert speakers(text) == ["Олаф Шольц", "Олаф Шольц"]


def test_a_line_about_a_person_with_a_colon_later_is_no_heading() -> None:
    text = (
        "Олаф Шольц посетил завод в Касселе и сказал рабочим главное: заказы будут.\n"
        "“Мы выделим еще два миллиарда евро на оборону”, — заявил позже министр финансов "
        "Кристиан Линднер."
    )
    assert speakers(text) == ["Кристиан Линднер"]
