"""A document's owner is the source: "— написано в письме губернатора X", "— указано в
заявлении министра X" give X (a short passive participle points into the document like
"говорится"); the document is the source only when no one owns it in the clause."""

from __future__ import annotations

import pytest

from tests.models.test_quotes_helpers import speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "«Прошу разобраться с этой ситуацией как можно скорее», — написано в письме "
            "губернатора Александра Беглова.",
            "Александр Беглов",
        ),
        (
            "«Мы требуем немедленно прекратить огонь», — указано в заявлении министра "
            "иностранных дел Ирана Аббаса Аракчи.",
            "Аббас Аракчи",
        ),
        (
            "Министр обороны Андрей Белоусов подписал документ. «Все задачи будут выполнены в "
            "срок», — отмечено в заявлении министра.",
            "Андрей Белоусов",
        ),
        (
            "«Прошу выделить средства на ремонт школы», — написано в письме на имя "
            "губернатора Александра Беглова.",
            "письмо",
        ),
        ("«Мы не согласны с решением суда», — указано в документе.", "документ"),
    ],
)
def test_the_owner_of_a_document_is_the_source(text: str, expected: str) -> None:
    assert speakers(text) == [expected]
