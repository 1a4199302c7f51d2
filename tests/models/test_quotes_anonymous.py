"""A pronoun that stands for an unnamed source ("собеседник газеты", "источник в …",
"сотрудник администрации") resolves to that source, as a role noun with no person is
itself the speaker; each rule on fresh sentences."""

from __future__ import annotations

import pytest
from test_quotes_helpers import speakers

pytestmark = pytest.mark.slow


def test_he_after_a_source_that_was_the_subject() -> None:
    text = (
        "Источник в мэрии рассказал «Коммерсанту» о новом тарифе. "
        "«Проезд подорожает с марта», — сказал он."
    )
    assert speakers(text) == ["источник"]


def test_he_after_the_source_of_po_slovam() -> None:
    text = (
        "По словам собеседника агентства в отрасли, сделку перенесут. "
        "«Покупатель просит новую оценку», — добавил он."
    )
    assert speakers(text) == ["собеседник агентства"]


def test_he_after_a_source_that_spoke_the_quote_before() -> None:
    text = (
        "«Списки уже согласованы», — сказал сотрудник областного правительства. "
        "«Осталось их подписать», — уточнил он."
    )
    assert speakers(text) == ["сотрудник областного правительства"] * 2


def test_she_after_a_woman_source() -> None:
    text = (
        "Собеседница издания в министерстве подтвердила, что приказ готов. "
        "«Его опубликуют на следующей неделе», — сказала она."
    )
    assert speakers(text) == ["собеседница издания"]


def test_a_source_of_money_is_no_speaker() -> None:
    text = "Источник финансирования стройки — областной бюджет. «Денег хватит», — сказал он."
    assert speakers(text) == ["он"]


def test_a_named_person_still_wins_over_the_source_noun() -> None:
    text = (
        "Представитель компании Ирина Лосева подтвердила сделку. "
        "«Документы подписаны вчера», — сказала она."
    )
    assert speakers(text) == ["Ирина Лосева"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "«Пострадавших доставили в больницу», — сказал «Новостям Петербурга» источник в "
            "экстренных службах.",
            "источник",
        ),
        (
            "«Рейс задержан из-за погоды», — рассказал Business FM собеседник в аэропорту.",
            "собеседник",
        ),
        (
            "Как сообщил «Новостям Подмосковья» источник в правоохранительных органах "
            "региона, «задержанных отпустили под подписку о невыезде».",
            "источник",
        ),
    ],
)
def test_the_outlet_told_is_never_the_source_beside_an_unnamed_one(
    text: str, expected: str
) -> None:
    assert speakers(text) == [expected]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("— распорядился женский голос в трубке.", "женский голос"),
        ("— ответил голос за дверью.", "голос"),
    ],
)
def test_an_unseen_voice_is_an_unnamed_source(clause: str, expected: str) -> None:
    text = (
        "Директор школы Ольга Рябова включила громкую связь, чтобы все слышали разговор. "
        f"«Проверку переносим на пятницу», {clause}"
    )
    assert speakers(text) == [expected]


def test_a_voice_in_the_instrumental_is_no_source() -> None:
    text = (
        "Директор школы Ольга Рябова вышла к родителям. «Проверку переносим на пятницу», "
        "— сказала она усталым голосом."
    )
    assert speakers(text) == ["Ольга Рябова"]
