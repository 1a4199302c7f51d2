"""A name labelled once is labelled wherever it is written the same way."""

from __future__ import annotations

from models.nlp.entity_spread import spread_names


def test_a_name_natasha_missed_elsewhere_gets_its_label(ent, spans) -> None:
    text = "Голос Америки: что дальше? В интервью «Голосу Америки» и Голос Америки сообщил."
    found = spread_names(text, [ent(text, "Голос Америки", "ORG", nth=1)])
    assert spans(found) == [("Голос Америки", "ORG"), ("Голос Америки", "ORG")]


def test_the_majority_label_wins_and_other_spans_are_not_crossed(ent, spans) -> None:
    text = "Vestas закрыла завод. Рабочие Vestas бастуют. Акции Vestas Wind упали. Vestas молчит."
    ents = [
        ent(text, "Vestas", "ORG"),
        ent(text, "Vestas", "ORG", nth=1),
        ent(text, "Vestas Wind", "LOC"),
    ]
    found = spread_names(text, ents)
    assert spans(found) == [
        ("Vestas", "ORG"),
        ("Vestas", "ORG"),
        ("Vestas Wind", "LOC"),
        ("Vestas", "ORG"),
    ]


def test_a_word_inside_a_longer_word_is_not_a_mention(ent, spans) -> None:
    text = "Сбер вырос. Сбербанк упал, а Сберу помогли."
    assert spans(spread_names(text, [ent(text, "Сбер", "ORG")])) == [("Сбер", "ORG")]


def test_lower_case_and_short_names_do_not_spread(ent) -> None:
    text = "Из ЕС ответили. ЕС молчит. Про интернет забыли, а интернет работает."
    ents = [ent(text, "ЕС", "ORG"), ent(text, "интернет", "ORG")]
    assert len(spread_names(text, ents)) == 2
