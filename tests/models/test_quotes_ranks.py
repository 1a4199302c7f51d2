"""A clipped deputy or acting title ("замглавы МИД", "замминистра", "зампред", "врио
губернатора", "и.о. главы") stands for the person introduced with that rank in full, not
for the chief named beside them, in any word order and sentence position."""

from __future__ import annotations

import pytest

from tests.models.test_quotes_helpers import pairs, speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Глава МИД Казахстана Мурат Нуртлеу и заместитель главы МИД Алибек Бакаев провели "
            "встречу с послом Японии. «Мы обсудили вопросы торговли и инвестиций», — сказал "
            "замглавы МИД.",
            "Алибек Бакаев",
        ),
        (
            "Министр финансов Антон Силуанов и заместитель министра финансов Иван Сорокин "
            "выступили в Госдуме. «Дефицит бюджета сократится в следующем году», — заявил "
            "замминистра.",
            "Иван Сорокин",
        ),
        (
            "Заместитель главы МИД Алибек Бакаев ответил на вопросы журналистов. Ранее посол "
            "России Алексей Бородавкин заявил о переговорах. По словам замглавы МИД, "
            "«переговоры с соседями обязательно продолжатся».",
            "Алибек Бакаев",
        ),
        (
            "Председатель правительства Михаил Мишустин и его заместитель Марат Хуснуллин "
            "провели совещание. «Стройка идет с опережением графика», — заявил зампред "
            "правительства.",
            "Марат Хуснуллин",
        ),
        (
            "И.о. главы района Петр Гусев встретился с жителями. Глава соседнего района Иван "
            "Котов приехал позже. «Воду в дома дадут завтра утром», — сказал и.о. главы.",
            "Петр Гусев",
        ),
        (
            "В Тверь приехал врио губернатора Андрей Лосев. Мэр Игорь Белов встретил его на "
            "вокзале. «Дорогу отремонтируют к осени», — пообещал врио губернатора.",
            "Андрей Лосев",
        ),
    ],
)
def test_a_ranked_role_is_the_holder_of_that_rank(text: str, expected: str) -> None:
    assert speakers(text) == [expected]


def test_the_mention_stays_the_role_words() -> None:
    text = (
        "Министр финансов Антон Силуанов и заместитель министра финансов Иван Сорокин "
        "выступили в Госдуме. «Дефицит бюджета сократится в следующем году», — заявил "
        "замминистра финансов."
    )
    from models.nlp.ner import find_entities
    from models.quotes.find import find_quotes

    (quote,) = find_quotes(text, find_entities(text))
    assert quote.speaker is not None
    assert quote.speaker.text == "замминистра финансов"
    assert quote.speaker.normal == "Иван Сорокин"


def test_a_plain_role_still_finds_the_chief() -> None:
    text = (
        "Министр финансов Антон Силуанов и заместитель министра финансов Иван Сорокин "
        "выступили в Госдуме. «Дефицит бюджета сократится в следующем году», — заявил министр."
    )
    assert pairs(text)[0][1] == "Антон Силуанов"


@pytest.mark.parametrize(
    ("text", "mention", "normal"),
    [
        (
            "«Воду в дома дадут завтра утром», — сказал и.о. главы района.",
            "и.о. главы района",
            "и.о. главы района",
        ),
        (
            "Губернатор Игорь Руденя и временно исполняющий обязанности главы района Петр "
            "Гусев встретились с жителями. «Воду в дома дадут завтра утром», — сказал "
            "исполняющий обязанности главы района.",
            "исполняющий обязанности главы района",
            "Петр Гусев",
        ),
    ],
)
def test_an_acting_title_is_one_mention(text: str, mention: str, normal: str) -> None:
    from models.nlp.ner import find_entities
    from models.quotes.find import find_quotes

    (quote,) = find_quotes(text, find_entities(text))
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.normal) == (mention, normal)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("замглавы МИД", "Алибек Бакаев"),
        ("замглавы Минфина", "Иван Сорокин"),
        ("замминистра финансов", "Иван Сорокин"),
        ("замминистра иностранных дел", "Алибек Бакаев"),
    ],
)
@pytest.mark.parametrize("order", [0, 1])
def test_two_deputies_are_told_apart_by_their_office(role: str, expected: str, order: int) -> None:
    people = [
        "заместитель министра иностранных дел Алибек Бакаев",
        "заместитель министра финансов Иван Сорокин",
    ]
    first, second = people if order == 0 else people[::-1]
    text = (
        f"{first[0].upper()}{first[1:]} и {second} провели переговоры с делегацией. "
        f"«Документы по проекту подписаны», — сказал {role}."
    )
    assert speakers(text) == [expected]
