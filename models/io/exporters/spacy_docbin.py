"""spaCy DocBin: entities in ``doc.ents``, quotes and speakers in ``doc.spans`` groups.

A DocBin holds its documents in memory until it is written, so the export is a folder of
DocBin shards of ``SHARD`` documents each (``0000.spacy``, ``0001.spacy`` …): memory stays
flat however large the corpus, and ``spacy train --paths.train FOLDER`` (spaCy's
``Corpus``) reads a folder of .spacy files as one corpus. Tokens are razdel's; the text
is reproduced exactly (whitespace tokens where needed). ``doc.ents`` cannot overlap, so
every entity, nested ones included, is also in ``doc.spans["entities"]``. Which speaker
belongs to which quote is kept in ``doc.user_data["razmetka"]["speaker_of"]`` as
``[quote index, speaker index]`` pairs, beside the document id, status and meta.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.io.exporters.common import (
    ExportOptions,
    ExportReport,
    Item,
    note_normal_forms,
    require,
)
from models.io.exporters.tokens import sentences

SUFFIX = None  # a folder of shards
SHARD = 200
ATTRS = ["ORTH", "SPACY", "ENT_IOB", "ENT_TYPE"]


def check() -> None:
    """Fail early, in one line, when spaCy is not installed."""
    require("spacy", "spacy", "spacy")


class Writer:
    """Writes DocBin shards into the folder ``path``."""

    def __init__(self, path: Path, options: ExportOptions, report: ExportReport) -> None:
        self._dir = path
        self._report = report
        path.mkdir(parents=True, exist_ok=True)
        self._bin: Any = None
        self._vocab: Any = None
        self._count = 0
        self._shards = 0

    def write(self, item: Item) -> None:
        """Add one document to the current shard; write the shard when it is full."""
        if self._bin is None:
            self._start_shard()
        self._bin.add(self._to_spacy(item))
        self._count += 1
        if self._count >= SHARD:
            self._flush()

    def close(self) -> None:
        """Write the last shard (an empty one when nothing was exported)."""
        if self._bin is None and self._shards == 0:
            self._start_shard()
        if self._bin is not None:
            self._flush()

    def _start_shard(self) -> None:
        # A fresh Vocab per shard: a shared one would grow with every new word.
        from spacy.tokens import DocBin
        from spacy.vocab import Vocab

        self._vocab = Vocab()
        self._bin = DocBin(attrs=ATTRS, store_user_data=True)
        self._count = 0

    def _flush(self) -> None:
        path = self._dir / f"{self._shards:04d}.spacy"
        self._bin.to_disk(path)
        self._report.files.append(path)
        self._shards += 1
        self._bin = None

    def _span(self, sdoc: Any, start: int, end: int, label: str, what: str) -> Any:
        span = sdoc.char_span(start, end, label=label)
        if span is None:
            span = sdoc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                self._report.adjusted[f"{what} widened to whole tokens (spaCy)"] += 1
        if span is None:
            self._report.left_out[f"{what} on no token (spaCy)"] += 1
        return span

    def _to_spacy(self, item: Item) -> Any:
        from spacy.tokens import Doc
        from spacy.util import filter_spans, get_words_and_spaces

        doc = item.doc
        note_normal_forms(self._report, doc, "spaCy")
        words = [t.text for s in sentences(doc.text) for t in s]
        words, spaces = get_words_and_spaces(words, doc.text)
        sdoc = Doc(self._vocab, words=words, spaces=spaces)
        entities = [
            s
            for e in doc.entities
            if (s := self._span(sdoc, e.start, e.end, e.label, "entities")) is not None
        ]
        ents = filter_spans(entities)
        self._report.left_out[
            "nested or overlapping entities not in doc.ents (they are in doc.spans['entities'])"
        ] += len(entities) - len(ents)
        sdoc.ents = ents
        sdoc.spans["entities"] = entities
        quotes: list[Any] = []
        speakers: list[Any] = []
        pairs: list[list[int]] = []
        for q in doc.quotes:
            span = self._span(sdoc, q.start, q.end, "QUOTE", "quotes")
            if span is None:
                continue
            quotes.append(span)
            s = q.speaker
            who = self._span(sdoc, s.start, s.end, "SPEAKER", "speakers") if s else None
            if who is not None:
                pairs.append([len(quotes) - 1, len(speakers)])
                speakers.append(who)
        sdoc.spans["quotes"] = quotes
        sdoc.spans["speakers"] = speakers
        sdoc.user_data["razmetka"] = {
            "id": doc.id,
            "status": doc.status,
            "meta": dict(doc.meta),
            "speaker_of": pairs,
        }
        return sdoc
