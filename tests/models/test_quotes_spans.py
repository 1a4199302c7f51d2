"""Quote extents on real news, each rule on fresh sentences: straight quotes with spaces
inside, a dash pair that is the quote's own punctuation, collapsed and mixed marks, the
second half of a split quote without its opening mark, straight quotes over paragraphs."""

from __future__ import annotations

import pytest
from test_quotes_helpers import pairs

pytestmark = pytest.mark.slow


def test_straight_quotes_with_spaces_inside() -> None:
    text = '" Мы не согласны с решением суда ", — заявил адвокат Петр Громов.'
    assert pairs(text) == [("Мы не согласны с решением суда", "Петр Громов")]


def test_a_dash_pair_without_a_verb_is_no_split() -> None:
    text = (
        "«Мы приедем всей бригадой — с мастером и двумя учениками, — чтобы закончить "
        "крышу, — сказал прораб Олег Дымов. — Иначе не успеем до дождей»."
    )
    assert pairs(text) == [
        (
            "Мы приедем всей бригадой — с мастером и двумя учениками, — чтобы закончить крышу",
            "Олег Дымов",
        ),
        ("Иначе не успеем до дождей", "Олег Дымов"),
    ]


def test_a_split_at_a_verb_outside_the_lexicon() -> None:
    text = "«Опять на нас жалуются? — хмыкнул дворник Ильин. — Мы тут каждый день метем»."
    assert pairs(text) == [
        ("Опять на нас жалуются?", "Ильин"),
        ("Мы тут каждый день метем", "Ильин"),
    ]


def test_an_outer_mark_collapsed_into_an_inner_one_keeps_each_quote() -> None:
    text = (
        "Мэр Олег Рябов сказал: «Мы начнем ремонт «как только сойдет снег». Сроки "
        "сдвигать не будем. По словам мэра, он «лично проверит каждый двор»."
    )
    # the collapsed mark closes the outer quote (as annotators mark it)
    assert pairs(text) == [
        ("Мы начнем ремонт «как только сойдет снег", "Олег Рябов"),
        ("лично проверит каждый двор", "Олег Рябов"),
    ]


def test_a_straight_quote_closed_by_a_curly_mark() -> None:
    text = 'Илья Лосев заявил: "Пожар потушен силами бригады Иванова“,- сообщает Минстрой.'
    assert [q for q, _ in pairs(text)] == ["Пожар потушен силами бригады Иванова"]


def test_the_second_half_of_a_split_without_its_opening_mark() -> None:
    text = "«Мы готовы к переговорам», — сказал Лавров. — Но условия должны быть приемлемыми»."
    assert pairs(text) == [
        ("Мы готовы к переговорам", "Лавров"),
        ("Но условия должны быть приемлемыми", "Лавров"),
    ]


def test_a_straight_quote_runs_over_paragraphs() -> None:
    text = (
        'Министр Карина Ведерникова ответила: "Мы ждем решения комиссии. Ее выводы '
        'будут к маю.\nТогда и решим", - сказала Ведерникова журналистам.'
    )
    assert pairs(text) == [
        ("Мы ждем решения комиссии. Ее выводы будут к маю.\nТогда и решим", "Карина Ведерникова")
    ]


def test_a_quote_opening_a_paragraph_after_a_headline_ending_in_a_noun() -> None:
    text = (
        "Мэр Кирилл Носов заявил, что в городе все под контролем\n"
        '"Хочу всех успокоить: ситуация под контролем, службы работают в усиленном режиме".'
    )
    assert pairs(text) == [
        (
            "Хочу всех успокоить: ситуация под контролем, службы работают в усиленном режиме",
            "Кирилл Носов",
        )
    ]


def test_a_closing_mark_typed_the_wrong_way_round_closes() -> None:
    text = (
        "«Мы ждали другого результата.\n"
        "Но так получилось, и команда будет работать дальше… «- сказал тренер Олег Купцов."
    )
    assert pairs(text) == [
        (
            "Мы ждали другого результата.\nНо так получилось, и команда будет работать дальше…",
            "Олег Купцов",
        )
    ]


def test_a_short_clause_cut_at_a_conjunction_is_a_quote() -> None:
    text = "По мнению аналитика Ольги Дроновой, рынок «перегрет, поэтому» цены пойдут вниз."
    assert pairs(text) == [("перегрет, поэтому", "Ольга Дронова")]


def test_a_clause_cut_at_a_conjunction_without_a_cue_is_not() -> None:
    text = "На воротах склада висела табличка «Не входить, а то» и нарисованный череп."
    assert pairs(text) == []


def test_an_opening_guillemet_closed_by_a_straight_mark() -> None:
    text = (
        '«Переговоры идут, цену обещают снизить. Подождем их итога", - сказал министр '
        "энергетики Арам Симонян, не ответив на вопрос о сроках."
    )
    assert pairs(text) == [
        ("Переговоры идут, цену обещают снизить. Подождем их итога", "Арам Симонян")
    ]


def test_a_straight_mark_inside_guillemets_that_close_later_stays_inside() -> None:
    text = '«Кто сказал, что ООО"Ромашка" банкрот?», — удивился директор Иван Сомов.'
    assert [q for q, _ in pairs(text)] == ['Кто сказал, что ООО"Ромашка" банкрот?']


def test_a_headline_quote_glued_to_a_number() -> None:
    text = "«Крыша течет уже год»82-летняя жительница Курска живет с тазами на полу."
    assert [q for q, _ in pairs(text)] == ["Крыша течет уже год"]


def test_a_straight_split_quote_whose_second_half_lost_its_mark() -> None:
    text = (
        '"Сезон закрыт", — сказал тренер Олег Кононов. — Теперь две недели отдыха, '
        'а в июне снова сборы".'
    )
    assert pairs(text) == [
        ("Сезон закрыт", "Олег Кононов"),
        ("Теперь две недели отдыха, а в июне снова сборы", "Олег Кононов"),
    ]


def test_a_straight_split_quote_with_a_name_in_its_second_half() -> None:
    text = (
        "Мэр Павел Зотов рассказал о планах на лето.\n"
        '"Набережную откроют к июню", — пообещал он. — Следом займемся парком "Дубки" '
        'и сквером у вокзала".'
    )
    assert pairs(text) == [
        ("Набережную откроют к июню", "Павел Зотов"),
        ('Следом займемся парком "Дубки" и сквером у вокзала', "Павел Зотов"),
    ]


def test_a_straight_split_quote_with_a_name_in_the_authors_words() -> None:
    text = (
        '"Мы проиграли заслуженно", — признал наставник "Урала" Игорь Шалимов. — '
        'Соперник был быстрее во всем".'
    )
    assert pairs(text) == [
        ("Мы проиграли заслуженно", "Игорь Шалимов"),
        ("Соперник был быстрее во всем", "Игорь Шалимов"),
    ]


def test_a_straight_quote_opening_with_a_name_that_shares_its_mark() -> None:
    text = (
        "Главный тренер Олег Кононов подвел итоги матча.\n"
        '"Локомотив" сегодня был сильнее нас во всем, и мы это признаем", - говорит Кононов.'
    )
    assert pairs(text) == [
        ('Локомотив" сегодня был сильнее нас во всем, и мы это признаем', "Олег Кононов")
    ]


def test_a_quote_after_a_colon_opening_with_a_name_and_holding_another() -> None:
    text = (
        "Нападающий Артем Дзюба ответил на вопрос о турнирной таблице:\n"
        '"Зениту" очки сейчас нужнее, но и мы еще поборемся с "Ростовом" за третье место".'
    )
    assert pairs(text) == [
        (
            'Зениту" очки сейчас нужнее, но и мы еще поборемся с "Ростовом" за третье место',
            "Артем Дзюба",
        )
    ]


def test_a_name_inside_a_sentence_with_a_stray_mark_opens_no_quote() -> None:
    text = 'Компания "Северсталь" увеличила выпуск проката на пять процентов", - сообщили там.'
    assert pairs(text) == []


def test_a_straight_quote_glued_to_the_sentence_before() -> None:
    text = (
        "Заседание по делу бывшего мэра перенесли, сообщила пресс-секретарь суда Анна "
        'Лысова."Защита попросила время на изучение материалов", - уточнила она.'
    )
    assert pairs(text) == [("Защита попросила время на изучение материалов", "Анна Лысова")]


def test_a_straight_quote_glued_after_an_exclamation() -> None:
    text = (
        "В аэропорту команду встречали сотни болельщиков, и это в три часа ночи!"
        '"Такой поддержки я не ожидал", — признался капитан Денис Глушаков.'
    )
    assert pairs(text) == [("Такой поддержки я не ожидал", "Денис Глушаков")]


def test_a_closing_straight_mark_glued_to_the_next_sentence_still_closes() -> None:
    text = 'Глава района Олег Сизов сказал: "Ремонт школы закончен."Дети вернутся в сентябре.'
    assert pairs(text) == [("Ремонт школы закончен.", "Олег Сизов")]


def test_a_split_quote_whose_authors_words_hold_an_abbreviated_title() -> None:
    text = (
        "«Зимой в поселке не было ни одного фельдшера, — рассказал глава поселка Игорь "
        "Ветров корр. «Северных вестей» Марии Лебедевой. — Теперь их двое»."
    )
    assert pairs(text) == [
        ("Зимой в поселке не было ни одного фельдшера", "Игорь Ветров"),
        ("Теперь их двое", "Игорь Ветров"),
    ]


@pytest.mark.parametrize(
    "title",
    ["зав. отделением", "нач. смены", "пред. профкома", "и. о. главврача", "и.о. главврача"],
)
def test_a_split_quote_whose_authors_words_name_someone_by_an_abbreviated_title(
    title: str,
) -> None:
    text = (
        f"«Пациентов стало вдвое больше, — сказала нам {title} Ольга Карпова. — "
        "Работаем без выходных»."
    )
    assert pairs(text) == [
        ("Пациентов стало вдвое больше", "Ольга Карпова"),
        ("Работаем без выходных", "Ольга Карпова"),
    ]


def test_a_sentence_end_between_the_dashes_is_no_split() -> None:
    text = (
        "«Пациентов стало вдвое больше, — сказала Ольга Карпова и ушла. Потом вернулась "
        "с кофе. — Работаем без выходных»."
    )
    assert len(pairs(text)) == 1


def test_a_short_reply_after_a_dash_in_a_dialogue_is_a_quote_with_no_speaker() -> None:
    text = "«Вы откуда приехали?» — спросила продавщица Анна Орлова. — «Из Твери, проездом»."
    assert pairs(text) == [("Вы откуда приехали?", "Анна Орлова"), ("Из Твери, проездом", None)]


def test_a_reply_in_straight_marks_after_a_hyphen() -> None:
    text = (
        'Судья Игорь Лапин уточнил у свидетеля: "Вы были на месте в девять?" - '
        'переспросил судья. - "Ну да, с утра".'
    )
    assert pairs(text)[-1] == ("Ну да, с утра", None)


def test_a_turn_after_a_statement_keeps_the_speaker() -> None:
    text = "«Мы готовы», — сказал тренер Олег Ким. — «Спасибо всем»."
    assert pairs(text) == [("Мы готовы", "Олег Ким"), ("Спасибо всем", "Олег Ким")]


def test_a_score_line_after_a_quote_is_no_reply() -> None:
    text = "«Мы выиграем», — сказал тренер Олег Ким. — «Зенит» — «Спартак» — 1:1."
    assert pairs(text) == [("Мы выиграем", "Олег Ким")]


def test_a_quote_in_guillemets_opening_with_a_name_that_shares_its_mark() -> None:
    text = (
        "Нападающий Артем Дзюба ответил на вопрос о таблице:\n"
        "«Зениту» очки сейчас нужнее, но мы еще поборемся с «Ростовом» за третье место»."
    )
    assert pairs(text) == [
        (
            "Зениту» очки сейчас нужнее, но мы еще поборемся с «Ростовом» за третье место",
            "Артем Дзюба",
        )
    ]


def test_a_name_in_guillemets_inside_a_sentence_with_a_stray_mark_opens_no_quote() -> None:
    text = "Компания «Северсталь» увеличила выпуск проката на пять процентов», — сообщили там."
    assert pairs(text) == []


@pytest.mark.parametrize(
    "author",
    ["не скрывал радости 30-летний форвард", "снова улыбнулся нападающий", "не сдержался он"],
)
def test_a_split_whose_author_opens_with_a_particle(author: str) -> None:
    text = (
        'Нападающий «Авангарда» Иван Рыбин забросил две шайбы. "Это лучший вечер в моей '
        f'карьере, - {author}. - Спасибо болельщикам за поддержку".'
    )
    assert [q for q, _ in pairs(text)] == [
        "Это лучший вечер в моей карьере",
        "Спасибо болельщикам за поддержку",
    ]


def test_a_dash_pair_with_a_particle_and_no_verb_is_no_split() -> None:
    text = (
        "«Мы приедем всей семьей — не только с детьми, но и с внуками, — чтобы поддержать "
        "команду», — сказала болельщица Анна Петрова."
    )
    assert [q for q, _ in pairs(text)] == [
        "Мы приедем всей семьей — не только с детьми, но и с внуками, — чтобы поддержать команду"
    ]


def test_a_guillemet_closed_by_a_straight_mark_paragraphs_later() -> None:
    text = (
        "Перед стартом чемпионата главный тренер «Ротора» Игорь Меньщиков ответил на вопросы "
        "болельщиков.\n\n«Задача на сезон простая — попасть в восьмерку. Состав обновился "
        "наполовину, ребятам нужно время.\n\nЛетние сборы прошли без травм, и это главное. "
        'Дальше все решит поле", - заявил Меньщиков.'
    )
    found = pairs(text)
    assert len(found) == 1
    quote, speaker = found[0]
    assert quote.startswith("Задача на сезон простая") and quote.endswith("Дальше все решит поле")
    assert speaker == "Игорь Меньщиков"


def test_a_straight_mark_after_a_closed_guillemet_is_no_close() -> None:
    text = (
        "Тренер «Ротора» Игорь Меньщиков ответил болельщикам.\n\n«Задача простая — попасть "
        "в восьмерку. Ребятам нужно время.\n\nКлуб продлил контракт с вратарем "
        '"Сергеем Песьяковым" на два года.'
    )
    assert all(not q.startswith("Задача простая") or "Клуб" not in q for q, _ in pairs(text))
