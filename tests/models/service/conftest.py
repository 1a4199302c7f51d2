"""Fixtures for the service tests: a store holding a document with model suggestions, and
a random edit session.

No natasha: the "model" spans are placed by hand (every occurrence of a few names), so
the tests are fast and say exactly what they start from. The builders are fixtures that
return the function itself (session-wide: they hold no state, and hypothesis tests may
use them).

The edit session turns each step, a tuple of small integers, into one edit, undo or
redo, so hypothesis can generate and shrink a script and a seeded ``random.Random`` can
make a long one. It keeps the undo and redo stacks the way QUndoStack does: a new edit
clears the redo stack.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from models.changes import ChangeSet
from models.io.ingest import document_from_text
from models.nlp.occurrences import find_occurrences, fold
from models.service.annotation import AnnotationService, EditError
from models.spans import Document, Entity, Quote, Speaker
from models.store.store import Store

SHORT = (
    "Президент РФ Владимир Путин встретился с Садыром Жапаровым в Бишкеке. "
    "«Мы договорились», — сказал Путин журналистам. "
    "По словам эксперта Юрия Крупнова, «это важный шаг». Путину понравилось."
)
NAMES = {
    "Владимир Путин": "PER",
    "Садыром Жапаровым": "PER",
    "Бишкеке": "LOC",
    "Юрия Крупнова": "PER",
    "РФ": "LOC",
}


def _simple_forms(word: str) -> frozenset[str]:
    w = fold(word)
    for end in ("ым", "ом", "ой", "а", "у", "е", "ы"):
        if w.endswith(end) and len(w) > len(end) + 2:
            return frozenset({w, w[: -len(end)]})
    return frozenset({w})


def _suggestions(text: str, names: dict[str, str]) -> list[Entity]:
    return [
        Entity(s, e, label, text[s:e], name)
        for name, label in names.items()
        for s, e in find_occurrences(text, name)
    ]


def _add_doc(
    store: Store, text: str, names: dict[str, str] | None = None, quotes: list[Quote] | None = None
) -> Document:
    doc = document_from_text(text).with_annotations(
        _suggestions(text, NAMES if names is None else names), quotes or []
    )
    store.add_document(doc)
    return store.document(doc.id)


def _make_service(
    store: Store,
    text: str = SHORT,
    names: dict[str, str] | None = None,
    quotes: list[Quote] | None = None,
) -> tuple[AnnotationService, Document]:
    doc = _add_doc(store, text, names, quotes)
    return AnnotationService(store, "ann", forms=_simple_forms), doc


def _quote_of(text: str, words: str, speaker: str) -> Quote:
    i, j = text.index(words), text.index(speaker)
    return Quote(i, i + len(words), words, Speaker(j, j + len(speaker), speaker, speaker))


def _span(doc: Document, text: str, nth: int = 0) -> Entity:
    return [e for e in doc.entities if e.text == text][nth]


def _snapshot(store: Store) -> list[tuple]:
    out = []
    for doc_id in store.document_ids():
        doc = store.document(doc_id)
        out.append((doc_id, doc.status, doc.entities, doc.quotes))
    return out


@pytest.fixture(scope="session")
def short_text() -> str:
    """A made-up article: Путин, Жапаров, Бишкек, Крупнов; two quotes, no line break."""
    return SHORT


@pytest.fixture(scope="session")
def short_names() -> dict[str, str]:
    """The names the "model" finds in ``short_text``, with their labels."""
    return NAMES


@pytest.fixture(scope="session")
def short_quote() -> Quote:
    """The model's quote «это важный шаг» in ``short_text``, said by «Юрия Крупнова»."""
    return _quote_of(SHORT, "это важный шаг", "Юрия Крупнова")


@pytest.fixture(scope="session")
def simple_forms() -> Callable[[str], frozenset[str]]:
    """A stand-in for pymorphy: drops one Russian case ending."""
    return _simple_forms


@pytest.fixture(scope="session")
def add_doc() -> Callable[..., Document]:
    """``add_doc(store, text, names=None, quotes=None)``: store a document whose model
    suggestions are every occurrence of each name (default: ``short_names``) and the
    quotes; returns it as stored."""
    return _add_doc


@pytest.fixture(scope="session")
def make_service() -> Callable[..., tuple[AnnotationService, Document]]:
    """``make_service(store, text=short_text, names=None, quotes=None)``: a service
    (annotator "ann", ``simple_forms``) over ``store`` holding one document, and the
    document."""
    return _make_service


@pytest.fixture(scope="session")
def quote_of() -> Callable[[str, str, str], Quote]:
    """``quote_of(text, words, speaker)``: a model quote of ``words`` said by the first
    mention ``speaker`` (linked on insert when that mention is an entity)."""
    return _quote_of


@pytest.fixture(scope="session")
def span() -> Callable[..., Entity]:
    """``span(doc, text, nth=0)``: the ``nth`` entity of ``doc`` whose text is ``text``."""
    return _span


@pytest.fixture(scope="session")
def snapshot() -> Callable[[Store], list[tuple]]:
    """``snapshot(store)``: everything an edit can change, comparable across reopenings."""
    return _snapshot


Step = tuple[int, int, int, int]
LABELS = ("PER", "LOC", "ORG")


def _pick(items: list, n: int):  # type: ignore[no-untyped-def]
    return items[n % len(items)] if items else None


def _edit(svc: AnnotationService, doc_id: str, step: Step) -> ChangeSet | None:
    kind, a, b, c = step
    doc = svc.store.document(doc_id)
    n = len(doc.text)
    ent, quote = _pick(list(doc.entities), a), _pick(list(doc.quotes), a)
    speakers = [
        e for e in doc.entities if any(q.speaker and q.speaker.entity == e.id for q in doc.quotes)
    ]
    if c & 2 and speakers:  # edits of a linked speaker are where links break
        ent = _pick(speakers, a)
    other = _pick(list(doc.entities), b)
    lo, hi = sorted((a % n, (a + 1 + b % 40) % n))
    ops: list[Callable[[], ChangeSet]] = [
        lambda: svc.add_entity(doc_id, lo, hi, LABELS[c % 3], exact=bool(c & 4)),
        lambda: svc.delete_entity(ent.id),
        lambda: svc.relabel(ent.id, LABELS[c % 3]),
        lambda: svc.move_entity(ent.id, ("start", "end")[c % 2], (-1, 1, 2, -2)[b % 4]),
        lambda: svc.confirm_entity(ent.id),
        lambda: svc.confirm_all(doc_id),
        lambda: svc.add_quote(doc_id, lo, hi),
        lambda: svc.delete_quote(quote.id),
        lambda: svc.set_speaker_entity(quote.id, other.id),
        lambda: svc.set_speaker(quote.id, lo, min(hi, lo + 12)),
        lambda: svc.unlink_speaker(quote.id),
        lambda: svc.move_quote(quote.id, ("start", "end")[c % 2], (-1, 1)[b % 2]),
        lambda: svc.apply_to_all(ent.id, ("document", "corpus")[c % 2], ("words", "lemmas")[b % 2]),
        lambda: svc.remove_everywhere(
            ent.id, ("document", "corpus")[c % 2], ("words", "lemmas")[b % 2]
        ),
    ]
    try:
        return ops[kind % len(ops)]()
    except (EditError, AttributeError):  # AttributeError: no entity/quote to pick
        return None


class EditSession:
    """Applies steps to a service; ``kind`` 0–13 is one of the 14 edits, 100+ is undo,
    200+ is redo."""

    def __init__(self, svc: AnnotationService, doc_ids: list[str]) -> None:
        self.svc, self.doc_ids = svc, doc_ids
        self.undo: list[ChangeSet] = []
        self.redo: list[ChangeSet] = []
        self.befores: list[list[tuple]] = []  # the state before each edit on the undo stack

    def step(self, step: Step) -> str:
        """Run one step; returns what it did ("edit", "undo", "redo" or "none")."""
        # The stacks move only after the service did it, as a refused undo leaves them.
        if step[0] >= 200 and self.redo:
            self.undo.append(self.svc.reapply(self.redo[-1]))
            self.redo.pop()
            return "redo"
        if step[0] >= 100 and self.undo:
            self.svc.revert(self.undo[-1])
            self.redo.append(self.undo.pop())
            return "undo"
        done = _edit(self.svc, self.doc_ids[step[1] % len(self.doc_ids)], step)
        if done is None or not done.changes:
            return "none"
        self.undo.append(done)
        self.redo.clear()
        return "edit"

    def exact_step(self, step: Step) -> str:
        """Run one step as ``step`` does, and check that an undo gives back exactly the
        state before the edit it takes back."""
        before = _snapshot(self.svc.store)
        what = self.step(step)
        if what in ("edit", "redo"):
            self.befores.append(before)
        elif what == "undo":
            assert _snapshot(self.svc.store) == self.befores.pop()
        return what


def _random_steps(rng: random.Random, n: int) -> list[Step]:
    out = []
    for _ in range(n):
        roll = rng.random()
        kind = 100 if roll < 0.25 else 200 if roll < 0.35 else rng.randrange(14)
        out.append((kind, rng.randrange(10_000), rng.randrange(10_000), rng.randrange(8)))
    return out


@pytest.fixture(scope="session")
def edit_session() -> Callable[[AnnotationService, list[str]], EditSession]:
    """``edit_session(svc, doc_ids)``: a random edit session over those documents;
    ``.step((kind, a, b, c))`` runs one step, ``.exact_step(...)`` one whose undo must
    restore the state exactly, ``.undo`` and ``.redo`` are its stacks."""
    return EditSession


@pytest.fixture(scope="session")
def random_steps() -> Callable[[random.Random, int], list[Step]]:
    """``random_steps(rng, n)``: ``n`` mixed steps for an edit session: a quarter undos,
    a tenth redos, the rest any of the 14 edits."""
    return _random_steps
