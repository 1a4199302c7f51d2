"""What the importers share: records with line numbers, offset mapping, span building.

Every foreign format (Label Studio, doccano, brat) is read into labelled regions and
relations first, then :func:`build_document` checks them all the same way (offsets
inside the text, the text at the offsets, known labels, quotes that do not overlap,
relations that link a quote to its speaker) and makes the Document. A record that fails
a check raises ``RecordError`` with the reason; the caller adds the file and line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from models.io.ingest import parse_news
from models.io.jsonshape import JSON_ERRORS, RecordError, check_unicode, content_id, json_problem
from models.labels import load_labels
from models.overlap import first_overlap, overlap_message, overlapping_quote
from models.spans import STATUSES, Document, Entity, Quote, Speaker


@dataclass(frozen=True, slots=True)
class Record:
    """One document read from a file: the gold spans and, if the file has one, the
    model's snapshot (Label Studio predictions)."""

    doc: Document
    model: Document | None = None


@dataclass(frozen=True, slots=True)
class Region:
    """A labelled span as a foreign format states it (offsets already code points)."""

    rid: str
    start: int
    end: int
    label: str
    normal: str = ""
    text: str | None = None


def json_records(text: str, jsonl: bool) -> Iterator[tuple[int, Any]]:
    """``(line, object)`` for each record; a broken one gives a RecordError object.

    A ``.json`` array is read item by item, so each item has its line and the items
    before a syntax error are still imported. A record holding a lone surrogate is
    refused here, once for every format.
    """
    if jsonl:
        for n, row in enumerate(text.split("\n"), 1):
            if row.strip():
                yield n, _load(row)[1]
        return
    pos = len(text) - len(text.lstrip())
    if not text.startswith("[", pos):
        line, obj = _load(text)
        yield line or text.count("\n", 0, pos) + 1, obj
        return
    pos += 1
    line, counted = 1, 0  # lines are counted incrementally: a big export stays linear
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            return
        line += text.count("\n", counted, pos)
        counted = pos
        try:
            obj, pos = _DECODER.raw_decode(text, pos)
        except JSON_ERRORS as exc:
            why = f"{json_problem(exc)}; the rest of the file is not read"
            yield getattr(exc, "lineno", line), RecordError(why)
            return
        yield line, _unicode(obj)


_DECODER = json.JSONDecoder()


def _load(text: str) -> tuple[int | None, Any]:
    """A whole text as one JSON value, or a RecordError (with the line when known)."""
    try:
        obj = json.loads(text)
    except JSON_ERRORS as exc:
        return getattr(exc, "lineno", None), RecordError(json_problem(exc))
    return None, _unicode(obj)


def _unicode(obj: Any) -> Any:
    try:
        check_unicode(obj)
    except RecordError as exc:
        return exc
    return obj


def offset_table(raw: str) -> tuple[str, list[int] | None]:
    """The stored form of a text (no BOM, ``\\n`` newlines) and, when it differs, a table
    mapping each raw offset to the stored one."""
    if "\r" not in raw and not raw.startswith("\ufeff"):
        return raw, None
    out: list[str] = []
    table: list[int] = []
    for i, ch in enumerate(raw):
        table.append(len(out))
        if (ch == "\ufeff" and not out) or (ch == "\r" and raw[i + 1 : i + 2] == "\n"):
            continue
        out.append("\n" if ch == "\r" else ch)
    table.append(len(out))
    return "".join(out), table


def _check_region(raw: str, r: Region, names: frozenset[str]) -> None:
    if not 0 <= r.start < r.end <= len(raw):
        raise RecordError(
            f"span {r.rid} offsets {r.start}-{r.end} outside the text (length {len(raw)})"
        )
    if r.text is not None and r.text != raw[r.start : r.end]:
        raise RecordError(
            f"span {r.rid} {r.start}-{r.end} says {r.text!r} but the text "
            f"there is {raw[r.start : r.end]!r}"
        )
    if r.label not in names:
        raise RecordError(f"span {r.rid} has unknown label {r.label!r}")


def _linked(
    regions: dict[str, Region], relations: Sequence[tuple[str, str]], quote: str
) -> dict[str, str]:
    speaker_of: dict[str, str] = {}
    for a, b in relations:
        if a not in regions or b not in regions:
            raise RecordError(f"relation {a}→{b} refers to a span that is not in the record")
        if regions[a].label != quote and regions[b].label == quote:
            a, b = b, a
        if regions[a].label != quote or regions[b].label == quote:
            raise RecordError(f"relation {a}→{b} must link a quote to its speaker")
        if speaker_of.get(a, b) != b:
            raise RecordError(f"quote {a} has two speakers")
        speaker_of[a] = b
    return speaker_of


def build_document(
    raw: str,
    regions: Sequence[Region],
    relations: Sequence[tuple[str, str]],
    labels: frozenset[str],
    *,
    status: str | None,
    meta: dict[str, Any],
    state: str,
) -> Document:
    """Check regions and relations against the raw text and make the Document.

    Entity labels must be in ``labels``; QUOTE regions become quotes, and the region a
    relation links a quote to becomes its speaker (an entity or a SPEAKER region). A
    span without a normal form has its own text as one (formats omit it when equal).
    """
    ls = load_labels()
    quote, speaker = ls.quote.name, ls.speaker.name
    names = labels | {quote, speaker}
    for r in regions:
        _check_region(raw, r, names)
    by_id = {r.rid: r for r in regions}
    speaker_of = _linked(by_id, relations, quote)
    used = set(speaker_of.values())
    for r in regions:
        if r.label == speaker and r.rid not in used:
            raise RecordError(f"speaker span {r.rid} is linked to no quote")
    text, table = offset_table(raw)

    def at(r: Region) -> tuple[int, int]:
        return (table[r.start], table[r.end]) if table else (r.start, r.end)

    entities = []
    for r in regions:
        if r.label in labels:
            s, e = at(r)
            entities.append(Entity(s, e, r.label, text[s:e], r.normal or text[s:e], state=state))
    quotes: list[Quote] = []
    for r in sorted((r for r in regions if r.label == quote), key=lambda r: r.start):
        s, e = at(r)
        other = overlapping_quote(quotes[-1:], s, e)
        if other is not None:
            raise RecordError(f"quote {r.rid}: {overlap_message(s, e, text[s:e], other)}")
        who = None
        if r.rid in speaker_of:
            sp = by_id[speaker_of[r.rid]]
            ss, se = at(sp)
            who = Speaker(ss, se, text[ss:se], sp.normal or text[ss:se])
        quotes.append(Quote(s, e, text[s:e], who, state=state))
    return finish(text, entities, quotes, status, meta)


def finish(
    text: str,
    entities: Sequence[Entity],
    quotes: Sequence[Quote],
    status: str | None,
    meta: dict[str, Any],
) -> Document:
    """The Document with news meta and noise; status ``done`` when spans came with it."""
    if status is not None and status not in STATUSES:
        raise RecordError(f"unknown status {status!r}")
    if status is None:
        status = "done" if (entities or quotes) else "new"
    news, noise = parse_news(text)
    merged = {**news, **{k: v for k, v in meta.items() if v not in (None, "")}}
    doc = Document(content_id(text), text, merged, status, noise=tuple(noise))
    return doc.with_annotations(list(entities), list(quotes))


def check_quotes(doc: Document) -> None:
    """Refuse quotes that overlap each other: the rule quote edits obey too."""
    pair = first_overlap(doc.quotes)
    if pair is not None:
        first, second = pair
        raise RecordError(overlap_message(second.start, second.end, second.text, first))


def as_model(doc: Document) -> Document:
    """A document's spans restated as the model's untouched suggestions."""
    return doc.with_annotations(
        [replace(e, state="suggested") for e in doc.entities],
        [replace(q, state="suggested") for q in doc.quotes],
    )


def scalar_meta(obj: dict[str, Any], reserved: Sequence[str]) -> dict[str, Any]:
    """The plain (string or number) fields of a record that are not its annotations."""
    return {
        k: v
        for k, v in obj.items()
        if k not in reserved and isinstance(v, (str, int, float)) and not isinstance(v, bool)
    }
