"""Name characters and words cut off a span are put back: Yahoo!, Co., им. X."""

from __future__ import annotations

import pytest
from entity_helpers import ent, spans

from models.nlp.entity_join import join_names


@pytest.mark.parametrize(
    ("text", "cut", "whole"),
    [
        ("Компания Yahoo! закрыла сервис.", "Yahoo", "Yahoo!"),
        ("Контракт получила Samsung Co. в прошлом году.", "Samsung Co", "Samsung Co."),
        ("Акции Tata Sons Ltd. подешевели.", "Tata Sons Ltd", "Tata Sons Ltd."),
    ],
)
def test_a_names_own_final_character_is_kept(text: str, cut: str, whole: str) -> None:
    assert spans(join_names(text, [ent(text, cut, "ORG")])) == [(whole, "ORG")]


@pytest.mark.parametrize(
    "text", ["Он вернулся в Москву!", "Это сказал Иван Петров. Потом ушёл.", "Спасибо, Yahoo!"]
)
def test_sentence_punctuation_stays_outside(text: str) -> None:
    surface = next(w.strip(".!,") for w in reversed(text.split()) if w[:1].isupper())
    found = join_names(text, [ent(text, surface, "ORG")])
    assert [e.text for e in found] == [surface]


def test_an_institution_and_the_person_it_is_named_after_are_one_org() -> None:
    text = "Спектакль покажут в Театре им. Евгения Вахтангова весной."
    ents = [ent(text, "Театре им", "ORG"), ent(text, "Евгения Вахтангова", "PER")]
    assert spans(join_names(text, ents)) == [("Театре им. Евгения Вахтангова", "ORG")]


def test_an_institution_and_a_person_in_the_next_sentence_stay_apart() -> None:
    text = "Спектакль покажут в Театре. Евгений Вахтангов его не видел."
    ents = [ent(text, "Театре", "ORG"), ent(text, "Евгений Вахтангов", "PER")]
    assert spans(join_names(text, ents)) == [("Театре", "ORG"), ("Евгений Вахтангов", "PER")]
