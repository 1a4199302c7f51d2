"""natasha's taggers fed in batches: many paragraphs per NER call, morphology only where needed.

natasha tags a ``Doc`` one text at a time: called per paragraph that is a dozen NER calls
of one sequence each per article, and morphology over every sentence. Here the paragraphs
of many documents go through the NER model together, sorted by length so that a batch
pads little, and the morphology model sees only the sentences that hold a span (the
normal forms need nothing else). The models, the segmentation (``Doc.segment``) and the
decoding are natasha's and slovnet's own; only the batching differs. Padding is neutral:
slovnet's pad embedding is zero and padded positions are zeroed after every layer, so a
sequence is computed the same alone or in a batch, up to float rounding in BLAS (see
docs/benchmarks.md: no span or normal form changed over the comparison corpus). The NER
model gets the words ``Doc.segment`` found (slovnet's ``map`` would run razdel over the
text a second time and find the same tokens).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from natasha import Doc
from natasha.doc import DocSpan, inject_morph
from slovnet.exec.encoders import TagEncoder
from slovnet.exec.infer import MorphInfer, NERInfer
from slovnet.markup import BIOMarkup

# Padded sequence positions per model call: 256 and 512 ran alike; 128 was slower (more
# calls), 1,024 too (the convolution's window matrix no longer fits the CPU cache).
BATCH_TOKENS = 256


def segment(nlp: Any, text: str) -> Any:
    """A natasha ``Doc`` of ``text`` with tokens and sentences, as ``Doc.segment`` makes it."""
    doc = Doc(text)
    doc.segment(nlp.segmenter)
    doc.spans = []
    return doc


def batches(items: Sequence[list[str]], tokens: int = BATCH_TOKENS) -> Iterator[list[list[str]]]:
    """Consecutive runs of ``items`` (sorted by length) whose padded size fits ``tokens``."""
    run: list[list[str]] = []
    for item in items:
        if run and (len(run) + 1) * len(item) > tokens:
            yield run
            run = []
        run.append(item)
    if run:
        yield run


def _unbatched(infer: Any, cls: type) -> Any:
    """The tagger's model and decoder with an encoder that leaves batching to us."""
    enc = infer.encoder
    return cls(infer.model, TagEncoder(enc.words_vocab, enc.shapes_vocab, 1 << 30), infer.decoder)


def tag_ner(nlp: Any, docs: Sequence[Any]) -> None:
    """``Doc.tag_ner`` for every doc of ``docs``: spans, their tokens, their sentences."""
    live = sorted((d for d in docs if d.tokens and d.text.strip()), key=lambda d: len(d.tokens))
    words = [[t.text for t in d.tokens] for d in live]
    infer = _unbatched(nlp.ner_tagger.infer, NERInfer)
    preds: list[Any] = []
    for run in batches(words):
        inputs = infer.encoder.input([infer.encoder.item(w) for w in run])
        preds.extend(infer.decoder(infer.process([inputs])))
    for doc, item, pred in zip(live, words, preds):
        markup = BIOMarkup.from_tuples(zip(item, pred)).to_span(doc.text)
        doc.spans = [
            DocSpan(s.start, s.stop, s.type, doc.text[s.start : s.stop]) for s in markup.spans
        ]
        doc.envelop_span_tokens()
        doc.envelop_sent_spans()


def _holding_spans(doc: Any) -> Iterator[Any]:
    """The sentences of ``doc`` that share a character with one of its spans."""
    spans, k = doc.spans, 0
    for sent in doc.sents:
        while k < len(spans) and spans[k].stop <= sent.start:
            k += 1
        if k < len(spans) and spans[k].start < sent.stop:
            yield sent


def tag_morph(nlp: Any, docs: Sequence[Any]) -> None:
    """``Doc.tag_morph``, but only for the sentences that hold a span (after ``tag_ner``)."""
    sents = sorted(
        (s for d in docs if d.spans for s in _holding_spans(d)), key=lambda s: len(s.tokens)
    )
    words = [[t.text for t in s.tokens] for s in sents]
    infer = _unbatched(nlp.morph_tagger.infer, MorphInfer)
    markups: list[Any] = []
    for run in batches(words):
        markups.extend(infer(run))
    for sent, markup in zip(sents, markups):
        inject_morph(sent.tokens, markup.tokens)
