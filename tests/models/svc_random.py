"""A driver of random edits, undos and redos, for the session and property tests.

Each step is a tuple of small integers, so hypothesis can generate and shrink it and a
seeded ``random.Random`` can script a long session. The driver keeps the undo and redo
stacks the way QUndoStack does: a new edit clears the redo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from models.changes import ChangeSet
from models.service.annotation import AnnotationService, EditError

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


class Driver:
    """Applies steps to a service; ``kind`` 100+ is undo, 200+ is redo."""

    def __init__(self, svc: AnnotationService, doc_ids: list[str]) -> None:
        self.svc, self.doc_ids = svc, doc_ids
        self.undo: list[ChangeSet] = []
        self.redo: list[ChangeSet] = []

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
