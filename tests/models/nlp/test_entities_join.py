"""Name characters and words cut off a span are put back: Yahoo!, Co., им. X."""

from __future__ import annotations

import pytest

from models.nlp.entity_join import join_names, with_adjectives


@pytest.mark.parametrize(
    ("text", "cut", "whole"),
    [
        ("Компания Yahoo! закрыла сервис.", "Yahoo", "Yahoo!"),
        ("Контракт получила Samsung Co. в прошлом году.", "Samsung Co", "Samsung Co."),
        ("Акции Tata Sons Ltd. подешевели.", "Tata Sons Ltd", "Tata Sons Ltd."),
    ],
)
def test_a_names_own_final_character_is_kept(ent, spans, text: str, cut: str, whole: str) -> None:
    assert spans(join_names(text, [ent(text, cut, "ORG")])) == [(whole, "ORG")]


@pytest.mark.parametrize(
    "text", ["Он вернулся в Москву!", "Это сказал Иван Петров. Потом ушёл.", "Спасибо, Yahoo!"]
)
def test_sentence_punctuation_stays_outside(ent, text: str) -> None:
    surface = next(w.strip(".!,") for w in reversed(text.split()) if w[:1].isupper())
    found = join_names(text, [ent(text, surface, "ORG")])
    assert [e.text for e in found] == [surface]


def test_an_institution_and_the_person_it_is_named_after_are_one_org(ent, spans) -> None:
    text = "Спектакль покажут в Театре им. Евгения Вахтангова весной."
    ents = [ent(text, "Театре им", "ORG"), ent(text, "Евгения Вахтангова", "PER")]
    assert spans(join_names(text, ents)) == [("Театре им. Евгения Вахтангова", "ORG")]


def test_an_institution_and_a_person_in_the_next_sentence_stay_apart(ent, spans) -> None:
    text = "Спектакль покажут в Театре. Евгений Вахтангов его не видел."
    ents = [ent(text, "Театре", "ORG"), ent(text, "Евгений Вахтангов", "PER")]
    assert spans(join_names(text, ents)) == [("Театре", "ORG"), ("Евгений Вахтангов", "PER")]


@pytest.mark.parametrize(
    ("text", "name", "label", "whole", "normal"),
    [
        (
            "Посол встретился с главой японского МИДа вчера.",
            "МИДа",
            "ORG",
            "японского МИДа",
            "японский МИД",
        ),
        (
            "Санкции российского Минсельхоза ударят по экспорту.",
            "Минсельхоза",
            "ORG",
            "российского Минсельхоза",
            "российский Минсельхоз",
        ),
        (
            "Город стал американской Кремниевой долиной.",
            "Кремниевой долиной",
            "LOC",
            "американской Кремниевой долиной",
            "американская Кремниевая долина",
        ),
    ],
)
def test_a_relational_adjective_before_a_name_joins_it(
    ent, text: str, name: str, label: str, whole: str, normal: str
) -> None:
    base = ent(text, name, label, normal.split(maxsplit=1)[1])
    [found] = with_adjectives(text, [base])
    assert (found.text, found.label, found.normal) == (whole, label, normal)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Решение нелегитимной Мосгордумы оспорили.", "Мосгордумы"),
        ("Акции российского производителя Сбербанка выросли.", "Сбербанка"),
        ("Российские Вооружённые силы провели учения.", "Вооружённые силы"),
    ],
)
def test_other_words_before_a_name_stay_outside(ent, text: str, name: str) -> None:
    assert [e.text for e in with_adjectives(text, [ent(text, name, "ORG")])] == [name]
