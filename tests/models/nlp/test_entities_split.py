"""One natasha span over several names becomes one span per name, brackets outside."""

from __future__ import annotations

import pytest

from models.nlp.entity_rules import refine
from models.nlp.entity_split import label_lists, split_spans


def test_a_name_and_its_bracketed_abbreviation_are_two_spans(ent, spans) -> None:
    text = "Федеральная налоговая служба (ФНС) проверила отчёт."
    joined = ent(text, "Федеральная налоговая служба (ФНС", "ORG")
    assert spans(split_spans(text, [joined])) == [
        ("Федеральная налоговая служба", "ORG"),
        ("ФНС", "ORG"),
    ]


def test_a_person_and_the_latin_spelling_are_two_persons_with_normal_forms(ent, normals) -> None:
    text = "Об этом сообщил Джону Уэйну (John Wayne) его агент."
    joined = ent(text, "Джону Уэйну (John Wayne", "PER", "Джон Уэйн (John Wayne")
    found = split_spans(text, [joined])
    assert normals(found) == {"Джону Уэйну": "Джон Уэйн", "John Wayne": "John Wayne"}


def test_a_bracketed_abbreviation_after_a_person_is_an_organization(ent, spans) -> None:
    text = "Митрополит Тихон (РПЦ) прибыл в Псков."
    found = split_spans(text, [ent(text, "Тихон (РПЦ", "PER")])
    assert spans(found) == [("Тихон", "PER"), ("РПЦ", "ORG")]


def test_bulleted_places_are_one_span_each(ent, spans) -> None:
    text = "Участники: Перу • Чили • Уругвай • Парагвай"
    joined = [ent(text, "Перу • Чили", "LOC"), ent(text, "Уругвай • Парагвай", "LOC")]
    assert [t for t, _ in spans(split_spans(text, joined))] == [
        "Перу",
        "Чили",
        "Уругвай",
        "Парагвай",
    ]


def test_the_odd_item_of_a_bulleted_list_takes_the_lists_label(ent, spans) -> None:
    text = "Страны: Перу • Чили • Коста Рика • Уругвай"
    ents = [ent(text, w, "LOC") for w in ("Перу", "Чили", "Уругвай")]
    ents.append(ent(text, "Коста Рика", "PER"))
    assert {label for _, label in spans(label_lists(text, ents))} == {"LOC"}


def test_two_persons_listed_with_a_comma_are_two_persons(ent, spans) -> None:
    text = "Гол забил Сёмин (Овечкин, Фёдоров)."
    found = split_spans(text, [ent(text, "Овечкин, Фёдоров", "PER")])
    assert spans(found) == [("Овечкин", "PER"), ("Фёдоров", "PER")]


def test_names_in_different_cases_are_two_persons(ent, normals) -> None:
    text = "Письмо Сталину Вертинский написал сам."
    joined = ent(text, "Сталину Вертинский", "PER", "Сталин Вертинский")
    found = split_spans(text, [joined])
    assert normals(found) == {"Сталину": "Сталин", "Вертинский": "Вертинский"}


@pytest.mark.parametrize(
    ("surface", "normal"),
    [
        ("Владимира Путина", "Владимир Путин"),
        ("Джошуа Вольфа", "Джошуа Вольф"),
        ("Садыром Жапаровым", "Садыр Жапаров"),
        ("Анна Смит", "Анна Смит"),
    ],
)
def test_one_persons_name_stays_one_span(ent, spans, surface: str, normal: str) -> None:
    text = f"Мы говорили о том, что {surface} сказал вчера."
    assert spans(split_spans(text, [ent(text, surface, "PER", normal)])) == [(surface, "PER")]


def test_a_joined_span_gives_no_full_name_to_lone_surnames(ent) -> None:
    text = (
        "Александр Вертинский вернулся в Москву. Александр Вертинский много гастролировал. "
        "Письмо Сталину Вертинский написал сам. Вертинского встречали толпы."
    )
    ents = [
        ent(text, "Александр Вертинский", "PER"),
        ent(text, "Александр Вертинский", "PER", nth=1),
        ent(text, "Сталину Вертинский", "PER", "Сталин Вертинский"),
        ent(text, "Вертинского", "PER", "Вертинский"),
    ]
    found = refine(text, ents)
    assert all(e.normal != "Сталин Вертинский" for e in found)
    lone = [e.normal for e in found if e.text in ("Вертинский", "Вертинского")]
    assert lone == ["Александр Вертинский", "Александр Вертинский"]
