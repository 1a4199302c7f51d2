"""merge_quoted_org_names: an organization named in «» is one ORG span with its marks."""

from __future__ import annotations

import pytest

from models.nlp.ner import find_entities
from models.quotes.find import merge_quoted_org_names
from models.spans import Entity

pytestmark = pytest.mark.slow


def orgs(text: str, entities: list[Entity] | None = None) -> list[tuple[str, str]]:
    ents = find_entities(text) if entities is None else entities
    merged = merge_quoted_org_names(text, ents)
    for e in merged:
        assert e.text == text[e.start : e.end]
    return [(e.text, e.normal) for e in merged if e.label == "ORG"]


def test_legal_form_is_part_of_the_span() -> None:
    assert ("ООО «Ромашка»", "ООО «Ромашка»") in orgs("ООО «Ромашка» выиграло тендер.")


def test_generic_noun_is_not_part_of_the_span() -> None:
    found = orgs("Все пассажиры аэропорта «Пулково» эвакуированы.")
    assert ("«Пулково»", "«Пулково»") in found


def test_natasha_span_without_marks_is_replaced() -> None:
    text = "Газета «Ведомости» пишет о сделке."
    start = text.index("Ведомости")
    ner = [Entity(start, start + 9, "ORG", "Ведомости", "Ведомости")]
    assert orgs(text, ner) == [("«Ведомости»", "«Ведомости»")]


def test_overlapping_spans_are_merged_into_one() -> None:
    text = "Акции ПАО «Газпром нефть» выросли."
    s = text.index("Газпром")
    ner = [
        Entity(s, s + 7, "ORG", "Газпром", "Газпром"),
        Entity(s + 8, s + 13, "ORG", "нефть", "нефть"),
    ]
    assert orgs(text, ner) == [("ПАО «Газпром нефть»", "ПАО «Газпром нефть»")]


def test_declined_name_gets_natashas_normal() -> None:
    text = "Сотрудники компании «Ростелекома» получили премию."
    s = text.index("Ростелекома")
    ner = [Entity(s, s + 11, "ORG", "Ростелекома", "Ростелеком")]
    assert orgs(text, ner) == [("«Ростелекома»", "«Ростелеком»")]


@pytest.mark.parametrize(
    "text",
    [
        "«Мы сотрудничаем с «Росатомом» давно», — сказал министр.",
        "Фильм «Солнечный удар» вышел в прокат.",
        "Критики назвали постановку «скучной».",
    ],
)
def test_speech_works_and_scare_quotes_are_not_organizations(text: str) -> None:
    found = orgs(text, [])
    assert all(not t.startswith("«Мы") for t, _ in found)
    assert found == [] or text.startswith("«Мы")


def test_nested_organization_inside_speech() -> None:
    text = "«Мы сотрудничаем с «Росатомом» давно», — сказал министр."
    s = text.index("Росатомом")
    ner = [Entity(s, s + 9, "ORG", "Росатомом", "Росатом")]
    assert orgs(text, ner) == [("«Росатомом»", "«Росатом»")]


def test_entities_without_quoted_names_are_unchanged() -> None:
    text = "Владимир Путин прибыл в Бишкек."
    ner = find_entities(text)
    assert merge_quoted_org_names(text, ner) == ner
