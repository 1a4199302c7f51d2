"""A made-up article about one man whom natasha split into three people.

natasha joined "Сталину Вертинский" into one PER span, and each lone surname after it
took that span's "full name": the stored normals below are what the old nearest-name
rule gave. The quotes are said by a lone mention (linked) and by "он" (unlinked, its
normal resolved to the person before it).
"""

from __future__ import annotations

from models.io.ingest import document_from_text
from models.spans import Document, Entity, Quote, Speaker

TEXT = (
    "Александр Вертинский вернулся в Москву осенью 1943 года.\n\n"
    "Письмо Сталину Вертинский отправил из Шанхая. Вертинский ждал ответа два года.\n\n"
    "«Я хочу домой», — писал Вертинский. Ответа Вертинскому пришлось ждать долго.\n\n"
    "«Скоро увижу Москву», — добавил он. Пьеро Вертинский пел в Шанхае."
)
WRONG = "Сталин Вертинский"
RIGHT = "Александр Вертинский"


def nth(text: str, words: str, n: int = 0) -> tuple[int, int]:
    """The offsets of the ``n``-th occurrence of ``words``."""
    i = -1
    for _ in range(n + 1):
        i = text.index(words, i + 1)
    return i, i + len(words)


def _ent(words: str, n: int, label: str, normal: str) -> Entity:
    s, e = nth(TEXT, words, n)
    return Entity(s, e, label, words, normal)


def article() -> Document:
    """The document as natasha and the old rule left it (every span a suggestion)."""
    lone = [nth(TEXT, "Вертинский", n) for n in (2, 3)]  # 0, 1, 4: in longer names
    ents = [
        _ent(RIGHT, 0, "PER", RIGHT),
        _ent("Москву", 0, "LOC", "Москва"),
        _ent("Сталину Вертинский", 0, "PER", WRONG),
        _ent("Шанхая", 0, "LOC", "Шанхай"),
        _ent("Вертинскому", 0, "PER", WRONG),
        _ent("Москву", 1, "LOC", "Москва"),
        _ent("Пьеро Вертинский", 0, "PER", "Пьеро Вертинский"),
        _ent("Шанхае", 0, "LOC", "Шанхай"),
    ]
    ents += [Entity(s, e, "PER", TEXT[s:e], WRONG) for s, e in lone]
    said = nth(TEXT, "Я хочу домой")
    by = lone[1]
    he = nth(TEXT, "он.")
    quotes = [
        Quote(*said, TEXT[said[0] : said[1]], Speaker(*by, TEXT[by[0] : by[1]], WRONG)),
        Quote(
            *nth(TEXT, "Скоро увижу Москву"),
            "Скоро увижу Москву",
            Speaker(he[0], he[0] + 2, "он", WRONG),
        ),
    ]
    return document_from_text(TEXT).with_annotations(ents, quotes)


def normals(doc: Document, label: str = "PER") -> list[tuple[str, str]]:
    """``(text, normal)`` of every entity with this label, in text order."""
    return [(e.text, e.normal) for e in doc.entities if e.label == label]


def speakers(doc: Document) -> list[str]:
    """The speaker normal of every quote, in text order."""
    return [q.speaker.normal if q.speaker else "" for q in doc.quotes]
