"""Tokens, sentences and IOB2 tags for the token-based formats (CoNLL, HF, Prodigy, spaCy).

Tokens are razdel's (what natasha itself uses, so model spans always align), cut by
``razdel_tokenizer``, the same code the spaCy pipeline of the export tokenizes with.
Sentences are split at blank lines first and then by razdel, because razdel does not end
a sentence at a blank line without final punctuation and would glue a headline to the
next sentence. A sentence boundary that would cut an entity in two is dropped, so IOB2
stays valid.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from models.io.exporters import razdel_tokenizer
from models.io.exporters.common import ExportReport
from models.nlp.tokens import Token
from models.spans import Entity


def sentences(text: str) -> list[list[Token]]:
    """The document's tokens grouped in sentences (blank lines first, then razdel)."""
    return [[Token(*t) for t in sent] for sent in razdel_tokenizer.sentences(text)]


def token_spans(
    tokens: Sequence[Token],
    entities: Sequence[Entity],
    report: ExportReport,
    fmt: str,
) -> list[tuple[int, int, Entity]]:
    """Non-overlapping entities as token ranges ``[first, last+1)``, in text order.

    An entity whose edge falls inside a token is widened to whole tokens (counted under
    ``adjusted``); one that overlaps an entity already kept (nested or crossing) is left
    out and counted, since a token carries one tag.
    """
    starts = [t.start for t in tokens]
    ranges: list[tuple[int, int, Entity]] = []
    for e in entities:
        first = bisect.bisect_right(starts, e.start) - 1
        if first < 0 or tokens[first].end <= e.start:
            first += 1
        last = bisect.bisect_left(starts, e.end) - 1
        if first > last or first >= len(tokens):
            report.left_out[f"entities on no token ({fmt})"] += 1
            continue
        if tokens[first].start != e.start or tokens[last].end != e.end:
            report.adjusted[f"entities widened to whole razdel tokens ({fmt})"] += 1
        ranges.append((first, last + 1, e))
    ranges.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    kept: list[tuple[int, int, Entity]] = []
    for r in ranges:
        if kept and r[0] < kept[-1][1]:
            report.left_out[f"nested or overlapping entities ({fmt} holds one per token)"] += 1
            continue
        kept.append(r)
    return kept


def iob2(n_tokens: int, spans: Sequence[tuple[int, int, Entity]]) -> list[str]:
    """IOB2 tags for ``n_tokens`` tokens from non-overlapping token ranges."""
    tags = ["O"] * n_tokens
    for first, stop, e in spans:
        tags[first] = f"B-{e.label}"
        for i in range(first + 1, stop):
            tags[i] = f"I-{e.label}"
    return tags


def tagged_sentences(
    text: str,
    entities: Sequence[Entity],
    report: ExportReport,
    fmt: str,
) -> list[tuple[list[Token], list[str]]]:
    """Sentences with IOB2 tags; sentences an entity runs across are joined."""
    sents = sentences(text)
    flat = [t for s in sents for t in s]
    tags = iob2(len(flat), token_spans(flat, entities, report, fmt))
    out: list[tuple[list[Token], list[str]]] = []
    pos = 0
    for sent in sents:
        stop = pos + len(sent)
        if out and tags[pos].startswith("I-"):
            out[-1][0].extend(sent)
            out[-1][1].extend(tags[pos:stop])
        else:
            out.append((list(sent), tags[pos:stop]))
        pos = stop
    return out


def tag_names(labels: Sequence[str]) -> list[str]:
    """The IOB2 tag set for ``labels``: O, then B-/I- per label, in label order."""
    names = ["O"]
    for label in labels:
        names += [f"B-{label}", f"I-{label}"]
    return names


def count_tagged(
    report: ExportReport, part: str, sents: Sequence[tuple[Sequence[Token], Sequence[str]]]
) -> None:
    """Count the tagged entities by label, the sentences and tokens of one document."""
    tags = [tag for _, sent_tags in sents for tag in sent_tags]
    report.count(part, [tag[2:] for tag in tags if tag.startswith("B-")])
    report.count(part, {"sentences": len(sents), "tokens": len(tags)})
