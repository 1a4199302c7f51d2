"""Quoted names: an organization is the name inside the marks; titles are no entity."""

from __future__ import annotations

import pytest

from models.nlp.entity_quoted import apply_quoted, noun_before


@pytest.mark.parametrize(
    ("text", "natasha", "name"),
    [
        ("Акции ПАО «Северсталь» выросли.", "ПАО «Северсталь»", "Северсталь"),
        ("Концерн «Калашников» показал новинку.", "Концерн «Калашников»", "Калашников"),
        ("Об этом сообщает ИА Regnum со ссылкой на мэрию.", "ИА Regnum", "Regnum"),
        ("Об этом сообщает ИА Интерфакс.", "ИА Интерфакс", "Интерфакс"),
        ("Об этом сообщает агентство France-Presse.", "агентство France-Presse", "France-Presse"),
        ("Подрядчиком стало ООО «Ромашка", "ООО «Ромашка", "Ромашка"),
        ("Столичный театр «Et Cetera» приехал.", "Столичный театр «Et Cetera»", "Et Cetera"),
        ("Играл московский клуб «16 тонн».", "московский клуб «16 тонн»", "16 тонн"),
    ],
)
def test_the_legal_form_and_marks_are_cut_off(
    ent, spans, text: str, natasha: str, name: str
) -> None:
    found = apply_quoted(text, [ent(text, natasha, "ORG")])
    assert spans(found) == [(name, "ORG")]
    assert found[0].normal == name


def test_a_name_of_its_own_before_the_marks_is_kept_for_the_split(ent) -> None:
    text = "Он дал интервью Русской службе «Би-би-си» в Лондоне."
    joined = ent(text, "Русской службе «Би-би-си", "ORG")
    assert apply_quoted(text, [joined]) == [joined]


@pytest.mark.parametrize(
    "text",
    [
        "Депутаты от партии «Новые люди» проголосовали против.",
        "Сделку одобрил холдинг «Прогресс-Капитал».",
        "Об этом пишет журнал «Огонёк».",
        "Ведущий телеканала «Звезда» ушёл в отпуск.",
    ],
)
def test_a_quoted_name_after_an_organization_noun_is_an_org(spans, text: str) -> None:
    name = text[text.index("«") + 1 : text.index("»")]
    assert spans(apply_quoted(text, [])) == [(name, "ORG")]


def test_speech_after_an_organization_noun_is_no_name() -> None:
    text = "Представитель компании «Мы работаем, как обычно. Сбоев нет» добавил это позже."
    assert apply_quoted(text, []) == []


def test_natashas_place_inside_a_partys_name_becomes_the_partys_name(ent, spans) -> None:
    text = "Съезд партии «Справедливая Россия» открылся в Москве."
    found = apply_quoted(text, [ent(text, "Россия", "LOC"), ent(text, "Москве", "LOC")])
    assert spans(found) == [("Справедливая Россия", "ORG"), ("Москве", "LOC")]


@pytest.mark.parametrize(
    "text",
    [
        "Шаттл «Индевор» стартовал с мыса Канаверал.",
        "Режиссёр представил фильм «Ледокол» в Каннах.",
        "Гостей поселили в отеле «Метрополь».",
        "Песня «Кукушка» прозвучала в финале.",
    ],
)
def test_a_title_after_a_work_or_vehicle_noun_is_no_entity(ent, text: str) -> None:
    name = text[text.index("«") + 1 : text.index("»")]
    found = apply_quoted(text, [ent(text, name, "ORG")])
    assert name not in [e.text for e in found]


def test_a_titles_verdict_holds_for_its_other_mentions_and_coordinated_names(ent) -> None:
    text = (
        "Шаттлы «Индевор» (в апреле) и «Атлантис» ещё полетят. "
        "После «Индевор» на орбиту отправится «Атлантис»."
    )
    ents = [ent(text, "Индевор", "ORG", nth=n) for n in (0, 1)]
    ents += [ent(text, "Атлантис", "ORG", nth=n) for n in (0, 1)]
    assert apply_quoted(text, ents) == []


def test_an_owner_in_the_genitive_after_a_title_noun_stays(ent) -> None:
    text = "Рядом стоит насосная станция «Водоканала»."
    owner = ent(text, "Водоканала", "ORG", "Водоканал")
    assert apply_quoted(text, [owner]) == [owner]


def test_a_quoted_name_after_a_place_noun_is_a_place(ent, spans) -> None:
    text = "Самолёт сел в аэропорту «Пулково» вовремя."
    assert spans(apply_quoted(text, [ent(text, "Пулково", "ORG")])) == [("Пулково", "LOC")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("сотрудники компании «", "org"),
        ("акции крупнейшей нефтяной компании «", "org"),
        ("сотрудники ООО «", "legal"),
        ("на борту шаттла «", "title"),
        ("вылет из аэропорта «", "place"),
        ("как сообщил «", "unknown"),
        ("в банкете «", "unknown"),
    ],
)
def test_noun_before(text: str, kind: str) -> None:
    assert noun_before(text, len(text) - 1) == kind


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Как сообщил «РИА Новости» источник, сделка закрыта.", "РИА Новости"),
        ("СК России возбудил уголовное дело.", "СК России"),
    ],
)
def test_an_abbreviation_that_is_part_of_the_name_stays(ent, spans, text: str, name: str) -> None:
    assert spans(apply_quoted(text, [ent(text, name, "ORG")])) == [(name, "ORG")]
