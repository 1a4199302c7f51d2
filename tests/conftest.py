"""Test isolation for every test, and the made-up corpora that more than one test tree uses.

No test needs a display, and none may read or write the user's real settings or data:
QSettings go to an INI file under the test's tmp_path and ``RAZMETKA_DB`` points at a
throw-away database. PySide6 is optional here so that the core's tests also run in a
venv without it (the headless job).

Two corpora are shared by tests/models, tests/gui and the command-line tests, so their
fixtures live here: the scripted team of three (``team``, ``build_team`` and the steps
it is made of) and the Вертинский article (``vertinsky``). Neither needs natasha. So
does ``razmetka``, ``main.py`` run in a process of its own as a user runs it.
"""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from models.io.ingest import document_from_text
from models.service.annotation import AnnotationService
from models.spans import Document, Entity, Quote, Speaker
from models.store.store import Store
from models.team.assign import plan, write_shares
from models.team.merge import MergeReport, merge_files

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HAS_QT = importlib.util.find_spec("PySide6") is not None
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("RAZMETKA_DB", str(tmp_path / "user" / "razmetka.db"))
    if not HAS_QT:
        yield
        return
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield


def run_main(
    *args: str | Path, env: dict[str, str] | None = None, prefix: Sequence[str] = ()
) -> subprocess.CompletedProcess[str]:
    """``main.py`` with ``args`` in a process of its own, offscreen, from the project root;
    ``env`` is added to the environment, ``prefix`` runs Python under another command."""
    return subprocess.run(
        [*prefix, sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        timeout=600,
    )


@pytest.fixture(scope="session")
def razmetka() -> Callable[..., subprocess.CompletedProcess[str]]:
    """``razmetka(*args, env=None, prefix=())``: the command line as a user runs it,
    ``main.py`` in a subprocess; returns the finished process (stdout, stderr, code)."""
    return run_main


# The scripted team: three annotators on a three-document corpus, with disagreements
# known by hand. Each document carries the "model" spans a test needs; each annotator
# works on their own assigned file through the AnnotationService, as the window would,
# and marks every document done.
# - d1 (entities): anna and vera keep the three suggestions; boris shrinks «Садыром
#   Жапаровым» to «Жапаровым» and deletes LOC «Москве».
# - d2 (a quote): anna keeps quote and speaker; boris unlinks the speaker; vera deletes
#   the quote.
# - d3: everyone confirms everything (identical work).

D1 = "Владимир Путин встретился с Садыром Жапаровым в Москве."
D2 = "«Мы готовы к переговорам», — заявил Дмитрий Песков журналистам."
D3 = "Глава Росстата Сергей Галкин выступил в Казани."
TEAM = ("anna", "boris", "vera")


def _suggested(text: str, words: str, label: str) -> Entity:
    start = text.index(words)
    return Entity(start, start + len(words), label, words, words)


def corpus_documents() -> list[Document]:
    """The three documents with their model suggestions."""
    d1 = document_from_text(D1).with_annotations(
        [
            _suggested(D1, "Владимир Путин", "PER"),
            _suggested(D1, "Садыром Жапаровым", "PER"),
            _suggested(D1, "Москве", "LOC"),
        ],
        [],
    )
    peskov = _suggested(D2, "Дмитрий Песков", "PER")
    words = "Мы готовы к переговорам"
    start = D2.index(words)
    said = Quote(
        start,
        start + len(words),
        words,
        Speaker(peskov.start, peskov.end, peskov.text, peskov.normal),
    )
    d2 = document_from_text(D2).with_annotations([peskov], [said])
    d3 = document_from_text(D3).with_annotations(
        [
            _suggested(D3, "Росстата", "ORG"),
            _suggested(D3, "Сергей Галкин", "PER"),
            _suggested(D3, "Казани", "LOC"),
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


def _entity_of(service: AnnotationService, doc_id: str, words: str) -> Entity:
    return next(e for e in service.document(doc_id).entities if e.text == words)


def work(path: Path, name: str) -> None:
    """``name`` annotates their file as the scenario says and marks everything done."""
    store = Store(path)
    service = AnnotationService(store, annotator=name)
    d1, d2, d3 = (d.id for d in corpus_documents())
    for doc_id in (d1, d2, d3):
        service.confirm_all(doc_id)
    if name == "boris":
        jap = _entity_of(service, d1, "Садыром Жапаровым")
        service.resize_entity(jap.id, jap.start + len("Садыром "), jap.end)  # type: ignore[arg-type]
        service.delete_entity(_entity_of(service, d1, "Москве").id)  # type: ignore[arg-type]
        service.unlink_speaker(service.document(d2).quotes[0].id)  # type: ignore[arg-type]
    if name == "vera":
        service.delete_quote(service.document(d2).quotes[0].id)  # type: ignore[arg-type]
    for doc_id in (d1, d2, d3):
        service.set_status(doc_id, "done")
    store.close()


def merge(team: Path, *files: Path) -> list[MergeReport]:
    """Merge ``files`` into ``team`` (created when missing)."""
    store = Store(team)
    try:
        return merge_files(store, files)
    finally:
        store.close()


def dump(path: Path) -> list[str]:
    """Every row of a database as SQL: equal dumps, equal contents."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


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


@pytest.fixture(scope="session")
def team_names() -> tuple[str, ...]:
    """The scripted team: ``("anna", "boris", "vera")``."""
    return TEAM


@pytest.fixture(scope="session")
def team_documents() -> tuple[Document, ...]:
    """The scripted corpus's three documents with their model suggestions, in order."""
    return tuple(corpus_documents())


@pytest.fixture(scope="session")
def team_ids(team_documents: tuple[Document, ...]) -> tuple[str, ...]:
    """The ids of the three scripted documents, in corpus order."""
    return tuple(d.id for d in team_documents)


@pytest.fixture(scope="session")
def make_team_corpus() -> Callable[..., Path]:
    """``make_team_corpus(path, docs=None)``: a corpus database holding ``docs`` (the
    three scripted ones by default); returns ``path``."""
    return make_corpus


@pytest.fixture(scope="session", name="assign_all")
def _assign_all() -> Callable[..., dict[str, Path]]:
    """``assign_all(corpus, out, names=team_names)``: every document to every annotator;
    returns each annotator's file."""
    return assign_all


@pytest.fixture(scope="session")
def scripted_work() -> Callable[[Path, str], None]:
    """``scripted_work(path, name)``: ``name`` annotates their file as the scenario says
    and marks everything done."""
    return work


@pytest.fixture(scope="session")
def merge_into() -> Callable[..., list[MergeReport]]:
    """``merge_into(team, *files)``: merge the files into the team database (created when
    missing); one report per file."""
    return merge


@pytest.fixture(scope="session")
def sql_dump() -> Callable[[Path], list[str]]:
    """``sql_dump(path)``: every row of a database as SQL (equal dumps, equal contents)."""
    return dump


@pytest.fixture(scope="session")
def build_team() -> Callable[[Path], Team]:
    """``build_team(folder)``: the corpus, three assigned files worked on, merged into
    ``folder/team.db``, as a ``Team`` (corpus, files, team, reports)."""
    return scripted_team


@pytest.fixture
def team(tmp_path: Path) -> Team:
    """The scripted team, built in ``tmp_path``."""
    return scripted_team(tmp_path)


# The Вертинский article: one man whom natasha split into three people. natasha joined
# "Сталину Вертинский" into one PER span, and each lone surname after it took that span's
# "full name": the stored normals below are what the old nearest-name rule gave. The
# quotes are said by a lone mention (linked) and by "он" (unlinked, its normal resolved
# to the person before it).

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


def _groups_entity(words: str, n: int, label: str, normal: str) -> Entity:
    s, e = nth(TEXT, words, n)
    return Entity(s, e, label, words, normal)


def article() -> Document:
    """The document as natasha and the old rule left it (every span a suggestion)."""
    lone = [nth(TEXT, "Вертинский", n) for n in (2, 3)]  # 0, 1, 4: in longer names
    ents = [
        _groups_entity(RIGHT, 0, "PER", RIGHT),
        _groups_entity("Москву", 0, "LOC", "Москва"),
        _groups_entity("Сталину Вертинский", 0, "PER", WRONG),
        _groups_entity("Шанхая", 0, "LOC", "Шанхай"),
        _groups_entity("Вертинскому", 0, "PER", WRONG),
        _groups_entity("Москву", 1, "LOC", "Москва"),
        _groups_entity("Пьеро Вертинский", 0, "PER", "Пьеро Вертинский"),
        _groups_entity("Шанхае", 0, "LOC", "Шанхай"),
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


@dataclass(frozen=True)
class NameGroups:
    """The Вертинский article and the two names its person groups are about."""

    text: str
    wrong: str  # the name the merged span gave the lone surnames
    right: str  # the man's real name
    document: Document  # as natasha and the old rule left it

    def nth(self, words: str, n: int = 0) -> tuple[int, int]:
        """The offsets of the ``n``-th occurrence of ``words`` in the article."""
        return nth(self.text, words, n)

    @staticmethod
    def normals(doc: Document, label: str = "PER") -> list[tuple[str, str]]:
        """``(text, normal)`` of every entity with this label, in text order."""
        return normals(doc, label)

    @staticmethod
    def speakers(doc: Document) -> list[str]:
        """The speaker normal of every quote, in text order."""
        return speakers(doc)


@pytest.fixture(scope="session")
def vertinsky() -> NameGroups:
    """The Вертинский article: one man in three PER groups, "Александр Вертинский",
    "Сталин Вертинский" (``wrong``) and "Пьеро Вертинский"."""
    return NameGroups(TEXT, WRONG, RIGHT, article())
