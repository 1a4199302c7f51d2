"""What a document looks like on its way out: no local paths, the source's id, the prose.

Training data is published and shared, so ``meta.file`` keeps the file's name only (the
full path of the importing machine only when asked) and ``meta.source_id`` names the
document as its source did (the record's own id, else a text file's stem) beside the
content hash. The sentence and token formats get the prose: captions, ad markers,
repeated paragraphs and the news header line are cut out (the window shows them dimmed),
the remaining pieces joined by blank lines and every span moved with its piece; a span
that touches noise is left out and counted. The formats that keep the text whole list
the same ranges instead (jsonl's ``meta.noise``), so nothing is lost.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from models.io.ingest import paragraphs, parse_news
from models.spans import Document, Entity, Noise, Quote

if TYPE_CHECKING:
    from models.io.exporters.common import ExportReport

JOIN = "\n\n"
NOISE_NOTE = "paragraphs of noise (captions, ad markers, repeats, news header; --keep-noise)"
_ONE_RECORD = re.compile(r"\.(?:txt|ann)$", re.IGNORECASE)


def public_meta(meta: dict[str, Any], keep_paths: bool) -> dict[str, Any]:
    """The meta to export: ``file`` as a name only, and ``source_id`` where it can be had."""
    out = dict(meta)
    path = str(out.get("file") or "")
    name = re.split(r"[\\/]", path)[-1]
    if path and not keep_paths:
        out["file"] = name
    if not out.get("source_id") and _ONE_RECORD.search(name):
        out["source_id"] = name.rsplit(".", 1)[0]  # one document a file: its stem names it
    return out


def noise_of(doc: Document) -> list[Noise]:
    """The document's noise ranges, in order, with the news header line among them."""
    noise = sorted(doc.noise, key=lambda n: n.start)
    first = next(paragraphs(doc.text), None)
    if first is not None and "date" in parse_news(doc.text[first[0] : first[1]])[0]:
        noise = [n for n in noise if not first[0] <= n.start < first[1]]
        noise.insert(0, Noise(first[0], first[1], "header"))
    return noise


def _pieces(text: str, noise: list[Noise]) -> list[tuple[int, int]]:
    """The ranges between the noise, without the blank space at their edges."""
    out, pos = [], 0
    for n in [*noise, Noise(len(text), len(text), "end")]:
        if n.start > pos:
            piece = text[pos : n.start]
            start = pos + len(piece) - len(piece.lstrip())
            end = n.start - (len(piece) - len(piece.rstrip()))
            if end > start:
                out.append((start, end))
        pos = max(pos, n.end)
    return out


class Prose:
    """The text without its noise, and the map from old offsets to new ones."""

    def __init__(self, text: str, noise: list[Noise]) -> None:
        self.pieces = _pieces(text, noise)
        self.text = JOIN.join(text[s:e] for s, e in self.pieces)
        self._starts = [s for s, _ in self.pieces]
        self._new: list[int] = []
        pos = 0
        for s, e in self.pieces:
            self._new.append(pos)
            pos += e - s + len(JOIN)

    def move(self, start: int, end: int, across: bool = False) -> tuple[int, int] | None:
        """New offsets of ``[start, end)``, or None when it touches the noise.

        ``across`` lets the range run over cut noise (a quote with an ad marker inside).
        """
        a = bisect.bisect_right(self._starts, start) - 1
        b = bisect.bisect_right(self._starts, end - 1) - 1
        if a < 0 or b < 0 or start >= self.pieces[a][1] or end > self.pieces[b][1]:
            return None
        if a != b and not across:
            return None
        return self._new[a] + start - self.pieces[a][0], self._new[b] + end - self.pieces[b][0]


def _entity(prose: Prose, e: Entity) -> Entity | None:
    moved = prose.move(e.start, e.end)
    if moved is None:
        return None
    return replace(e, start=moved[0], end=moved[1], text=prose.text[moved[0] : moved[1]])


def _quote(prose: Prose, q: Quote, report: ExportReport) -> Quote | None:
    moved = prose.move(q.start, q.end, across=True)
    if moved is None:
        return None
    speaker = q.speaker
    if speaker is not None:
        where = prose.move(speaker.start, speaker.end)
        if where is None:
            report.left_out["speakers in the noise (--keep-noise keeps them)"] += 1
            speaker = None
        else:
            text = prose.text[where[0] : where[1]]
            speaker = replace(speaker, start=where[0], end=where[1], text=text)
    text = prose.text[moved[0] : moved[1]]
    return replace(q, start=moved[0], end=moved[1], text=text, speaker=speaker)


def without_noise(doc: Document, report: ExportReport) -> tuple[Document, list[tuple[int, int]]]:
    """The document cut to its prose, and the original ranges it is made of.

    Spans move with their piece; those that touch noise are left out and counted.
    """
    noise = noise_of(doc)
    if not noise:
        return doc, [(0, len(doc.text))]
    prose = Prose(doc.text, noise)
    entities = [x for e in doc.entities if (x := _entity(prose, e)) is not None]
    quotes = [y for q in doc.quotes if (y := _quote(prose, q, report)) is not None]
    report.left_out[NOISE_NOTE] += len(noise)
    report.left_out["entities in the noise (--keep-noise keeps them)"] += len(doc.entities) - len(
        entities
    )
    report.left_out["quotes in the noise (--keep-noise keeps them)"] += len(doc.quotes) - len(
        quotes
    )
    cut = replace(doc, text=prose.text, noise=())
    return cut.with_annotations(entities, quotes), prose.pieces


def outgoing(
    doc: Document, keep_paths: bool, prose: bool, report: ExportReport
) -> tuple[Document, list[tuple[int, int]] | None]:
    """The document as it goes out (public meta; the prose only, when ``prose``) and the
    original ranges the prose is made of (None when the text stays whole)."""
    doc = replace(doc, meta=public_meta(doc.meta, keep_paths))
    return without_noise(doc, report) if prose else (doc, None)
