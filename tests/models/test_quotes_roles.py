"""A role noun stands for the person introduced with that role, on fresh sentences: a named
body in the role must be the holder's ("глава НАТО" is not the French president), a title
that ends another is the same title ("кинорежиссер" ~ "режиссер"), one only told is not
the holder of another title, and the holder of a view or of words is their speaker."""

from __future__ import annotations

import pytest
from test_quotes_helpers import speakers

pytestmark = pytest.mark.slow


def test_a_named_body_in_the_role_must_be_the_holders() -> None:
    text = (
        "Президент Франции Эмманюэль Макрон в среду принял в Париже генерального секретаря "
        "НАТО Марка Рютте. После встречи журналисты задали вопросы обоим.\n\n"
        "«Альянс не станет втягиваться в этот конфликт», — сказал глава НАТО."
    )
    assert speakers(text) == ["Марк Рютте"]


def test_a_title_that_ends_another_is_the_same_title() -> None:
    text = (
        "Новую картину снял режиссер Антон Быстров. В интервью журналисту Павлу Гусеву "
        "он рассказал о съемках в Карелии.\n\n"
        "«Я хотел показать север таким, каким помню его с детства», — признался кинорежиссер."
    )
    assert speakers(text) == ["Антон Быстров"]


def test_the_holder_of_a_view_is_its_speaker() -> None:
    text = (
        "Противоположного мнения придерживается депутат Законодательного собрания Ольга "
        "Кравец. Позиция Кравец такова: «Бюджет области не выдержит новой стройки»."
    )
    assert speakers(text) == ["Ольга Кравец"]


def test_a_name_inside_a_monuments_name_holds_no_role() -> None:
    text = (
        "Генеральный примар города Ион Попеску возложил цветы к памятнику Штефану чел Маре "
        "в День города Бельцы. «Да здравствуют Бельцы!» — сказал мэр."
    )
    assert speakers(text) == ["Ион Попеску"]
