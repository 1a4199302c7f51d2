"""spaCy DocBin: entities in ``doc.ents``, quotes and speakers in ``doc.spans`` groups.

A DocBin holds its documents in memory until it is written, so the export is a folder of
DocBin shards of ``SHARD`` documents each (``0000.spacy``, ``0001.spacy`` …): memory stays
flat however large the corpus, and ``spacy train --paths.train FOLDER`` (spaCy's
``Corpus``) reads a folder of .spacy files as one corpus. Tokens and sentence starts are
razdel's, the same as CoNLL's and HF's (``tokens.tagged_sentences``), and so are the
entities in ``doc.ents``; the text is the document's prose, reproduced exactly
(whitespace tokens where needed). Every entity, nested ones included, is also in
``doc.spans["entities"]``. Which speaker belongs to which quote is kept in
``doc.user_data["razmetka"]["speaker_of"]`` as ``[quote index, speaker index]`` pairs,
beside the document id, status, meta and the original ranges the prose is made of.
Beside the shards go a ``config.cfg`` for ``spacy train`` whose tokenizer is razdel's
and that tokenizer's code (``razdel_tokenizer.py``), so training tokenizes as the data is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.io.exporters import razdel_tokenizer
from models.io.exporters.common import (
    ExportOptions,
    ExportReport,
    Item,
    note_normal_forms,
    require,
)
from models.io.exporters.tokens import count_tagged, tagged_sentences

SUFFIX = None  # a folder of shards
PROSE = True  # the noise is cut out (outgoing.without_noise)
SHARD = 200
ATTRS = ["ORTH", "SPACY", "ENT_IOB", "ENT_TYPE", "SENT_START"]
CONFIG, CODE = "config.cfg", "razdel_tokenizer.py"
NOT_IN_ENTS = "nested or overlapping entities not in doc.ents (they are in doc.spans['entities'])"
# What makes razdel_tokenizer.py, copied beside the config, register itself for --code.
REGISTER = f"""

from spacy.util import registry  # noqa: E402

registry.tokenizers({razdel_tokenizer.NAME!r}, func=create_tokenizer)
"""


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
            if span is not None and what != "entities":  # entities: counted by the tagger
                self._report.adjusted[f"{what} widened to whole tokens (spaCy)"] += 1
        if span is None and what != "entities":
            self._report.left_out[f"{what} on no token (spaCy)"] += 1
        return span

    def _doc(self, item: Item) -> tuple[Any, list[tuple[int, int, str]]]:
        """The spaCy Doc with razdel's tokens and sentences, and the tagged entities."""
        from spacy.tokens import Doc
        from spacy.util import get_words_and_spaces

        text, scratch = item.doc.text, ExportReport()
        sents = tagged_sentences(text, item.doc.entities, scratch, "spaCy")
        count_tagged(self._report, item.part, sents)
        self._report.adjusted.update(scratch.adjusted)
        for what, n in scratch.left_out.items():
            self._report.left_out[NOT_IN_ENTS if what.startswith("nested") else what] += n
        flat = [t for toks, _ in sents for t in toks]
        tags = [tag for _, sent_tags in sents for tag in sent_tags]
        words, spaces = get_words_and_spaces([t.text for t in flat], text)
        starts = {toks[0].start for toks, _ in sents[1:]}
        sent_starts: list[bool | int | None] = []
        pos = 0
        for word, space in zip(words, spaces):
            sent_starts.append(not sent_starts or pos in starts)
            pos += len(word) + space
        sdoc = Doc(self._vocab, words=words, spaces=spaces, sent_starts=sent_starts)
        ents: list[tuple[int, int, str]] = []
        for tok, tag in zip(flat, tags):
            if tag.startswith("B-"):
                ents.append((tok.start, tok.end, tag[2:]))
            elif tag.startswith("I-"):
                ents[-1] = (ents[-1][0], tok.end, ents[-1][2])
        return sdoc, ents

    def _to_spacy(self, item: Item) -> Any:
        doc = item.doc
        note_normal_forms(self._report, doc, "spaCy")
        sdoc, flat = self._doc(item)
        sdoc.ents = [sdoc.char_span(s, e, label=label) for s, e, label in flat]
        sdoc.spans["entities"] = [
            s
            for e in doc.entities
            if (s := self._span(sdoc, e.start, e.end, e.label, "entities")) is not None
        ]
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
        if item.kept is not None:
            sdoc.user_data["razmetka"]["kept"] = [list(r) for r in item.kept]
        return sdoc


def finish(out: Path, options: ExportOptions, report: ExportReport) -> None:
    """Write ``config.cfg`` (spaCy's own NER config for Russian, razdel's tokenizer) and
    the tokenizer's code beside the shards."""
    from spacy.cli.init_config import init_config

    config = init_config(lang="ru", pipeline=["ner"], optimize="efficiency", silent=True)
    config["nlp"]["tokenizer"] = {"@tokenizers": razdel_tokenizer.NAME}
    config.to_disk(out / CONFIG)
    source = Path(razdel_tokenizer.__file__).read_text(encoding="utf-8")
    (out / CODE).write_text(source + REGISTER, encoding="utf-8")
    report.files += [out / CONFIG, out / CODE]
