"""Speakers named through a title on real news, each rule on fresh sentences: a name in
apposition to a role noun, a person inside a document's complement, coordinated titles,
a title's complement that is not the title, a journalist who is the speaker."""

from __future__ import annotations

import pytest
from test_quotes_helpers import speakers

pytestmark = pytest.mark.slow


def test_the_person_at_the_end_of_a_documents_complement_is_the_source() -> None:
    text = (
        "Об этом говорится в докладе британского социолога Марка Хейла: «Молодежь все "
        "реже читает бумажные газеты»."
    )
    assert speakers(text) == ["Марк Хейл"]


def test_a_role_in_a_documents_complement_resolves_to_its_holder() -> None:
    text = (
        "Премьер-министр Михаил Мишустин провел совещание. В четверг опубликовано "
        "заявление премьера: «Налоги для малого бизнеса не вырастут»."
    )
    assert speakers(text) == ["Михаил Мишустин"]


def test_a_quoting_verb_gives_the_one_whose_message_it_is() -> None:
    text = "«Мы приняли к сведению сообщения о беспилотниках», — цитирует Захарова сообщение Стано."
    assert speakers(text) == ["Стано"]


def test_coordinated_titles_before_a_name_give_the_name() -> None:
    text = (
        "Вот как выставку оценил художник и критик Павел Громов, который сам когда-то "
        "учился в этом училище: «Такого смелого подбора работ я не помню»."
    )
    assert speakers(text) == ["Павел Громов"]


def test_a_journalist_in_the_nominative_is_a_title_not_the_one_told() -> None:
    text = "«Редакция не получала никаких предупреждений», — заявила журналист Ирина Белова."
    assert speakers(text) == ["Ирина Белова"]


def test_a_titles_complement_is_not_the_persons_title() -> None:
    text = (
        "Губернатор Олег Нестеров провел совещание в понедельник. «Мы проверим каждую "
        "жалобу», — сказал помощник губернатора Андрей Лапин. «Сроки ремонта не "
        "сдвинутся», — добавил губернатор."
    )
    assert speakers(text) == ["Андрей Лапин", "Олег Нестеров"]


def test_a_title_in_apposition_after_the_name_is_the_persons_title() -> None:
    text = (
        "На совещании выступил Иван Гуров, чиновник областного минздрава. С ним спорил "
        "Олег Сомов. «Мы закупим новые аппараты до конца года», — сказал чиновник."
    )
    assert speakers(text) == ["Иван Гуров"]


def test_a_misspelt_title_still_finds_its_holder() -> None:
    text = (
        "Молебен по Ивану Ершову возглавил протоирей Сергей Лавин, глава епархиального "
        "отдела. «Мы молимся о мире», — сказал протоиерей."
    )
    assert speakers(text) == ["Сергей Лавин"]


def test_an_initial_glued_to_the_surname_takes_the_full_name() -> None:
    text = "Губернатор Андрей Лапин посетил школу. «Ремонт закончат к сентябрю», — сказал А.Лапин."
    assert speakers(text) == ["Андрей Лапин"]


def test_a_colon_after_a_meeting_with_someone_introduces_that_person() -> None:
    text = (
        "«Бюджет принят», — сказал министр Петр Зуев. Вечером состоялась встреча с Игорем "
        "Лебедевым: «Мы обсудили поставки зерна»."
    )
    assert speakers(text) == ["Петр Зуев", "Игорь Лебедев"]


def test_the_subject_of_an_opening_subordinate_clause_is_not_the_speaker() -> None:
    text = (
        "Депутат Ильин выступал долго. Когда он шел к трибуне, депутат Баталин выкрикнул "
        "с места: «Говорите своими словами!»"
    )
    assert speakers(text) == ["Баталин"]


def test_a_span_merged_from_two_names_is_never_the_speaker() -> None:
    text = "Памятник Пушкину Дорохов открыл в субботу: «Это важный день для нашего города»."
    assert speakers(text) == ["Дорохов"]


def test_a_merged_span_gives_a_lone_surname_no_false_first_name() -> None:
    text = (
        "Андрей Дорохов приехал в Тверь. Памятник Пушкину Дорохов открыл в субботу. «Это "
        "важный день для нашего города», — сказал Дорохов."
    )
    assert speakers(text) == ["Андрей Дорохов"]


def test_a_representative_is_the_press_secretary_just_named() -> None:
    text = (
        "Так пресс-секретарь губернатора Ольга Ветрова ответила на вопрос о дорогах. «Все "
        "работы идут по графику», — отметила представитель администрации."
    )
    assert speakers(text) == ["Ольга Ветрова"]


def test_a_representative_is_nobody_named_with_another_title() -> None:
    text = (
        "Министр Олег Иванов провел совещание. «Проверка продлится месяц», — сообщил "
        "представитель министерства."
    )
    assert speakers(text) == ["представитель министерства"]


def test_the_one_who_quotes_a_joke_is_not_its_source() -> None:
    text = "«Вы вообще спите когда-нибудь?» — процитировала Петрова шутку иностранных коллег."
    assert speakers(text) == ["иностранные коллеги"]


def test_a_long_title_and_its_abbreviation_name_the_same_person() -> None:
    text = (
        "Официальный представитель Министерства природных ресурсов России Анна Ветрова "
        "прокомментировала доклад о лесных пожарах. Доклад подготовили в Гринписе. "
        "Площадь пожаров в этом году оказалась вдвое меньше, чем в прошлом, отметили "
        "авторы доклада, добавив, что данные со спутников еще уточняются и будут "
        "опубликованы позже, после проверки на месте силами лесников и волонтеров. "
        "Больше всего пострадали леса на севере края, где огонь прошел по торфяникам и "
        "старым вырубкам, а тушить его пришлось с самолетов почти два месяца подряд. "
        "«Данные доклада расходятся с нашими», — сказала представитель МПР."
    )
    assert speakers(text)[-1] == "Анна Ветрова"


def test_a_name_in_the_nominative_ends_the_title_before_the_next_name() -> None:
    text = (
        "Ректор университета Олег Смолин и губернатор области Павел Рябов открыли "
        "новый корпус. «Здесь будут учиться три тысячи студентов», — сказал ректор."
    )
    assert speakers(text) == ["Олег Смолин"]


def test_titles_in_apposition_after_a_comma_end_in_the_name() -> None:
    text = (
        "«Новую поликлинику откроют в декабре», — привели в пресс-службе слова "
        "заместителя председателя правительства, министра здравоохранения области "
        "Сергея Мухина."
    )
    assert speakers(text) == ["Сергей Мухин"]


def test_a_nominative_title_chain_with_a_comma() -> None:
    text = (
        "«Школу сдадим к сентябрю», — сказал вице-губернатор, министр строительства края "
        "Олег Ряузов."
    )
    assert speakers(text) == ["Олег Ряузов"]


def test_after_po_slovam_a_new_clause_is_no_apposition() -> None:
    text = (
        "По словам зампреда правительства, министр финансов Олег Ряузов уже подписал "
        "приказ: «Выплаты начнутся с января»."
    )
    assert speakers(text) == ["зампред правительства"]


def test_the_body_that_relays_someones_words_is_not_their_source() -> None:
    text = (
        "Министерство привело слова заместителя министра Игоря Зотова: «Очередь на "
        "операции сократилась вдвое»."
    )
    assert speakers(text) == ["Игорь Зотов"]
