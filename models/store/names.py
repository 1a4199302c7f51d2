"""Entities by name: the mentions of a group, and the spans that may share a surname.

The Entities panel groups a document's entities by label and normal form; renaming or
merging a group reads its mentions here, and the quotes whose unlinked speaker carries
its name. When a PER span changes, the normal forms
derived from it are recomputed over the spans that share a word stem with it (a
covering-index scan of the document's PER texts, not a read of every span).
``Store.names`` is one of these.
"""

from __future__ import annotations

from collections.abc import Iterable

from models.spans import Entity, Quote
from models.store.dbopen import SafeDatabase
from models.store.rows import _ENTITY_COLS, _QUOTE_COLS, _entity, _quote


class NameQueries:
    """Look-ups of entities by their normal form or by words in their text."""

    def __init__(self, db: SafeDatabase) -> None:
        self.db = db

    def entities_named(self, doc_id: str, label: str, name: str) -> list[Entity]:
        """The mentions of a group: this label, and ``name`` as normal form (or as text
        when the normal form is empty), in text order."""
        rows = self.db.execute(
            f"SELECT {_ENTITY_COLS} FROM entities WHERE doc_id = ? AND label = ?"
            " AND (normal = ? OR (normal = '' AND text = ?))"
            ' ORDER BY start, "end" DESC',
            [doc_id, label, name, name],
        ).fetchall()
        return list(map(_entity, rows))

    def unlinked_speakers_named(self, doc_id: str, names: list[str]) -> list[Quote]:
        """The quotes whose speaker is linked to no entity and carries one of ``names``
        as its normal form (a pronoun resolved to a person), in text order."""
        if not names:
            return []
        marks = ", ".join("?" for _ in names)
        rows = self.db.execute(
            f"SELECT {_QUOTE_COLS} FROM quotes WHERE doc_id = ? AND speaker_entity IS NULL"
            f" AND speaker_start IS NOT NULL AND speaker_normal IN ({marks}) ORDER BY start",
            [doc_id, *names],
        ).fetchall()
        return list(map(_quote, rows))

    def entities_containing(self, doc_id: str, label: str, needles: Iterable[str]) -> list[Entity]:
        """The entities with this label whose text contains any of ``needles``."""
        wanted = sorted(set(needles))
        if not wanted:
            return []
        test = " OR ".join("instr(text, ?)" for _ in wanted)
        # The ids come from the covering index (doc_id, label, text): no row is read
        # for the thousands of PER spans that do not match.
        ids = self.db.execute(
            f"SELECT id FROM entities INDEXED BY entities_text"
            f" WHERE doc_id = ? AND label = ? AND ({test})",
            [doc_id, label, *wanted],
        ).fetchall()
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        rows = self.db.execute(
            f'SELECT {_ENTITY_COLS} FROM entities WHERE id IN ({marks}) ORDER BY start, "end" DESC',
            [r[0] for r in ids],
        ).fetchall()
        return list(map(_entity, rows))
