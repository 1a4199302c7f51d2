"""Quote edits: add, delete, move edges, confirm, and the speaker link.

A quote's span is the quoted words without the outer quotation marks, so a selection
that includes them is trimmed. The speaker is a mention in the text; when that mention
is an entity span the quote links to it, and the link follows the entity's edits. A
quote keeps its speaker when its own boundaries change.
"""

from __future__ import annotations

from dataclasses import replace

from models.changes import ChangeSet
from models.nlp.tokens import snap
from models.quotes.candidates import SPEAKER_LABELS, speaker_candidates
from models.service.base import EditError, ServiceBase, shorten
from models.spans import Entity, Quote, Speaker

_OUTER_MARKS = "«»„“”\"'"


class QuoteEdits(ServiceBase):
    """The quote half of ``AnnotationService``."""

    def quote(self, quote_id: int) -> Quote:
        """One quote by id."""
        return self.store.quote(quote_id)

    def _quote_doc(self, quote_id: int) -> str:
        return self.store.doc_of_quote(quote_id)

    def add_quote(self, doc_id: str, start: int, end: int, exact: bool = False) -> ChangeSet:
        """Make ``[start, end)`` a quote: whole tokens, outer quotation marks left out."""
        text = self.text(doc_id)
        start, end = min(start, end), max(start, end)
        self._check_bounds(doc_id, start, end)
        if not exact:
            snapped = snap(text, start, end)
            if snapped is None:
                raise EditError("the selection holds no word")
            start, end = snapped
            while end - start > 1 and text[start] in _OUTER_MARKS + " \n":
                start += 1
            while end - start > 1 and text[end - 1] in _OUTER_MARKS + " \n":
                end -= 1
        if any(
            (q.start, q.end) == (start, end)
            for q in self.store.quotes_overlapping(doc_id, start, end)
        ):
            raise EditError("this quote is already marked")
        quote = Quote(start, end, text[start:end], None, None, "added", self.annotator)
        name = f"Add quote «{shorten(quote.text, 24)}»"
        return self.commit(self._one(name, doc_id, None, quote))

    def delete_quote(self, quote_id: int) -> ChangeSet:
        """Remove a quote (its speaker link goes with it)."""
        quote = self.store.quote(quote_id)
        name = f"Delete quote «{shorten(quote.text, 24)}»"
        return self.commit(self._one(name, self._quote_doc(quote_id), quote, None))

    def move_quote(self, quote_id: int, edge: str, steps: int) -> ChangeSet:
        """Move a quote's ``start`` or ``end`` by ``steps`` tokens; the speaker stays."""
        quote = self.store.quote(quote_id)
        start, end = self._stepped(self._quote_doc(quote_id), quote, edge, steps)
        return self.resize_quote(quote_id, start, end)

    def resize_quote(self, quote_id: int, start: int, end: int) -> ChangeSet:
        """Give a quote new exact boundaries, keeping its speaker."""
        quote = self.store.quote(quote_id)
        if (start, end) == (quote.start, quote.end):
            return ChangeSet("Resize quote")
        doc_id = self._quote_doc(quote_id)
        new = self._with_text(doc_id, quote, start, end)
        return self.commit(self._one("Resize quote", doc_id, quote, new))

    def confirm_quote(self, quote_id: int) -> ChangeSet:
        """Accept a suggested quote (and its speaker) as it is."""
        quote = self.store.quote(quote_id)
        if quote.state != "suggested":
            return ChangeSet("Confirm quote")
        new = replace(quote, state="confirmed", annotator=self.annotator)
        name = f"Confirm quote «{shorten(quote.text, 24)}»"
        return self.commit(self._one(name, self._quote_doc(quote_id), quote, new))

    def set_speaker(self, quote_id: int, start: int, end: int, exact: bool = False) -> ChangeSet:
        """Make the mention at ``[start, end)`` the quote's speaker.

        When the mention is an entity (a PER or ORG preferred) the speaker links to it;
        otherwise ("источник в правительстве") it is the words alone.
        """
        doc_id = self._quote_doc(quote_id)
        text = self.text(doc_id)
        lo, hi = min(start, end), max(start, end)
        self._check_bounds(doc_id, lo, hi)
        snapped = (lo, hi) if exact else snap(text, lo, hi)
        if snapped is None:
            raise EditError("the selection holds no word")
        same = [
            e
            for e in self.store.entities_overlapping(doc_id, *snapped)
            if (e.start, e.end) == snapped
        ]
        same.sort(key=lambda e: e.label not in SPEAKER_LABELS)
        if same:
            return self.set_speaker_entity(quote_id, same[0].id)  # type: ignore[arg-type]
        words = text[snapped[0] : snapped[1]]
        return self._set_speaker(quote_id, Speaker(*snapped, words, words, None))

    def set_speaker_entity(self, quote_id: int, entity_id: int) -> ChangeSet:
        """Make an entity the quote's speaker (a link that follows the entity)."""
        ent = self.store.entity(entity_id)
        if self.store.doc_of_entity(entity_id) != self._quote_doc(quote_id):
            raise EditError("the speaker must be in the quote's document")
        speaker = Speaker(ent.start, ent.end, ent.text, ent.normal or ent.text, ent.id)
        return self._set_speaker(quote_id, speaker)

    def unlink_speaker(self, quote_id: int) -> ChangeSet:
        """The quote has no named source (or its speaker is not yet known)."""
        return self._set_speaker(quote_id, None)

    def _set_speaker(self, quote_id: int, speaker: Speaker | None) -> ChangeSet:
        quote = self.store.quote(quote_id)
        if quote.speaker == speaker:
            return ChangeSet("Set speaker")
        new = self._edited(quote, speaker=speaker)
        name = (
            f"Set speaker «{shorten(speaker.text)}»"
            if speaker
            else f"Unlink speaker «{shorten(quote.speaker.text)}»"
        )  # type: ignore[union-attr]
        return self.commit(self._one(name, self._quote_doc(quote_id), quote, new))

    def speaker_candidates(self, quote_id: int, limit: int = 9) -> list[Entity]:
        """The likeliest speakers for a quote, best first (keys 1-9 pick them)."""
        quote = self.store.quote(quote_id)
        doc = self.store.document(self._quote_doc(quote_id))
        return speaker_candidates(doc.text, quote, doc.entities, limit)
