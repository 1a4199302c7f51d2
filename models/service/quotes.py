"""Quote edits as change sets: add, delete, move edges, confirm, and the speaker link.

A quote's span is the quoted words without the outer quotation marks, so a selection
that includes them is trimmed. The speaker is a mention in the text; when that mention
is an entity span the quote links to it, and the link follows the entity's edits. A
quote keeps its speaker when its own boundaries change. Quotes never overlap
(``models.overlap``, the rule imports apply too): a quote split by the author's words is
two quotes side by side, so an edit that would make two quotes share a character is
refused.
"""

from __future__ import annotations

from models.changes import ChangeSet
from models.overlap import RULE, overlapping_quote
from models.quotes.candidates import SPEAKER_LABELS, speaker_candidates
from models.service.context import EditContext, EditError, one, shorten
from models.spans import Entity, Quote, Speaker

_OUTER_MARKS = "«»„“”\"'"


class QuoteEdits:
    """The rules of quote and speaker edits, over one edit context."""

    def __init__(self, ctx: EditContext) -> None:
        self.ctx = ctx
        self.spans = ctx.store.spans

    def add(self, doc_id: str, start: int, end: int, exact: bool = False) -> ChangeSet:
        """Make ``[start, end)`` a quote: whole tokens, outer quotation marks left out."""
        text = self.ctx.text(doc_id)
        start, end = self.ctx.snapped(doc_id, start, end, exact)
        if not exact:
            while end - start > 1 and text[start] in _OUTER_MARKS + " \n":
                start += 1
            while end - start > 1 and text[end - 1] in _OUTER_MARKS + " \n":
                end -= 1
        self._check_overlap(doc_id, start, end, text[start:end])
        quote = Quote(start, end, text[start:end], None, None, "added", self.ctx.annotator)
        return one(f"Add quote «{shorten(quote.text, 24)}»", doc_id, None, quote)

    def delete(self, quote_id: int) -> ChangeSet:
        """Remove a quote (its speaker link goes with it)."""
        quote = self.spans.quote(quote_id)
        name = f"Delete quote «{shorten(quote.text, 24)}»"
        return one(name, self.spans.doc_of_quote(quote_id), quote, None)

    def move(self, quote_id: int, edge: str, steps: int) -> ChangeSet:
        """Move a quote's ``start`` or ``end`` by ``steps`` tokens; the speaker stays."""
        quote = self.spans.quote(quote_id)
        start, end = self.ctx.stepped(self.spans.doc_of_quote(quote_id), quote, edge, steps)
        return self.resize(quote_id, start, end)

    def resize(self, quote_id: int, start: int, end: int) -> ChangeSet:
        """Give a quote new exact boundaries, keeping its speaker."""
        quote = self.spans.quote(quote_id)
        if (start, end) == (quote.start, quote.end):
            return ChangeSet("Resize quote")
        doc_id = self.spans.doc_of_quote(quote_id)
        new = self.ctx.with_text(doc_id, quote, start, end)
        self._check_overlap(doc_id, start, end, new.text, quote_id)
        return one("Resize quote", doc_id, quote, new)

    def _check_overlap(
        self, doc_id: str, start: int, end: int, text: str, ignore: int | None = None
    ) -> None:
        """EditError when ``[start, end)`` would share a character with another quote."""
        found = self.spans.quotes_overlapping(doc_id, start, end)
        other = overlapping_quote(found, start, end, ignore)
        if other is None:
            return
        if (other.start, other.end) == (start, end):
            raise EditError("this quote is already marked")
        raise EditError(
            f"«{shorten(text, 24)}» overlaps the quote «{shorten(other.text, 24)}» ({RULE})"
        )

    def confirm(self, quote_id: int) -> ChangeSet:
        """Accept a suggested quote (and its speaker) as it is."""
        quote = self.spans.quote(quote_id)
        if quote.state != "suggested":
            return ChangeSet("Confirm quote")
        name = f"Confirm quote «{shorten(quote.text, 24)}»"
        return one(name, self.spans.doc_of_quote(quote_id), quote, self.ctx.confirmed(quote))

    def set_speaker(self, quote_id: int, start: int, end: int, exact: bool = False) -> ChangeSet:
        """Make the mention at ``[start, end)`` the quote's speaker.

        When the mention is an entity (a PER or ORG preferred) the speaker links to it;
        otherwise ("источник в правительстве") it is the words alone.
        """
        doc_id = self.spans.doc_of_quote(quote_id)
        lo, hi = self.ctx.snapped(doc_id, start, end, exact)
        same = [
            e
            for e in self.spans.entities_overlapping(doc_id, lo, hi)
            if (e.start, e.end) == (lo, hi)
        ]
        same.sort(key=lambda e: e.label not in SPEAKER_LABELS)
        if same and same[0].id is not None:
            return self.set_speaker_entity(quote_id, same[0].id)
        words = self.ctx.text(doc_id)[lo:hi]
        return self._set(quote_id, Speaker(lo, hi, words, words, None))

    def set_speaker_entity(self, quote_id: int, entity_id: int) -> ChangeSet:
        """Make an entity the quote's speaker (a link that follows the entity)."""
        ent = self.spans.entity(entity_id)
        if self.spans.doc_of_entity(entity_id) != self.spans.doc_of_quote(quote_id):
            raise EditError("the speaker must be in the quote's document")
        speaker = Speaker(ent.start, ent.end, ent.text, ent.normal or ent.text, ent.id)
        return self._set(quote_id, speaker)

    def unlink_speaker(self, quote_id: int) -> ChangeSet:
        """The quote has no named source (or its speaker is not yet known)."""
        return self._set(quote_id, None)

    def _set(self, quote_id: int, speaker: Speaker | None) -> ChangeSet:
        quote = self.spans.quote(quote_id)
        if quote.speaker == speaker:
            return ChangeSet("Set speaker")
        if speaker is not None:
            name = f"Set speaker «{shorten(speaker.text)}»"
        else:
            name = f"Unlink speaker «{shorten(quote.speaker.text if quote.speaker else '')}»"
        new = self.ctx.edited(quote, speaker=speaker)
        return one(name, self.spans.doc_of_quote(quote_id), quote, new)

    def speaker_candidates(self, quote_id: int, limit: int = 9) -> list[Entity]:
        """The likeliest speakers for a quote, best first (keys 1-9 pick them)."""
        quote = self.spans.quote(quote_id)
        doc = self.ctx.store.document(self.spans.doc_of_quote(quote_id))
        return speaker_candidates(doc.text, quote, doc.entities, limit)
