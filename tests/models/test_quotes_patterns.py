"""Each layout of direct speech and each kind of source, one small example apiece."""

from __future__ import annotations

import pytest

from models.nlp.ner import find_entities
from models.quotes.find import find_quotes
from models.spans import Noise, Quote

pytestmark = pytest.mark.slow


def quotes(text: str, noise: tuple[Noise, ...] = ()) -> list[Quote]:
    found = find_quotes(text, find_entities(text), noise)
    for q in found:
        assert q.text == text[q.start : q.end]
        assert q.text == q.text.strip()
        if q.speaker is not None:
            assert q.speaker.text == text[q.speaker.start : q.speaker.end]
    return found


def pairs(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.normal if q.speaker else None) for q in quotes(text)]


LAYOUTS = [
    (
        "«Мост откроют в мае», — сказал мэр Омска Сергей Шелест.",
        [("Мост откроют в мае", "Сергей Шелест")],
    ),
    (
        "Министр Антон Силуанов заявил: «Бюджет сбалансирован».",
        [("Бюджет сбалансирован", "Антон Силуанов")],
    ),
    (
        "«Мы готовы, — сказала Ольга Смирнова. — Но не сейчас».",
        [("Мы готовы", "Ольга Смирнова"), ("Но не сейчас", "Ольга Смирнова")],
    ),
    (
        "«Мы готовы, — сказала Ольга Смирнова, — но не сейчас».",
        [("Мы готовы", "Ольга Смирнова"), ("но не сейчас", "Ольга Смирнова")],
    ),
    ("«Это победа!» — воскликнул тренер Игорь Ларионов.", [("Это победа!", "Игорь Ларионов")]),
    (
        "«Кто за это ответит?» — спросила Анна Кузнецова.",
        [("Кто за это ответит?", "Анна Кузнецова")],
    ),
    ('"Команда готова", - заявил Валерий Карпин.', [("Команда готова", "Валерий Карпин")]),
    (
        "По словам экономиста Сергея Гуриева, «рынок труда перегрет».",
        [("рынок труда перегрет", "Сергей Гуриев")],
    ),
    (
        "Политолог Иван Петров отметил, что «выборы пройдут спокойно».",
        [("выборы пройдут спокойно", "Иван Петров")],
    ),
    # a verb whose stem alternates (писать → пишет) is still a speech verb
    (
        "Как пишет Мария Захарова, «решение уже принято».",
        [("решение уже принято", "Мария Захарова")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LAYOUTS)
def test_layouts(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


def test_multi_paragraph_is_one_quote() -> None:
    text = "«Первые поставки уже в пути.\n\n«Остальные придут в мае», — сказал Павел Орлов."
    [(quote, speaker)] = pairs(text)
    assert quote.startswith("Первые") and quote.endswith("в мае") and speaker == "Павел Орлов"


def test_nested_quote_stays_inside() -> None:
    text = "«Люди кричали „Горим!“ и бежали», — рассказал свидетель Олег Белов."
    assert pairs(text) == [("Люди кричали „Горим!“ и бежали", "Олег Белов")]


def test_follow_on_quote_goes_to_previous_speaker() -> None:
    text = "«Школу откроют к осени», — заверил мэр Игорь Логинов. «Подрядчик уже работает»."
    assert [s for _, s in pairs(text)] == ["Игорь Логинов", "Игорь Логинов"]


@pytest.mark.parametrize(
    ("text", "speaker_text", "normal"),
    [
        (
            "Губернатор Илья Середюк посетил шахту. «Шахта работает штатно», — сказал он.",
            "он",
            "Илья Середюк",
        ),
        (
            (
                "Министр Антон Котяков и вице-премьер Татьяна Голикова провели совещание. "
                "«Программа продлена», — сообщила она."
            ),
            "она",
            "Татьяна Голикова",
        ),
        (
            (
                "Губернатор Кузбасса Илья Середюк посетил шахту. «Шахта работает штатно», — "
                "подчеркнул глава региона."
            ),
            "глава региона",
            "Илья Середюк",
        ),
        ("«Мост закроют на ремонт», — предупредил глава города.", "глава города", "глава города"),
        (
            "Писательница Людмила Улицкая приехала в Казань. "
            "«Это книга о семье», — сказала Улицкая.",
            "Улицкая",
            "Людмила Улицкая",
        ),
        (
            "«Цены стабилизируются», — сказал ТАСС собеседник в отрасли.",
            "собеседник в отрасли",
            "собеседник",
        ),
        (
            "«Сделка закрыта», — рассказал «Известиям» источник в правительстве.",
            "источник в правительстве",
            "источник",
        ),
        (
            "«Пожар потушен», — говорится в сообщении пресс-службы администрации Барнаула.",
            "пресс-службы администрации Барнаула",
            "пресс-служба администрации Барнаула",
        ),
        ("«Нарушений нет», — сказано в документе.", "документе", "документ"),
        (
            "«Все пассажиры эвакуированы», — сообщили в пресс-службе аэропорта «Пулково».",
            "пресс-службе аэропорта «Пулково»",
            "пресс-служба аэропорта «Пулково»",
        ),
    ],
)
def test_sources(text: str, speaker_text: str, normal: str) -> None:
    [q] = quotes(text)
    assert q.speaker is not None
    assert (q.speaker.text, q.speaker.normal) == (speaker_text, normal)


def test_entity_speaker_has_the_entity_offsets() -> None:
    text = "«Мы открыты», — сказал посол Франции Пьер Леви."
    entities = find_entities(text)
    [q] = find_quotes(text, entities)
    assert q.speaker is not None
    assert any(
        (e.start, e.end) == (q.speaker.start, q.speaker.end) and e.label == "PER" for e in entities
    )
    assert q.speaker.text == "Пьер Леви"  # the job title is not part of the speaker


@pytest.mark.parametrize(
    "text",
    [
        "Акционеры ПАО «Лукойл» и АО «Северсталь» соберутся в Москве.",
        "Газета «Ведомости» пишет о возможной сделке.",
        "Фильм «Солнечный удар» покажут на фестивале «Окно в Европу».",
        "Тренер «Зенита» отказался от комментариев.",
        "Критики назвали законопроект «сырым».",
        "Эксперты предупредили о «серых схемах».",
        "Партия «Новые люди» выдвинула кандидата, сообщили в штабе.",
        "Госдума приняла закон «О внесении изменений в Налоговый кодекс».",
        "Матч «Зенит» — «Спартак» пройдет в субботу.",
        "Президент Александр Лукашенко сказал, что урожай будет рекордным.",
    ],
)
def test_not_quotes(text: str) -> None:
    assert quotes(text) == []


def test_no_quotes_in_noise() -> None:
    caption = "Мэр Иван Петров: «Мы справимся с паводком» Фото: Анна Орлова © URA.RU"
    body = "«Вода уходит», — сказал Иван Петров."
    text = f"{caption}\n\n{body}"
    found = quotes(text, (Noise(0, len(caption), "caption"),))
    assert [q.text for q in found] == ["Вода уходит"]


def test_addressee_is_never_the_speaker() -> None:
    text = "В интервью ТАСС министр энергетики Сергей Цивилев сказал: «Добыча растет»."
    [q] = quotes(text)
    assert q.speaker is not None and q.speaker.normal == "Сергей Цивилев"


def test_empty_and_markless_texts() -> None:
    assert quotes("") == []
    assert quotes("Просто текст без кавычек.") == []
