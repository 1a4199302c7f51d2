"""What "он"/"она" stands for on real news, each rule on fresh sentences: the subject or
the last speaker, never the one who was told, never a name inside a quote; a genitive
after a noun is no subject; with no person named, the role noun that was the subject."""

from __future__ import annotations

import pytest
from test_quotes_helpers import speakers

pytestmark = pytest.mark.slow


def test_a_pronoun_skips_the_addressee() -> None:
    text = (
        "Глава Минтранса Олег Кравцов рассказал корреспонденту Дмитрию Белову о новых "
        "трассах. «Первую очередь откроем в сентябре», — сказал он."
    )
    assert speakers(text) == ["Олег Кравцов"]


def test_a_pronoun_takes_the_subject_over_a_nearer_object() -> None:
    text = (
        "Тренер Игорь Зайцев поблагодарил болельщиков и отдельно упомянул вратаря Сергея "
        "Котова. «Команда выдержала давление до последней минуты», — отметил он."
    )
    assert speakers(text) == ["Игорь Зайцев"]


def test_a_pronoun_never_takes_a_name_inside_a_quote() -> None:
    text = (
        "Мэр Павел Рябов выступил на сессии думы. «Вчера я встречался с Олегом Лучиным, "
        "и мы обсудили бюджет», — сказал мэр. «Решение примем до пятницы», — добавил он."
    )
    assert speakers(text) == ["Павел Рябов", "Павел Рябов"]


def test_a_pronoun_with_no_person_is_the_role_that_was_the_subject() -> None:
    text = "Губернатор осмотрел новый мост. «Движение по нему откроют к осени», — сказал он."
    assert speakers(text) == ["губернатор"]


def test_a_name_in_the_genitive_after_a_noun_is_no_subject() -> None:
    text = "Выводы Смирнова подтвердил и академик Власов: «Образцы действительно древние»."
    assert speakers(text) == ["Власов"]


def test_a_speaker_stays_salient_where_they_last_spoke() -> None:
    text = (
        "Губернатор Андрей Чибис провел совещание.\n"
        "«Работы идут по графику», — сказал губернатор.\n"
        "Затем он упомянул министра Олега Лаврова и его отчет.\n"
        "«Осталось закончить две школы», — добавил он."
    )
    assert speakers(text) == ["Андрей Чибис", "Андрей Чибис"]


def test_a_possessive_before_someones_words_is_that_someone() -> None:
    text = (
        "Директор завода Игорь Ланской сообщил о новом цехе. «Да, вчера запустили», — "
        "цитирует ТАСС его ответ на вопрос журналистов."
    )
    assert speakers(text) == ["Игорь Ланской"]


def test_relaying_her_words_gives_her() -> None:
    text = (
        "Депутат Анна Котова выступила в Думе. «Нам нужна помощь», — приводит агентство ее слова."
    )
    assert speakers(text) == ["Анна Котова"]


def test_she_is_not_a_plural_role_noun_that_could_be_a_genitive() -> None:
    text = (
        "Когда автобус подъехал, она увидела, как фанатки «Факела» бросились к игрокам. "
        "«Я такого не видела с детства», — сказала она."
    )
    assert speakers(text) == ["она"]


def test_a_name_after_a_title_in_the_genitive_is_no_subject() -> None:
    text = (
        "Директор фонда Игорь Лапин заявил, что вчера был на похоронах итальянского "
        "дирижера Паоло Верди. «Ушел великий музыкант», — сказал он."
    )
    assert speakers(text) == ["Игорь Лапин"]


def test_a_name_whose_clause_has_another_verb_is_no_subject() -> None:
    text = (
        "«Я был в Риме», — заявил директор фонда Игорь Лапин.\n\n"
        "Но вечером он признал, что на похоронах Верди его не было. "
        "«Это была метафора», — сказал он."
    )
    assert speakers(text) == ["Игорь Лапин", "Игорь Лапин"]


def test_a_pronoun_follows_the_pronoun_of_the_sentence_before() -> None:
    text = (
        "Министр Иван Серов провел брифинг. Когда журналист Олег Рябов спросил его о "
        "сроках, он сослался на погоду. «Дожди задержали укладку асфальта», — сказал он."
    )
    assert speakers(text) == ["Иван Серов"]


def test_the_subject_of_the_main_clause_outranks_a_genitive_and_an_embedded_pronoun() -> None:
    text = (
        "На вопрос Олега Рябова, готов ли он уйти в отставку, мэр Иван Серов ответил "
        "отказом. «Я останусь до конца срока», — сказал он."
    )
    assert speakers(text) == ["Иван Серов"]


def test_the_new_subject_of_the_sentence_before_outranks_the_last_speaker() -> None:
    text = (
        "«Цены не вырастут», — сказал министр Иван Серов.\n\n"
        "Его заместитель Петр Орлов не согласился с коллегой. «Рост неизбежен», — сказал он."
    )
    assert speakers(text) == ["Иван Серов", "Петр Орлов"]


def test_the_verb_gives_the_gender_of_a_name_pymorphy_does_not_know() -> None:
    text = (
        "Об этом заявила официальный представитель министерства Ван Сяоли. "
        "«Мы не боимся санкций», — подчеркнула она."
    )
    assert speakers(text) == ["Ван Сяоли"]


def test_a_name_that_opens_the_quote_is_no_subject_of_the_authors_words() -> None:
    text = (
        "Эксперт Олег Рябов выступил на конференции. Глава области Иван «Серов ведет "
        "регион к кризису», — сказал он."
    )
    assert speakers(text) == ["Олег Рябов"]


def test_the_one_just_quoted_in_the_sentence_before_is_in_focus() -> None:
    text = (
        "Мэр Бельц Василе Рошка в среду заявил, что хотел бы стать министром.\n"
        '"Город дает треть доходов", – пояснил он.\n'
        "Исполняющий обязанности спикера молдовского правительства Даниэль Водэ в "
        'комментарии агентству сказал, что "таких предложений никто не обсуждал".\n'
        '"Вакансий в кабинете нет, а в Бельцах давно пора навести порядок", – добавил он.\n'
    )
    assert speakers(text) == ["Василе Рошка", "Даниэль Водэ", "Даниэль Водэ"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В МИД Казахстана прокомментировали интервью Владимира Зеленского\n\n«Мы уважаем "
            "суверенитет всех государств и не вмешиваемся во внутренние дела», — пояснил он. "
            "По словам официального представителя МИД Айбека Смадиярова, позиция республики "
            "не изменилась.",
            "Айбек Смадияров",
        ),
        (
            "В Минфине ответили на слова президента Франции Эмманюэля Макрона\n\n«Россия "
            "продолжит выполнять все свои обязательства перед партнерами», — сказал он "
            "журналистам. Как отметил замминистра финансов Алексей Моисеев, выплаты идут в срок.",
            "Алексей Моисеев",
        ),
        (
            "В Кремле прокомментировали заявление Дональда Трампа\n\n«Мы пока не получали "
            "никаких официальных предложений», — заявил он. Пресс-секретарь президента России "
            "Дмитрий Песков добавил, что диалог возможен.",
            "Дмитрий Песков",
        ),
        (
            "В МИД Казахстана ответили на слова Зеленского\n\nРанее президент Украины "
            "Владимир Зеленский в интервью американскому журналу упомянул Казахстан. «Мы "
            "уважаем суверенитет всех государств», — пояснил он. По словам официального "
            "представителя МИД Айбека Смадиярова, позиция республики не изменилась.",
            "Айбек Смадияров",
        ),
    ],
)
def test_he_after_a_body_headline_is_the_official_named_next(text: str, expected: str) -> None:
    assert speakers(text) == [expected]


def test_he_after_a_headline_whose_subject_speaks_is_that_subject() -> None:
    text = (
        "Владимир Зеленский дал интервью о переговорах с МВФ\n\n«Мы рассчитываем на новый "
        "транш уже весной», — пояснил он. Министр финансов Сергей Марченко добавил, что "
        "переговоры идут."
    )
    assert speakers(text) == ["Владимир Зеленский"]
