"""Lone surnames: labelled PER everywhere, with the person's most frequent full name."""

from __future__ import annotations

import pytest

from models.nlp.surnames import resolve_surnames, surname_forms


def test_a_lone_surname_in_any_case_gets_the_full_name(ent, normals) -> None:
    text = "Министр Сергей Лапин прилетел в Томск. С Лапиным встретился губернатор."
    found = resolve_surnames(
        text, [ent(text, "Сергей Лапин", "PER"), ent(text, "Лапиным", "PER", "Лапин")]
    )
    assert normals(found) == {"Сергей Лапин": "Сергей Лапин", "Лапиным": "Сергей Лапин"}


def test_a_surname_natasha_missed_is_found_everywhere(ent, spans, normals) -> None:
    text = "Сергей Лапин прилетел в Томск. Лапину показали цех. Лапин остался доволен."
    found = resolve_surnames(text, [ent(text, "Сергей Лапин", "PER")])
    assert spans(found) == [("Сергей Лапин", "PER"), ("Лапину", "PER"), ("Лапин", "PER")]
    assert set(normals(found).values()) == {"Сергей Лапин"}


def test_the_most_frequent_full_name_wins_over_the_nearest(ent) -> None:
    text = (
        "Анна Иванова возглавила фонд. Анна Иванова раньше работала в банке. "
        "Её заместителем стал Олег Иванов. Иванова подписала приказ."
    )
    ents = [
        ent(text, "Анна Иванова", "PER"),
        ent(text, "Анна Иванова", "PER", nth=1),
        ent(text, "Олег Иванов", "PER"),
        ent(text, "Иванова", "PER", nth=2),
    ]
    lone = [e for e in resolve_surnames(text, ents) if e.text == "Иванова"]
    assert [e.normal for e in lone] == ["Анна Иванова"]


def test_a_span_that_is_not_a_first_name_and_surname_gives_no_full_name(ent) -> None:
    text = "Депутат Петров выступил. Лига Петров объявила сбор. Петров ушёл."
    ents = [ent(text, "Петров", "PER"), ent(text, "Лига Петров", "PER")]
    found = resolve_surnames(text, ents)
    assert all(e.normal != "Лига Петров" for e in found if e.text == "Петров")


def test_a_womans_first_name_with_a_mans_surname_is_no_full_name(ent) -> None:
    text = "Письмо Сталину Вертинский написал сам. Вертинский пел в Харбине."
    joined = ent(text, "Сталину Вертинский", "PER", "Сталина Вертинский")
    found = resolve_surnames(text, [joined, ent(text, "Вертинский", "PER", nth=1)])
    assert [e.normal for e in found if e.text == "Вертинский"] == ["Вертинский"]


def test_a_first_name_of_either_gender_takes_the_surnames(ent, normals) -> None:
    text = "Министр Александра Кондаурова выступила. Кондауровой задали вопросы."
    found = resolve_surnames(text, [ent(text, "Александра Кондаурова", "PER")])
    assert normals(found)["Кондауровой"] == "Александра Кондаурова"


def test_the_first_name_before_a_missed_surname_joins_the_span(ent, spans) -> None:
    text = "Генерал Иван Дронов прибыл в штаб. Утром Иван Дронова не застали."
    found = resolve_surnames(text, [ent(text, "Иван Дронов", "PER")])
    assert ("Иван Дронова", "PER") in spans(found)


@pytest.mark.parametrize(
    ("surname", "female", "forms"),
    [
        ("Лапин", False, {"лапина", "лапину", "лапиным", "лапине"}),
        ("Лапина", True, {"лапиной", "лапину"}),
        ("Вертинский", False, {"вертинского", "вертинскому", "вертинским", "вертинском"}),
        ("Смит", False, {"смита", "смиту", "смитом"}),
        ("Смит", True, {"смит"}),
        ("Шевченко", False, {"шевченко"}),
    ],
)
def test_surname_forms(surname: str, female: bool, forms: set[str]) -> None:
    got = surname_forms(surname, female)
    assert forms <= got
    if female and surname == "Смит":
        assert got == {"смит"}  # a woman's foreign surname does not decline


def test_a_name_without_its_first_name_takes_the_full_name(ent, normals) -> None:
    text = "Глава Еврокомиссии Урсула фон дер Ляйен выступила. Позже фон дер Ляйен уехала."
    ents = [ent(text, "Урсула фон дер Ляйен", "PER"), ent(text, "фон дер Ляйен", "PER", nth=1)]
    assert normals(resolve_surnames(text, ents))["фон дер Ляйен"] == "Урсула фон дер Ляйен"
