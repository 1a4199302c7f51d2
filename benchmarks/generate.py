"""Test and benchmark data generated from the bundled sample article, reproducibly.

Benchmarks and crash tests need many distinct articles, a corpus of 100,000 documents
and one huge article; none of that may depend on the network or on data outside the
repository. Everything here derives from resources/samples, varied by a seeded RNG so
each run sees the same data. Nothing here runs natasha: callers that want real model
annotations pass an annotated template (``models.pipeline.predict`` of the sample).

- ``news_variants`` / ``write_articles``: distinct, realistic articles for the
  pre-annotation throughput benchmark and the kill -9 test.
- ``corpus_documents`` / ``build_corpus``: the 100,000-document corpus, spans copied
  from the template, straight into a database.
- ``big_article``: a ~1 MB article with 10,000 entity spans and 500 quotes, for the
  window's rendering and editing benchmarks.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from models.io.ingest import decode, document_from_text, paragraphs
from models.labels import sample_path
from models.spans import Document, Entity, Quote, Speaker

PEOPLE = [
    ("Алексей Орлов", "Алексей Орлов"),
    ("Мария Захарова", "Мария Захарова"),
    ("Сергей Собянин", "Сергей Собянин"),
    ("Денис Паслер", "Денис Паслер"),
    ("Анна Смирнова", "Анна Смирнова"),
    ("Игорь Петров", "Игорь Петров"),
    ("Ольга Васильева", "Ольга Васильева"),
    ("Михаил Мишустин", "Михаил Мишустин"),
]
PLACES = [
    ("Екатеринбурге", "Екатеринбург"),
    ("Челябинске", "Челябинск"),
    ("Тюмени", "Тюмень"),
    ("Перми", "Пермь"),
    ("Казани", "Казань"),
    ("Новосибирске", "Новосибирск"),
    ("Сургуте", "Сургут"),
    ("Омске", "Омск"),
]
ORGS = [
    ("МЧС России", "МЧС России"),
    ("Роспотребнадзора", "Роспотребнадзор"),
    ("Минфина", "Минфин"),
    ("ООО «Ромашка»", "ООО «Ромашка»"),
    ("Сбербанка", "Сбербанк"),
    ("РЖД", "РЖД"),
    ("ФАС", "ФАС"),
    ("УГМК", "УГМК"),
]
TOPICS = [
    "экономика",
    "политика",
    "происшествия",
    "спорт",
    "культура",
    "общество",
    "здоровье",
    "образование",
    "транспорт",
    "погода",
    "наука",
    "технологии",
    "недвижимость",
    "туризм",
    "экология",
    "право",
    "армия",
    "медицина",
    "финансы",
    "энергетика",
    "строительство",
    "религия",
    "история",
    "авто",
    "мода",
]
BATCH = 1000  # documents per transaction when building a corpus


def sample_text() -> str:
    """The bundled sample article, decoded and normalized as an import would."""
    return decode(sample_path().read_bytes())


def _body(text: str) -> list[tuple[int, int]]:
    """Paragraph offsets after the header line."""
    return list(paragraphs(text))[1:]


def news_variants(n: int, seed: int = 0) -> Iterator[str]:
    """``n`` distinct news-format articles built from the sample's paragraphs.

    Each has its own header (date, title), the sample's paragraphs in a varied order and
    one closing paragraph naming people, places and organizations, so a named-entity
    model has real work in every article and every content hash differs.
    """
    rng = random.Random(seed)
    text = sample_text()
    paras = [text[s:e] for s, e in _body(text)]
    start = date(2024, 1, 1)
    for i in range(n):
        body = paras[:]
        rng.shuffle(body)
        per, (loc, _), (org, _) = rng.choice(PEOPLE)[0], rng.choice(PLACES), rng.choice(ORGS)
        title = f"{rng.choice(TOPICS).capitalize()}: новости дня, выпуск {i + 1}"
        header = (
            f"date {start + timedelta(days=i % 700)} {title} Фото: {rng.choice(PEOPLE)[0]} © URA.RU"
        )
        closing = (
            f"Выпуск {i + 1}. Как сообщил {per}, встреча в {loc} с представителями "
            f"{org} прошла в рабочем порядке."
        )
        yield "\n\n".join([header, *body, closing]) + "\n"


def write_articles(folder: Path, n: int, seed: int = 0) -> list[Path]:
    """Write ``news_variants`` as UTF-8 ``.txt`` files; returns their paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(news_variants(n, seed)):
        path = folder / f"article_{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _shifted(doc: Document, start: int, end: int, delta: int) -> tuple[list[Entity], list[Quote]]:
    """The template's spans inside ``[start, end)``, moved by ``delta``."""
    ents = [
        replace(e, start=e.start + delta, end=e.end + delta, id=None)
        for e in doc.entities
        if start <= e.start and e.end <= end
    ]
    quotes = []
    for q in doc.quotes:
        sp = q.speaker
        inside = start <= q.start and q.end <= end
        if inside and (sp is None or (start <= sp.start and sp.end <= end)):
            speaker = (
                None
                if sp is None
                else replace(sp, start=sp.start + delta, end=sp.end + delta, entity=None)
            )
            quotes.append(
                replace(q, start=q.start + delta, end=q.end + delta, speaker=speaker, id=None)
            )
    return ents, quotes


def corpus_documents(
    template: Document, n: int, seed: int = 0, lemmatize: Callable[[str], str] | None = None
) -> Iterator[tuple[Document, str]]:
    """``n`` documents with spans copied from the annotated ``template``, and lemmas.

    Each document keeps a seeded random subset of the template's paragraphs (with their
    spans, moved to the new offsets), gets its own header and a closing line with a
    topic (about 1 in 25 documents share one) and a unique tag ``м000123``, so searches
    of every selectivity can be timed. Statuses are mixed as in a corpus under review.
    """
    rng = random.Random(seed)
    text = template.text
    paras = _body(text)
    lemma_cache: dict[tuple[int, int], str] = {}
    statuses = ["new"] * 14 + ["in_progress"] * 2 + ["done"] * 3 + ["skipped"]
    start = date(2020, 1, 1)
    for i in range(n):
        keep = [p for p in paras if rng.random() < 0.8] or paras[:1]
        topic = rng.choice(TOPICS)
        parts = [f"date {start + timedelta(days=i % 2000)} {topic.capitalize()}: материал {i + 1}"]
        ents: list[Entity] = []
        quotes: list[Quote] = []
        lemmas: list[str] = []
        pos = len(parts[0]) + 2
        for s, e in keep:
            more_e, more_q = _shifted(template, s, e, pos - s)
            ents += more_e
            quotes += more_q
            parts.append(text[s:e])
            if lemmatize is not None:
                lemmas.append(lemma_cache.setdefault((s, e), lemmatize(text[s:e])))
            pos += e - s + 2
        tail = f"Рубрика: {topic}. Метка: м{i:06d}."
        parts.append(tail)
        lemmas.append(f"рубрика {topic} метка м{i:06d}")
        doc = document_from_text("\n\n".join(parts))
        doc = replace(doc, status=rng.choice(statuses))
        yield doc.with_annotations(ents, quotes), " ".join(dict.fromkeys(" ".join(lemmas).split()))


def build_corpus(path: Path, n: int, progress: bool = False) -> float:
    """A database of ``n`` generated documents at ``path`` (topped up if it has fewer).

    The sample is pre-annotated once with natasha; every document gets a copy of its
    spans (``corpus_documents``) and is stored with ``Store.add_document``, 1,000 per
    transaction. Returns the documents stored per second.
    """
    from models.nlp.lemmas import lemmas
    from models.pipeline import predict
    from models.store.store import Store

    template = predict(document_from_text(sample_text()))
    store = Store(path)
    have = store.count_documents()
    t0 = time.perf_counter()
    docs = corpus_documents(template, n, lemmatize=lemmas)
    batch: list[tuple[Document, str]] = []
    for i, item in enumerate(docs):
        if i < have:
            continue  # a kept database: add only what is missing
        batch.append(item)
        if len(batch) == BATCH:
            _flush(store, batch)
            if progress:
                print(f"\r  {i + 1:,} documents", end="", file=sys.stderr, flush=True)
    _flush(store, batch)
    if progress:
        print(file=sys.stderr)
    rate = (n - have) / max(time.perf_counter() - t0, 1e-9)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return rate


def _flush(store: Any, batch: list[tuple[Document, str]]) -> None:
    with store.db.atomic():
        for doc, lemmas in batch:
            store.add_document(doc, doc, lemmas)
    batch.clear()


def big_article(
    target_chars: int = 1_000_000, entities: int = 10_000, quotes: int = 500, seed: int = 0
) -> Document:
    """One huge news article with exactly ``entities`` entity spans and ``quotes`` quotes.

    Annotated paragraphs (four names per sentence; a quote by a named speaker) are spread
    evenly among plain paragraphs of the sample until the text reaches ``target_chars``,
    so spans appear on every screen of the article. No model is run: spans are exact by
    construction and each speaker is linked to its PER entity.
    """
    rng = random.Random(seed)
    filler = [sample_text()[s:e] for s, e in _body(sample_text())]
    blocks: list[tuple[str, list[tuple[int, int, str, str]], list[tuple[int, int, int]]]] = []
    for q in range(quotes):
        per, normal = rng.choice(PEOPLE)
        said = f"Мы выполним все обязательства по проекту номер {q + 1} в срок"
        para = f"«{said}», — сказал {per}."
        p_start = len(f"«{said}», — сказал ")
        blocks.append(
            (para, [(p_start, p_start + len(per), "PER", normal)], [(1, 1 + len(said), 0)])
        )
    left = entities - quotes
    while left > 0:
        sentences, spans = [], []
        offset = 0
        for _ in range(min(5, (left + 3) // 4)):
            words = [rng.choice(PEOPLE), rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(ORGS)][
                : min(4, left)
            ]
            labels = ["PER", "PER", "LOC", "ORG"][: len(words)]
            glue = [" и ", " обсудили в ", " планы ", "."][: len(words)]
            sent = ""
            for (form, normal), label, tail in zip(words, labels, glue):
                spans.append((offset + len(sent), offset + len(sent) + len(form), label, normal))
                sent += form + tail
            left -= len(words)
            sentences.append(sent)
            offset += len(sent) + 1
        blocks.append((" ".join(sentences), spans, []))
    rng.shuffle(blocks)
    return _assemble(blocks, filler, target_chars)


def _assemble(
    blocks: list[tuple[str, list[tuple[int, int, str, str]], list[tuple[int, int, int]]]],
    filler: list[str],
    target_chars: int,
) -> Document:
    annotated = sum(len(b[0]) + 2 for b in blocks)
    spare = max(0, target_chars - annotated)
    per_gap = spare / max(1, len(blocks))
    parts: list[str] = ["date 2025-11-26 Очень длинная статья для проверки скорости"]
    pos = len(parts[0]) + 2
    ents: list[Entity] = []
    quotes: list[Quote] = []
    debt = 0.0
    k = 0
    for para, spans, qs in blocks:
        debt += per_gap
        while debt > 0:
            parts.append(filler[k % len(filler)])
            pos += len(parts[-1]) + 2
            debt -= len(parts[-1]) + 2
            k += 1
        parts.append(para)
        here = [Entity(pos + s, pos + e, label, para[s:e], normal) for s, e, label, normal in spans]
        ents += here
        for s, e, who in qs:
            sp = here[who]
            quotes.append(
                Quote(pos + s, pos + e, para[s:e], Speaker(sp.start, sp.end, sp.text, sp.normal))
            )
        pos += len(para) + 2
    doc = document_from_text("\n\n".join(parts))
    return doc.with_annotations(ents, quotes)
