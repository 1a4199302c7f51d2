"""A scripted team of three on a three-document corpus, with disagreements known by hand.

The corpus is built without natasha: each document carries the "model" spans a test
needs. Each annotator works on their own assigned file through the AnnotationService,
as the window would, and marks every document done.

- ``d1`` (entities): anna and vera keep the three suggestions; boris shrinks «Садыром
  Жапаровым» to «Жапаровым» and deletes LOC «Москве».
- ``d2`` (a quote): anna keeps quote and speaker; boris unlinks the speaker; vera deletes
  the quote.
- ``d3``: everyone confirms everything (identical work).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from models.io.ingest import document_from_text
from models.service.annotation import AnnotationService
from models.spans import Document, Entity, Quote, Speaker
from models.store.store import Store
from models.team.assign import plan, write_shares
from models.team.merge import MergeReport, merge_files

D1 = "Владимир Путин встретился с Садыром Жапаровым в Москве."
D2 = "«Мы готовы к переговорам», — заявил Дмитрий Песков журналистам."
D3 = "Глава Росстата Сергей Галкин выступил в Казани."
TEAM = ("anna", "boris", "vera")


def span(text: str, words: str, label: str) -> Entity:
    """A model suggestion over the first occurrence of ``words``."""
    start = text.index(words)
    return Entity(start, start + len(words), label, words, words)


def corpus_documents() -> list[Document]:
    """The three documents with their model suggestions."""
    d1 = document_from_text(D1)
    d1 = d1.with_annotations(
        [
            span(D1, "Владимир Путин", "PER"),
            span(D1, "Садыром Жапаровым", "PER"),
            span(D1, "Москве", "LOC"),
        ],
        [],
    )
    d2 = document_from_text(D2)
    peskov = span(D2, "Дмитрий Песков", "PER")
    words = "Мы готовы к переговорам"
    start = D2.index(words)
    quote = Quote(
        start,
        start + len(words),
        words,
        Speaker(peskov.start, peskov.end, peskov.text, peskov.normal),
    )
    d2 = d2.with_annotations([peskov], [quote])
    d3 = document_from_text(D3)
    d3 = d3.with_annotations(
        [
            span(D3, "Росстата", "ORG"),
            span(D3, "Сергей Галкин", "PER"),
            span(D3, "Казани", "LOC"),
        ],
        [],
    )
    return [d1, d2, d3]


def make_corpus(path: Path, docs: list[Document] | None = None) -> Path:
    """A corpus database holding ``docs`` (the three scripted ones by default)."""
    store = Store(path)
    for doc in docs if docs is not None else corpus_documents():
        store.add_document(doc)
    store.close()
    return path


def assign_all(corpus: Path, out: Path, names: tuple[str, ...] = TEAM) -> dict[str, Path]:
    """Every document to every annotator (overlap 1, one group of all of them)."""
    store = Store(corpus)
    try:
        overlap = 1.0 if len(names) > 1 else 0.0
        shares = plan(store.document_ids(), list(names), overlap, len(names), 0)
        paths = write_shares(store, shares, out, {"overlap": 1.0})
    finally:
        store.close()
    return dict(zip(names, paths))


def entity_of(service: AnnotationService, doc_id: str, words: str) -> Entity:
    """The entity of the document whose text is ``words``."""
    return next(e for e in service.document(doc_id).entities if e.text == words)


def work(path: Path, name: str) -> None:
    """``name`` annotates their file as the scenario says and marks everything done."""
    store = Store(path)
    service = AnnotationService(store, annotator=name)
    d1, d2, d3 = (d.id for d in corpus_documents())
    for doc_id in (d1, d2, d3):
        service.confirm_all(doc_id)
    if name == "boris":
        jap = entity_of(service, d1, "Садыром Жапаровым")
        service.resize_entity(jap.id, jap.start + len("Садыром "), jap.end)  # type: ignore[arg-type]
        service.delete_entity(entity_of(service, d1, "Москве").id)  # type: ignore[arg-type]
        service.unlink_speaker(service.document(d2).quotes[0].id)  # type: ignore[arg-type]
    if name == "vera":
        service.delete_quote(service.document(d2).quotes[0].id)  # type: ignore[arg-type]
    for doc_id in (d1, d2, d3):
        service.set_status(doc_id, "done")
    store.close()


@dataclass
class Team:
    """The scripted team's files and their merged team database."""

    corpus: Path
    files: dict[str, Path]
    team: Path
    reports: list[MergeReport]


def scripted_team(tmp: Path) -> Team:
    """Corpus, three assigned files worked on, merged into team.db."""
    corpus = make_corpus(tmp / "corpus.db")
    files = assign_all(corpus, tmp / "out")
    for name, path in files.items():
        work(path, name)
    return Team(corpus, files, tmp / "team.db", merge(tmp / "team.db", *files.values()))


def merge(team: Path, *files: Path) -> list[MergeReport]:
    """Merge ``files`` into ``team`` (created when missing)."""
    store = Store(team)
    try:
        return merge_files(store, files)
    finally:
        store.close()


def dump(path: Path) -> list[str]:
    """Every row of a database as SQL: equal dumps, equal contents."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
