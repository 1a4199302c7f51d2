"""Labels by what the dictionary knows: bodies are ORG, common words are no entity."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from models.nlp.entity_labels import check_labels


@pytest.fixture(scope="session")
def labels(ent, spans) -> Callable[[str, str, str], list[tuple[str, str]]]:
    """``labels(text, surface, label)``: what the check makes of one natasha span."""

    def labels_of(text: str, surface: str, label: str) -> list[tuple[str, str]]:
        return spans(check_labels(text, [ent(text, surface, label)]))

    return labels_of


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Решение поддержали НАТО и Украина.", "НАТО"),
        ("Санкции ЕС вступили в силу.", "ЕС"),
        ("В ООН призвали к перемирию.", "ООН"),
        ("Евросоюз продлил санкции.", "Евросоюз"),
        ("Посол Евросоюза вручил грамоты.", "Евросоюза"),
        ("Решение Еврокомиссии оспорили.", "Еврокомиссии"),
        ("Страны Европейского союза ввели квоты.", "Европейского союза"),
        ("Саммит Африканского союза прошёл в Аддис-Абебе.", "Африканского союза"),
    ],
)
def test_a_body_natasha_calls_a_place_is_an_org(labels, text: str, surface: str) -> None:
    assert labels(text, surface, "LOC") == [(surface, "ORG")]


def test_a_person_the_dictionary_knows_only_as_an_organization_is_an_org(labels) -> None:
    assert labels("Команда Феррари не подавала апелляцию.", "Феррари", "PER") == [
        ("Феррари", "ORG")
    ]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Он родился в Советском Союзе.", "Советском Союзе"),
        ("Делегация прибыла в Белоруссию.", "Белоруссию"),
        ("Экспорт в США вырос.", "США"),
        ("Туристы весь день гуляли в Кремле.", "Кремле"),
        ("Машины стояли у Кремля.", "Кремля"),
    ],
)
def test_a_place_stays_a_place(labels, text: str, surface: str) -> None:
    assert labels(text, surface, "LOC") == [(surface, "LOC")]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Кремль ответил на письмо сдержанно.", "Кремль"),
        ("Источник в администрации Кремля.", "Кремля"),
    ],
)
def test_the_kremlin_acting_is_an_org(labels, text: str, surface: str) -> None:
    assert labels(text, surface, "LOC") == [(surface, "ORG")]


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("Об этом сообщили местные СМИ.", "СМИ", "ORG"),
        ("Подозреваемого поместили в СИЗО.", "СИЗО", "ORG"),
        ("Курс достиг 90 USD за баррель.", "USD", "ORG"),
        ("Сайты в зоне .РФ подешевели.", "РФ", "LOC"),
        ("Отделился модуль ПАО, и корабль вошёл в атмосферу.", "ПАО", "ORG"),
        ("Он выиграл этап Формулы-1 в Монако.", "Формулы-1", "PER"),
    ],
)
def test_a_common_word_is_no_entity(labels, text: str, surface: str, label: str) -> None:
    assert labels(text, surface, label) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Вернувшись из Казани, министр выступил.", "Вернувшись"),
        ("Узнав о решении, он уехал.", "Узнав"),
        ("Здравствуйте, дорогие читатели!", "Здравствуйте"),
        ("Итоги подведены. Подана первая заявка.", "Подана"),
        ("Маэстро не видит звёзд.", "Маэстро"),
        ("Речная экосистема пострадала.", "Речная"),
    ],
)
def test_a_capitalized_non_name_at_a_sentence_start_is_no_person(
    labels, text: str, surface: str
) -> None:
    label = "LOC" if surface == "Речная" else "PER"
    assert labels(text, surface, label) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Медведев заявил о сделке.", "Медведев"),
        ("Вчера Вернувшись не выступал.", "Вернувшись"),  # not at a sentence start
        ("Роман вернулся домой.", "Роман"),
    ],
)
def test_a_name_at_a_sentence_start_stays(labels, text: str, surface: str) -> None:
    assert labels(text, surface, "PER") == [(surface, "PER")]


@pytest.mark.parametrize(
    ("text", "surface", "normal"),
    [
        ("Как сообщили в минобороны, учения продлятся неделю.", "минобороны", "Минобороны"),
        ("Представитель минфина отказался от комментариев.", "минфина", "Минфин"),
        ("Посол встретился с главой мида Грузии.", "мида", "МИД"),
        ("В госдуме законопроект поддержали.", "госдуме", "Госдума"),
        (
            "Так заверили в региональном минздраве.",
            "региональном минздраве",
            "региональный Минздрав",
        ),
    ],
)
def test_a_lowercase_organization_is_an_org(text: str, surface: str, normal: str) -> None:
    found = [e for e in check_labels(text, []) if e.label == "ORG"]
    assert [(e.text, e.normal) for e in found] == [(surface, normal)]


@pytest.mark.parametrize(
    "text",
    ["Через минуту министр ушёл.", "Гости ждали у моста.", "Рост цен в государстве замедлился."],
)
def test_common_words_that_start_like_a_body_are_no_org(text: str) -> None:
    assert check_labels(text, []) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Службу провёл архиепископ Лонгин Клинский.", "Лонгин Клинский"),
        ("Памятник Ивану Сусанину открыли в Костроме.", "Ивану Сусанину"),
    ],
)
def test_a_first_name_and_surname_natasha_called_a_place_is_a_person(
    labels, text: str, surface: str
) -> None:
    assert labels(text, surface, "LOC") == [(surface, "PER")]


def test_a_place_named_after_a_person_stays_a_place(labels) -> None:
    text = "Он живёт в Александровском районе."
    assert labels(text, "Александровском районе", "LOC") == [("Александровском районе", "LOC")]


def test_an_abbreviation_that_names_a_body_is_no_legal_form(labels) -> None:
    assert labels("СК возбудил уголовное дело.", "СК", "ORG") == [("СК", "ORG")]
