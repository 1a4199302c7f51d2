"""Colons, introducing phrases and clause edges on real news, each rule on fresh sentences: a short
span after a colon is speech only when it reads as an utterance; a headline quote takes
its speaker from the next sentence; "по утверждению", "согласно заявлению" name a source."""

from __future__ import annotations

import pytest
from test_quotes_helpers import pairs, speakers

pytestmark = pytest.mark.slow


def test_a_two_word_scare_quote_after_a_colon_is_no_quote() -> None:
    text = (
        "Стилист назвал главный тренд сезона одним словом, а потом уточнил: «уютная небрежность»."
    )
    assert pairs(text) == []


def test_a_short_exclamation_after_a_colon_is_a_quote() -> None:
    text = "Депутат Гусев коллеге по фракции: «Вы — лжец!» Заседание прервали."
    assert pairs(text) == [("Вы — лжец!", "Гусев")]


def test_a_headline_quote_takes_the_speaker_of_the_next_sentence() -> None:
    text = (
        "«Вода уходит медленно»: глава района о ситуации на реке\n\n"
        "Глава Ивановского района Сергей Орлов заявил, что уровень воды снижается."
    )
    assert pairs(text) == [("Вода уходит медленно", "Сергей Орлов")]


def test_a_quoted_title_before_a_colon_is_no_quote() -> None:
    text = "«Ирония судьбы»: как снимали фильм\n\nРежиссер рассказал, что съемки шли зимой."
    assert pairs(text) == []


def test_according_to_a_statement_names_its_source() -> None:
    text = "Согласно заявлению Минфина, «дефицит бюджета сократится уже в следующем году»."
    assert speakers(text) == ["Минфин"]


def test_by_the_claim_of_names_its_source() -> None:
    text = (
        "По утверждению губернатора Олега Рябова, область «полностью готова к паводку и "
        "не нуждается в помощи»."
    )
    assert speakers(text) == ["Олег Рябов"]


def test_a_belief_adjective_introduces_a_mixed_quote() -> None:
    text = (
        "Супруга осужденного Анна Лосева убеждена, что встречи должны проходить «не реже "
        "одного раза в неделю и без посторонних»."
    )
    assert speakers(text) == ["Анна Лосева"]


def test_a_lone_quote_takes_the_speech_verb_two_sentences_back() -> None:
    text = (
        "Затем Соколов сказал, что серьезных поломок на станции нет. В случае аварии "
        "резервный насос можно запустить за час. «Мы не видим здесь больших рисков»."
    )
    assert speakers(text) == ["Соколов"]


def test_a_sentence_naming_someone_else_stops_the_look_back() -> None:
    text = (
        "Затем Соколов сказал, что серьезных поломок на станции нет. Инженер Павел Жуков "
        "проверил резервный насос. «Мы не видим здесь больших рисков»."
    )
    assert speakers(text) == ["Павел Жуков"]  # the subject of the sentence right before


def test_a_lone_quote_in_the_next_paragraph_after_citing_someones_words() -> None:
    text = (
        "Глава района привел слова министра Игоря Светлова, сказанные на коллегии.\n"
        "«Каждая школа должна получить новый автобус до осени»."
    )
    assert speakers(text) == ["Игорь Светлов"]


def test_a_sentence_end_without_a_space_ends_the_attribution() -> None:
    text = (
        "Об этом сообщила адвокат Марина Громова.«Мы подадим жалобу в кассационный суд», — "
        "заявила она.Как сообщалось, суд признал виновными участников экстремистской группы."
    )
    assert speakers(text) == ["Марина Громова"]


def test_a_gerund_clause_after_the_speaker_names_no_source() -> None:
    text = (
        "«Решение примут уже на этой неделе», — сказала адвокат, поблагодарив Мари Дюпон за помощь."
    )
    assert speakers(text) == ["адвокат"]


def test_an_indeclinable_name_after_a_noun_is_its_genitive() -> None:
    text = "«Это давно решенный вопрос», — подчеркнула адвокат, обсуждая дело Шевченко."
    assert speakers(text) == ["адвокат"]


def test_an_aside_naming_the_correspondent_is_not_the_colon_clause() -> None:
    text = (
        "После игры, как передает корреспондент «Спорт-Экспресса» Павел Лунин, наставник "
        "хозяев Игорь Зотов посетовал на судейство: «Нас лишили чистого пенальти»."
    )
    assert pairs(text) == [("Нас лишили чистого пенальти", "Игорь Зотов")]


def test_an_aside_opening_the_sentence() -> None:
    text = (
        "Как сообщает агентство «Регион», глава управления Ольга Лебедева заявила: "
        "«Очереди в поликлиниках сократились вдвое»."
    )
    assert pairs(text) == [("Очереди в поликлиниках сократились вдвое", "Ольга Лебедева")]


def test_a_role_after_na_chto_is_not_the_one_who_asked() -> None:
    text = (
        "На штабе с докладом выступил Игорь Панин. Олег Ветров спросил о сроках ремонта, "
        "на что министр заверил его: «Все дома сдадим к осени»."
    )
    assert pairs(text) == [("Все дома сдадим к осени", "Игорь Панин")]


def test_a_headline_quote_takes_the_speaker_from_later_in_the_lead() -> None:
    text = (
        "«Дороги латают не там, где надо»: почему ямы возвращаются каждую весну\n"
        "Городские власти снова выделили деньги на ямочный ремонт. Работы начнутся в "
        "апреле, но толку от них немного, пояснил нашему изданию инженер-дорожник "
        "Геннадий Корнеев.\n"
        "Ремонт обойдется в сорок миллионов рублей."
    )
    assert pairs(text) == [("Дороги латают не там, где надо", "Геннадий Корнеев")]


def test_a_headline_quote_does_not_look_past_its_lead_paragraph() -> None:
    text = (
        "«Мы ждем гостей со всей страны»: как город готовится к фестивалю\n"
        "На набережной ставят сцену и шатры.\n"
        "Об этом рассказал директор фестиваля Илья Орешкин."
    )
    assert pairs(text) == [("Мы ждем гостей со всей страны", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Читайте также: «Как Россия стала крупнейшим экспортером пшеницы в мире»",
        "Главное за день: «Как Россия стала лидером по добыче золота» «Почему дорожает "
        "бензин этой осенью»",
        "Новый выпуск подкаста: «Почему в Москве так дорого снимать квартиру»",
        "Фильм недели: «Как я провел этим летом» — драма о полярниках.",
    ],
)
def test_a_title_worded_as_an_indirect_question_is_no_quote(text: str) -> None:
    assert pairs(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ответ губернатора был коротким: «Как договорились, так и сделаем».",
        "Министр спросил директора: «Почему школа до сих пор не отремонтирована»",
    ],
)
def test_a_question_word_opening_real_speech_keeps_it_a_quote(text: str) -> None:
    assert len(pairs(text)) == 1


@pytest.mark.parametrize(
    "colon_clause",
    [
        "Кроме того, решения относительно площадки — прерогатива Минкультуры края:",
        "При этом выбор площадки — ответственность Минкультуры края:",
    ],
)
def test_a_colon_clause_naming_no_source_leaves_the_speaker_named_before(
    colon_clause: str,
) -> None:
    text = (
        "Власти решили перенести фестиваль на осень. Такое заявление сделал мэр Перми "
        f"Эдуард Соснин. {colon_clause}\n«Мы предложили три варианта, окончательное слово "
        "за министерством»."
    )
    assert speakers(text) == ["Эдуард Соснин"]


def test_a_colon_clause_with_a_verb_names_its_own_source() -> None:
    text = (
        "Власти решили перенести фестиваль на осень. Такое заявление сделал мэр Перми "
        "Эдуард Соснин. Позже свою позицию изложило Минкультуры края:\n«Мы предложили три "
        "варианта, окончательное слово за мэрией»."
    )
    assert speakers(text) == ["Минкультуры"]
