"""natasha NER on the sample: the names a reviewer expects, at the right offsets."""

from __future__ import annotations

import pytest

from models.spans import Document

pytestmark = pytest.mark.slow

EXPECTED = [
    ("PER", "Владимир Путин", "Владимир Путин"),
    ("PER", "Садыром Жапаровым", "Садыр Жапаров"),
    ("PER", "Юрий Крупнов", "Юрий Крупнов"),
    ("LOC", "России", "Россия"),
    ("LOC", "Киргизии", "Киргизия"),
    ("ORG", "ЕАЭС", "ЕАЭС"),
]


@pytest.mark.parametrize(("label", "surface", "normal"), EXPECTED)
def test_expected_entities(
    annotated_sample: Document, label: str, surface: str, normal: str
) -> None:
    text = annotated_sample.text
    found = [e for e in annotated_sample.entities if e.text == surface]
    assert found, f"{surface} not found"
    for e in found:
        assert e.label == label
        assert e.normal == normal
        assert text[e.start : e.end] == surface


def test_every_offset_matches_its_text(annotated_sample: Document) -> None:
    for e in annotated_sample.entities:
        assert annotated_sample.text[e.start : e.end] == e.text


def test_surname_alone_gets_the_full_name(annotated_sample: Document) -> None:
    normals = {e.text: e.normal for e in annotated_sample.entities if e.label == "PER"}
    assert normals["Крупнов"] == "Юрий Крупнов"
    assert normals["Жапаров"] == "Садыр Жапаров"
    assert normals["Путин"] == "Владимир Путин"


def test_copyright_sign_is_trimmed_from_photo_credit(annotated_sample: Document) -> None:
    credit = [e for e in annotated_sample.entities if e.text.startswith("Немышев")]
    assert credit and credit[0].text == "Немышев Вячеслав"


def test_organization_normal_form_inflects_only_its_head(annotated_sample: Document) -> None:
    (inst,) = [e for e in annotated_sample.entities if e.text.startswith("Института")]
    assert inst.label == "ORG"
    assert inst.normal == "Институт демографии, миграционной и региональной политики"


def test_a_span_with_no_letter_is_no_entity() -> None:
    from models.nlp.ner import Found, entities_of

    text = '"Лица установлены",‒ добавил господин Кива в эфире.'
    dash = text.index("‒")
    name = text.index("Кива")
    found = [Found(dash, dash + 1, "PER", "‒"), Found(name, name + 4, "PER", "Кива")]
    assert [(e.text, e.label) for e in entities_of(text, found)] == [("Кива", "PER")]
