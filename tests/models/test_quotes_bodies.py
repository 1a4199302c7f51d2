"""Institutions and outlets on real news, each rule on fresh sentences: an outlet that
relays is no source, "в ведомстве" skips it and may look back to the headline, and an
organization in a title is the body when nothing else is named."""

from __future__ import annotations

import pytest
from test_quotes_helpers import speakers

from models.quotes.find import find_quotes
from models.spans import Entity

pytestmark = pytest.mark.slow


def test_an_outlet_that_relays_is_no_source() -> None:
    assert speakers("«Переговоры продолжатся в пятницу», — передает Интерфакс.") == [None]


def test_relaying_someones_words_gives_that_someone() -> None:
    text = "«Мы не отступим», — приводит агентство слова Смирнова."
    assert speakers(text) == ["Смирнов"]


def test_the_agency_noun_skips_the_outlet_that_relayed() -> None:
    text = (
        "Об этом говорится в сообщении пресс-службы Минтранса, передает «Вести». «Новые "
        "правила вступят в силу с марта», — уточнили в министерстве."
    )
    assert speakers(text) == ["Минтранс"]


def test_the_agency_noun_looks_back_to_the_headline() -> None:
    text = (
        "Минздрав опроверг слухи о закрытии районных больниц\n\n"
        "Ранее депутаты городской думы заявили, что в трех районах сократят врачей.\n\n"
        "Утром в понедельник в федеральном ведомстве пояснили, что «ни одна больница не "
        "будет закрыта без замены»."
    )
    assert speakers(text) == ["Минздрав"]


def test_an_organization_in_a_title_is_the_agency() -> None:
    text = 'Глава МЧС Илья Лосев заявил: "Пожар потушен силами двух бригад“,- сообщает ведомство.'
    assert speakers(text) == ["МЧС"]


def test_the_press_service_alone_is_the_body_named_before() -> None:
    text = (
        "Пресс-служба ГУ МЧС по Тверской области сообщила о пожаре на складе. «Возгорание "
        "ликвидировано, пострадавших нет», — уточнили в пресс-службе управления."
    )
    assert speakers(text) == ["МЧС"]  # natasha tags the ORG without "ГУ"


def _org(text: str, name: str) -> Entity:
    start = text.index(name)
    return Entity(start, start + len(name), "ORG", name, name)


def test_an_org_span_without_its_marks_is_still_the_source() -> None:
    text = "«Рейсы выполняются по расписанию», — сообщили в «Аэрофлоте»."
    [quote] = find_quotes(text, [_org(text, "Аэрофлоте")])
    assert quote.speaker is not None and quote.speaker.text.strip("«»") == "Аэрофлоте"


def test_an_org_name_in_marks_is_no_quote_when_its_span_leaves_them_out() -> None:
    text = "Об этом сообщили «Российские железные дороги» в пятницу."
    assert find_quotes(text, [_org(text, "Российские железные дороги")]) == []


def test_a_repeated_generic_noun_keeps_its_body_past_another_one() -> None:
    text = (
        "Следственный комитет возбудил дело о поджоге склада. Об этом говорится в "
        "сообщении пресс-службы ведомства. Полиция задержала двух подростков. "
        "«Задержанные дают признательные показания», — уточнили в ведомстве."
    )
    assert speakers(text) == ["Следственный комитет"]


def test_a_body_that_told_a_sentence_before_speaks_the_quote_after() -> None:
    text = (
        "Как сообщили в Центробанке, новые требования к банкам вступят в силу летом. "
        "«Кредитные организации получат время на подготовку»."
    )
    assert speakers(text) == ["Центробанк"]


def test_the_press_service_of_a_generic_body_after_a_colon_is_the_body_named() -> None:
    text = (
        "В Новосибирском зоопарке родился детеныш снежного барса. Как сообщили в "
        "пресс-службе зоопарка: «Малыш здоров и уже набирает вес»."
    )
    assert speakers(text) == ["Новосибирский зоопарк"]


def test_the_press_service_of_the_ministry_is_the_ministry_named() -> None:
    text = (
        "МИД Казахстана вызвал посла для объяснений. «Подобные заявления недопустимы», "
        "— сообщили в пресс-службе министерства."
    )
    assert speakers(text) == ["МИД"]  # natasha: ORG "МИД", LOC "Казахстана"


def test_an_outlet_relaying_a_role_nouns_words_gives_the_person() -> None:
    text = (
        "Депутат Сергей Миронов выступил против законопроекта о налогах. «Это удар по "
        "самым бедным», — приводит издание слова политика."
    )
    assert speakers(text) == ["Сергей Миронов"]


def test_an_agency_citing_the_ministers_words_gives_the_minister() -> None:
    text = (
        "Министр финансов Антон Силуанов выступил на форуме в Казани. «Дефицит бюджета "
        "сократится», — цитирует агентство слова министра."
    )
    assert speakers(text) == ["Антон Силуанов"]


def test_the_ministry_is_the_ministry_named_in_the_headline_not_the_last_party() -> None:
    text = (
        "Минфин предложил новые налоги\n\n"
        "Законопроект внесут в Госдуму осенью.\n\n"
        "Депутаты от КПРФ выступили против. Лидер партии Геннадий Зюганов назвал его "
        "грабежом.\n\n"
        "Эксперты тоже настроены скептически.\n\n"
        "«Налоги коснутся только богатых», — пояснили в министерстве."
    )
    assert speakers(text) == ["Минфин"]


def test_the_ministry_with_its_complement_is_its_abbreviation_named_before() -> None:
    text = (
        "В Минпросвещения ответили на критику учителей. «Нагрузка на педагогов снизится "
        "уже в этом году», — заявили в министерстве просвещения."
    )
    assert speakers(text) == ["Минпросвещения"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Директор Ленинградского зоопарка Ирина Скийченко рассказала о новых вольерах. "
            "Ранее об этом писал «Петербургский дневник». «Вольеры построят к лету», — "
            "сообщили в зоопарке.",
            "Ленинградский зоопарк",
        ),
        (
            "Московский цирк Никулина представил новую программу. «Билеты на все "
            "представления уже в продаже», — рассказали в цирке.",
            "Московский цирк Никулина",
        ),
    ],
)
def test_a_cultural_body_noun_is_the_body_named_with_it(text: str, expected: str) -> None:
    assert speakers(text) == [expected]
