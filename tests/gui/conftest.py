"""Fixtures for the window tests: a corpus file, the window over a service, a user.

Documents are built without natasha (the "model" spans are placed by hand) and stored
in a database file, so each test can reopen the file (``stored``) and check what was
committed. ``user`` drives the article as a person does: mouse drags, clicks and keys.
``painted`` reads back the formats the article view draws. ``team_window`` opens a team
database (tests/conftest.py's scripted team) as the adjudicator. ``hold_import`` makes a
background import deterministic: every progress step reported, the worker held after
its first stored documents until the GUI pressed Cancel.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

import models.service.corpus
from gui.article.document_view import DocumentView
from gui.article.highlighter import LABEL_PROPERTY
from gui.main_window import MainWindow
from models import AnnotationService, Document, Entity, Quote, Store
from models.io.ingest import document_from_text
from models.nlp.occurrences import pymorphy_forms

TEXT = (
    "Президент РФ Владимир Путин встретился с Садыром Жапаровым в Бишкеке.\n\n"
    "«Мы договорились», — сказал Путин журналистам. По словам эксперта Юрия Крупнова, "
    "«это важный шаг». Путину понравилось, Путина хвалили."
)
NAMES = {
    "РФ": "LOC",
    "Владимир Путин": "PER",
    "Садыром Жапаровым": "PER",
    "Бишкеке": "LOC",
    "Юрия Крупнова": "PER",
}
SECOND = "Второй текст. Путин прилетел в Бишкек, а Путина встретили."
HOLD_S = 20.0  # never hang a test run for ever if Cancel is not pressed


def suggested(text: str, names: dict[str, str], quote: str | None = None) -> Document:
    """A document with a suggested entity at the first occurrence of each name, and a
    suggested quote of the words ``quote`` (no speaker)."""
    ents = [
        Entity(text.index(n), text.index(n) + len(n), label, n, n) for n, label in names.items()
    ]
    quotes = []
    if quote:
        i = text.index(quote)
        quotes.append(Quote(i, i + len(quote), quote, None))
    return document_from_text(text).with_annotations(ents, quotes)


def _lemmas(text: str) -> str:
    return " ".join(set().union(*map(pymorphy_forms, text.replace(".", " ").split())))


def write_corpus(path: Path, docs: list[Document] | None = None, lemmas: bool = False) -> None:
    """A database file holding ``docs`` (default: TEXT and SECOND), searchable by lemma."""
    if docs is None:
        docs = [suggested(TEXT, NAMES, "это важный шаг"), suggested(SECOND, {"Путин": "PER"})]
    store = Store(path)
    for doc in docs:
        store.add_document(doc, search_lemmas=_lemmas(doc.text) if lemmas else "")
    store.close()


@dataclass
class Stored:
    """What a fresh connection reads from the database file."""

    path: Path

    def documents(self) -> list[Document]:
        store = Store(self.path)
        try:
            return [store.document(d) for d in store.document_ids()]
        finally:
            store.close()

    def first(self) -> Document:
        return self.documents()[0]

    def labels(self) -> list[tuple[str, str, str]]:
        """``(text, label, state)`` of every entity of the first document."""
        return [(e.text, e.label, e.state) for e in self.first().entities]

    def status(self, doc_id: str) -> str:
        return next(d.status for d in self.documents() if d.id == doc_id)

    def events(self) -> list[dict[str, Any]]:
        store = Store(self.path)
        try:
            return store.events()
        finally:
            store.close()


@dataclass
class User:
    """Mouse and keys on a window's article, as a reviewer uses them."""

    qtbot: Any
    window: MainWindow

    def at(self, window: MainWindow) -> User:
        return User(self.qtbot, window)

    def point(self, offset: int) -> QPoint:
        """The viewport point just right of the caret position at a code-point offset."""
        view = self.window.view
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.layers.offsets.to_qt(offset))
        rect = view.cursorRect(cursor)
        return QPoint(rect.left() + 1, rect.center().y())

    def drag(self, start: int, end: int, mods: Any = Qt.KeyboardModifier.NoModifier) -> None:
        """Press at ``start``, move, release at ``end``."""
        vp, left = self.window.view.viewport(), Qt.MouseButton.LeftButton
        self.qtbot.mousePress(vp, left, mods, pos=self.point(start))
        self.qtbot.mouseMove(vp, self.point((start + end) // 2))
        self.qtbot.mouseMove(vp, self.point(end))
        self.qtbot.mouseRelease(vp, left, mods, pos=self.point(end))

    def click(self, offset: int) -> None:
        """Click inside the character at ``offset``."""
        p, nxt = self.point(offset), self.point(offset + 1)
        if nxt.y() == p.y() and nxt.x() > p.x():
            p = QPoint((p.x() + nxt.x()) // 2, p.y())
        self.qtbot.mouseClick(self.window.view.viewport(), Qt.MouseButton.LeftButton, pos=p)

    def key(self, key: Qt.Key, mods: Any = Qt.KeyboardModifier.NoModifier) -> None:
        """Press a key in the article."""
        self.qtbot.keyClick(self.window.view, key, mods)


class Painted:
    """What the document view paints at a code-point offset."""

    @staticmethod
    def format(view: DocumentView, offset: int) -> QTextCharFormat:
        pos = view.layers.offsets.to_qt(offset)
        block = view.document().findBlock(pos)
        rel = pos - block.position()
        for fr in block.layout().formats():
            if fr.start <= rel < fr.start + fr.length:
                return QTextCharFormat(fr.format)  # a copy: the range list is a temporary
        return QTextCharFormat()

    def label(self, view: DocumentView, offset: int) -> str | None:
        """The entity label painted at ``offset``, if any."""
        fmt = self.format(view, offset)
        return fmt.property(LABEL_PROPERTY) if fmt.hasProperty(LABEL_PROPERTY) else None

    @staticmethod
    def rows(view: DocumentView, start: int, end: int, color: QColor) -> list[float]:
        """On screen, for each pixel row of the line the words ``[start, end)`` are on,
        the share of their width drawn in ``color`` (the state line's, in the tests)."""
        view.viewport().repaint()
        image = view.viewport().grab().toImage()
        at = view.layers.offsets.to_qt
        cursor = QTextCursor(view.document())
        cursor.setPosition(at(start))
        first = view.cursorRect(cursor)
        cursor.setPosition(at(end))
        xs = range(first.left() + 2, view.cursorRect(cursor).left() - 1)
        ink = color.darker(115)

        def near(c: QColor) -> bool:
            return (
                abs(c.red() - ink.red()) + abs(c.green() - ink.green()) + abs(c.blue() - ink.blue())
                < 90
            )

        return [
            sum(near(image.pixelColor(x, y)) for x in xs) / len(xs)
            for y in range(first.top(), first.bottom() + 1)
        ]

    def line_share(self, view: DocumentView, start: int, end: int, color: QColor) -> float:
        """The share of the words' width underlined in ``color`` (the fullest row)."""
        return max(self.rows(view, start, end, color))

    def line_runs(self, view: DocumentView, start: int, end: int, color: QColor) -> int:
        """How many separate lines (runs of rows at least 90% inked) lie under the words."""
        runs, inside = 0, False
        for share in self.rows(view, start, end, color):
            if share >= 0.9 and not inside:
                runs += 1
            inside = share >= 0.9
        return runs


class Corpus:
    """Building database files for a test: ``write(path, docs, lemmas)``, ``suggested``."""

    write = staticmethod(write_corpus)
    suggested = staticmethod(suggested)


@pytest.fixture
def corpus() -> Corpus:
    return Corpus()


@pytest.fixture
def text() -> str:
    """The first document's text in ``db``: entities, a quote, a speaker to link."""
    return TEXT


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database file with TEXT (entities and a quote) and SECOND."""
    path = tmp_path / "edit.db"
    write_corpus(path)
    return path


@pytest.fixture
def stored(db: Path) -> Stored:
    return Stored(db)


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    """The window's connection to ``db``."""
    s = Store(db)
    yield s
    s.close()


@pytest.fixture
def make_window(qtbot) -> Callable[..., MainWindow]:  # type: ignore[no-untyped-def]
    """``make_window(store, annotator=None, remember_layout=False)``: shown, not focused."""

    def make(
        store: Store, annotator: str | None = None, remember_layout: bool = False
    ) -> MainWindow:
        w = MainWindow(AnnotationService(store, annotator), remember_layout=remember_layout)
        qtbot.addWidget(w)
        w.show()
        return w

    return make


@pytest.fixture
def team_window(qtbot) -> Callable[..., MainWindow]:  # type: ignore[no-untyped-def]
    """``team_window(path, annotator="lead")``: the window on a team database (the
    scripted team's ``team.team``, say), large enough for the team docks, shown and
    active, its first document open."""

    def make(path: Path, annotator: str | None = "lead") -> MainWindow:
        w = MainWindow(AnnotationService(Store(path), annotator), remember_layout=False)
        qtbot.addWidget(w)
        w.resize(1400, 900)
        w.show()
        w.open_first()
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow)
        return w

    return make


def focus(qtbot, w: MainWindow) -> MainWindow:  # type: ignore[no-untyped-def]
    """The first document open, the article focused (shortcuts need an active window)."""
    w.open_first()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.view.setFocus()
    return w


@pytest.fixture
def window(qtbot, store: Store, make_window) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The main window on ``db`` as "tester", first document open, the article focused."""
    w = focus(qtbot, make_window(store, "tester"))
    yield w
    w.close()


@pytest.fixture
def focused(qtbot) -> Callable[[MainWindow], MainWindow]:  # type: ignore[no-untyped-def]
    """``focused(window)``: its first document open and its article focused."""
    return lambda w: focus(qtbot, w)


@pytest.fixture
def user(qtbot, window: MainWindow) -> User:  # type: ignore[no-untyped-def]
    return User(qtbot, window)


@pytest.fixture
def painted() -> Painted:
    return Painted()


@pytest.fixture
def answer(qtbot) -> Iterator[Callable[[str], list[str]]]:  # type: ignore[no-untyped-def]
    """``answer(button)``: the next modal question (the done prompt, "Replace?") is
    answered by clicking the button with that text; returns the texts it showed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    live = [True]  # no click reaches into the next test

    def schedule(button: str) -> list[str]:
        seen: list[str] = []
        tries = [0]

        def click() -> None:
            box = QApplication.activeModalWidget()
            tries[0] += 1
            if not live[0]:
                return
            if not isinstance(box, QMessageBox):
                if tries[0] < 500:  # 5 s: never a test that hangs on a missing question
                    QTimer.singleShot(10, click)
                return
            seen.append(f"{box.text()} {box.informativeText()}".strip())
            found = [b for b in box.buttons() if b.text().replace("&", "") == button]
            if found:
                found[0].click()
            else:
                seen.append(f"(no button {button!r})")
                box.reject()

        QTimer.singleShot(0, click)
        return seen

    yield schedule
    live[0] = False


def _wait_for(flag: Callable[[], bool], seconds: float = HOLD_S) -> None:
    end = time.monotonic() + seconds
    while not flag() and time.monotonic() < end:
        time.sleep(0.005)


@pytest.fixture
def hold_import(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], None]:
    """``hold_import(n)``: the window's next import reports every step and waits after
    ``n`` documents were added until it is cancelled (the first import only)."""

    def hold(after: int) -> None:
        monkeypatch.setattr("gui.jobs.jobs.PROGRESS_INTERVAL_S", 0.0)
        real = models.service.corpus.import_files
        held_once: list[bool] = []

        def held(store, paths, fmt, merge, jobs, progress, cancelled, **rest):  # type: ignore[no-untyped-def]
            def tick(done: int, report: Any) -> None:
                progress(done, report)
                if len(report.added) == after and not held_once:
                    held_once.append(True)
                    _wait_for(cancelled)

            return real(store, paths, fmt, merge, jobs, tick, cancelled, **rest)

        monkeypatch.setattr(models.service.corpus, "import_files", held)

    return hold
