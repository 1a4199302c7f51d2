"""Ranked candidate speakers: the attribution clause first, one per name, at most 9."""

from __future__ import annotations

from models.quotes.candidates import speaker_candidates
from models.spans import Entity, Quote
from models.store.store import Store

TEXT = (
    "Глава МИД Сергей Лавров прилетел в Анкару. Его встретил Реджеп Эрдоган. "
    "«Мы обсудим Сирию», — сказал Эрдоган журналистам. Лавров промолчал."
)


def _ents(names: dict[str, str]) -> list[Entity]:
    out = []
    for name, label in names.items():
        i = TEXT.index(name)
        out.append(Entity(i, i + len(name), label, name, name))
    return out


def _quote(words: str) -> Quote:
    i = TEXT.index(words)
    return Quote(i, i + len(words), words)


def test_mention_in_the_clause_after_comes_first() -> None:
    ents = _ents(
        {
            "МИД": "ORG",
            "Сергей Лавров": "PER",
            "Реджеп Эрдоган": "PER",
            "Эрдоган журналистам": "PER",
            "Анкару": "LOC",
        }
    )
    got = speaker_candidates(TEXT, _quote("Мы обсудим Сирию"), ents)
    assert got[0].text == "Эрдоган журналистам"
    assert "Анкару" not in [e.text for e in got]


def test_clause_before_wins_over_the_rest_of_the_paragraph() -> None:
    text = "Лавров приехал. По словам Иванова, «всё хорошо». Сидоров ушёл."
    ents = [
        Entity(text.index(n), text.index(n) + len(n), "PER", n, n)
        for n in ("Лавров", "Иванова", "Сидоров")
    ]
    i = text.index("всё")
    got = speaker_candidates(text, Quote(i, i + 11, "всё хорошо"), ents)
    assert [e.text for e in got] == ["Иванова", "Лавров", "Сидоров"]


def test_one_candidate_per_name_and_at_most_limit() -> None:
    ents = [Entity(i, i + 1, "PER", "x", f"Имя {i // 2 % 12}") for i in range(0, 60, 2)]
    got = speaker_candidates("я" * 80, Quote(70, 75, "яяяяя"), ents)
    assert len(got) == 9 and len({e.normal for e in got}) == 9


def test_service_ranks_for_a_stored_quote(store: Store, short_text, make_service) -> None:
    svc, doc = make_service(store)
    i = short_text.index("это важный шаг")
    q = svc.add_quote(doc.id, i, i + 14).changes[0].after
    assert svc.speaker_candidates(q.id)[0].text == "Юрия Крупнова"
