"""Normal forms derived from other spans, kept true when a reviewer edits a span.

A lone surname's normal form is the person's full name found elsewhere in the article
("Вертинскому" → "Александр Вертинский"); the lone-surname resolution of ``models.nlp``
derives it. When natasha joins two names ("Сталину Вертинский") the mentions after it
take a wrong full name, and fixing that one span must fix them too, in the same undoable
step: ``DerivedNormals.follow`` adds those changes to an entity edit before it is
committed, and the quote speakers that name those mentions follow them.

A normal form is *derived* when its entity is a PER that is still the model's
(suggested or confirmed) and the normal has more words than the text: the words it lacks
came from a full name elsewhere. Its *own* normal is the last words of the normal, as
many as the text has. After an edit that touches a PER of several words (a possible
source), every model PER sharing a word stem with it gets the normal the resolution
gives from the spans as they are after the edit; a span the edit made or re-extended
gets its normal the same way (a person chose its words, not its normal). A normal a
person set (a group renamed, merged or moved in the Entities panel) is a human edit and
is never recomputed, nor is any other human span's (docs/decisions.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from models.changes import Change, ChangeSet
from models.nlp.surnames import resolve_surnames
from models.service.context import EditContext
from models.spans import Entity, Quote
from models.store.store import Store

PER = "PER"
_MODEL = ("suggested", "confirmed")
Extent = tuple[int, int]


def surname_normals(text: str, entities: Sequence[Entity]) -> dict[Extent, str]:
    """The normal form the lone-surname resolution gives each PER span, by extent.

    The service's one call into ``models.nlp`` for it: the same resolution the model's
    pre-annotation ran (``models.nlp.surnames``), over the spans as they are now.
    """
    return {
        (e.start, e.end): e.normal for e in resolve_surnames(text, list(entities)) if e.label == PER
    }


def own_normal(ent: Entity) -> str:
    """The normal form of an entity's own words (a derived full name cut back)."""
    words, n = ent.normal.split(), len(ent.text.split())
    return " ".join(words[-n:]) if len(words) > n else ent.normal


def _own(ent: Entity) -> Entity:
    """The entity with its own normal form (no copy when that is what it has)."""
    own = own_normal(ent)
    return ent if own == ent.normal else replace(ent, normal=own)


def _extent(ent: Entity) -> Extent:
    return ent.start, ent.end


def _stems(words: Iterable[str]) -> set[str]:
    """Case variants of the first letters of each capitalized word: what any case form
    of a surname, and a full name holding it, contain."""
    out: set[str] = set()
    for word in words:
        word = word.strip(".,;:!?«»\"'()")
        if not word[:1].isupper():
            continue
        stem = word[: 3 if len(word) > 4 else 2]
        for s in {stem, stem.replace("ё", "е").replace("Ё", "Е")}:
            out |= {s.lower(), s.capitalize(), s.upper()}
    return out


def _followers(mentions: int, speakers: int) -> str:
    """What an edit's name says of the mentions and speakers that followed it."""
    said = [
        f"{n} {what}{'s' if n > 1 else ''}"
        for n, what in ((mentions, "mention"), (speakers, "quote speaker"))
        if n
    ]
    return f"; {' and '.join(said)} renamed" if said else ""


def _made(c: Change) -> bool:
    """Whether a person just chose this capitalized PER's words or label."""
    after, before = c.after, c.before
    if not isinstance(after, Entity) or after.label != PER or not after.text[:1].isupper():
        return False
    return (
        not isinstance(before, Entity) or before.label != PER or _extent(before) != _extent(after)
    )


def _made_normal(ent: Entity, resolved: str, after: dict[Extent, Entity], made: set[Extent]) -> str:
    """The normal of a span a person just made: the name a person gave the same words
    elsewhere, else the full name the resolution found, else what the edit gave it."""
    for key, other in after.items():
        human = other.state not in _MODEL and other.normal
        if human and key not in made and other.text == ent.text:
            return other.normal
    return resolved if resolved != own_normal(ent) else ent.normal


class DerivedNormals:
    """Adds to an entity edit the normal forms (and quote speakers) that follow it."""

    def __init__(self, ctx: EditContext) -> None:
        self.ctx = ctx
        self.names = ctx.store.names

    def follow(self, changes: ChangeSet) -> ChangeSet:
        """``changes`` with the derived normals they alter recomputed (uncommitted)."""
        out, mentions, speakers = list(changes.changes), 0, 0
        for doc_id in changes.doc_ids:
            out, (m, s) = self._follow_doc(doc_id, out)
            mentions, speakers = mentions + m, speakers + s
        return ChangeSet(changes.name + _followers(mentions, speakers), tuple(out))

    def _follow_doc(
        self, doc_id: str, changes: list[Change]
    ) -> tuple[list[Change], tuple[int, int]]:
        per = [
            c
            for c in changes
            if c.doc_id == doc_id
            and any(isinstance(s, Entity) and s.label == PER for s in (c.before, c.after))
        ]
        edited = [s for c in per for s in (c.before, c.after) if isinstance(s, Entity)]
        sources = any(s.label == PER and len(s.text.split()) > 1 for s in edited)
        made = {_extent(c.after) for c in per if _made(c)}  # type: ignore[arg-type]
        if not (sources or made):
            return changes, (0, 0)  # a lone surname is no one's source: nothing moves
        after = self._after_edit(doc_id, per, edited)
        found = surname_normals(self.ctx.text(doc_id), [_own(e) for e in after.values()])
        new = {}
        for key, e in after.items():
            if key in made:
                normal = _made_normal(e, found.get(key, own_normal(e)), after, made)
            elif sources and e.state in _MODEL:
                normal = found.get(key, own_normal(e))
            else:
                continue
            if normal != e.normal:
                new[key] = normal
        return self._rewrite(doc_id, changes, after, new) if new else (changes, (0, 0))

    def _after_edit(
        self, doc_id: str, per: list[Change], edited: list[Entity]
    ) -> dict[Extent, Entity]:
        """The document's PER spans sharing a stem with the edited ones, after the edit."""
        needles = _stems(w for s in edited if s.label == PER for w in s.text.split())
        gone = {c.before.id for c in per if c.before is not None}
        out = {
            _extent(e): e
            for e in self.names.entities_containing(doc_id, PER, needles)
            if e.id not in gone
        }
        for c in per:
            if isinstance(c.after, Entity) and c.after.label == PER:
                out[_extent(c.after)] = c.after
        return out

    def _rewrite(
        self,
        doc_id: str,
        changes: list[Change],
        after: dict[Extent, Entity],
        new: dict[Extent, str],
    ) -> tuple[list[Change], tuple[int, int]]:
        """The edit's own spans take their new normal; the other mentions get a change."""
        out: list[Change] = []
        follows: list[Renamed] = []
        done: set[Extent] = set()
        for c in changes:
            span = c.after
            if c.doc_id == doc_id and isinstance(span, Entity) and span.label == PER:
                key = _extent(span)
                if key in new:
                    was = c.before.normal if isinstance(c.before, Entity) else ""
                    follows.append(Renamed(span.id, span.start, was, new[key]))
                    c = Change(doc_id, c.before, replace(span, normal=new[key]))
                    done.add(key)
            out.append(c)
        for key, normal in new.items():
            if key not in done:
                e = after[key]
                follows.append(Renamed(e.id, e.start, e.normal, normal))
                out.append(Change(doc_id, e, replace(e, normal=normal)))
        out, speakers = speakers_follow(self.ctx.store, doc_id, follows, out, "model")
        return out, (len(new) - len(done), speakers)


@dataclass(frozen=True, slots=True)
class Renamed:
    """An entity whose normal form an edit changes: what quote speakers follow."""

    id: int | None  # None: a span the edit adds (no quote speaks it yet)
    start: int
    old: str  # the name an unlinked speaker would carry ("" for none)
    new: str


def speakers_follow(
    store: Store,
    doc_id: str,
    follows: Sequence[Renamed],
    changes: list[Change],
    unlinked: str | None,
) -> tuple[list[Change], int]:
    """``changes`` with the speakers of quotes said by renamed entities renamed too.

    A speaker linked to a renamed entity takes its new normal. With ``unlinked``
    ("model": in the model's quotes only; "all"), so does a speaker linked to no entity
    whose normal was a renamed entity's old one (a pronoun resolved to that person),
    from the nearest such entity before it. Returns the changes and how many quote
    changes were added.
    """
    out = list(changes)
    pending = {c.span.id: i for i, c in enumerate(out) if c.is_quote and c.after is not None}
    added = 0

    def rename(q: Quote, normal: str) -> None:
        nonlocal added
        i = pending.get(q.id)
        cur = out[i].after if i is not None else q
        if not isinstance(cur, Quote) or cur.speaker is None or cur.speaker.normal == normal:
            return
        new = replace(cur, speaker=replace(cur.speaker, normal=normal))
        if i is None:
            pending[q.id] = len(out)
            out.append(Change(doc_id, q, new))
            added += 1
        else:
            out[i] = Change(doc_id, out[i].before, new)

    for f in follows:
        if f.id is not None:
            for q in store.spans.quotes_spoken_by(f.id):
                rename(q, f.new)
    old: dict[str, list[tuple[int, str]]] = {}
    for f in sorted(follows, key=lambda f: f.start):
        if f.old:
            old.setdefault(f.old, []).append((f.start, f.new))
    if unlinked is not None and old:
        for q in store.names.unlinked_speakers_named(doc_id, list(old)):
            if unlinked == "model" and q.state not in _MODEL:
                continue
            sp = q.speaker
            assert sp is not None, "the query asks for a speaker"
            before = [n for start, n in old[sp.normal] if start <= sp.start]
            rename(q, before[-1] if before else old[sp.normal][0][1])
    return out, added
