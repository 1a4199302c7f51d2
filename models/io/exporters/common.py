"""What every export shares: which documents go out, in which split, checked how.

All formats stream documents through :func:`select`, so the status filter, the label
filter, the model-snapshot switch, the offset check and the split are the same for all of
them, and what a format cannot hold is counted in one place (``ExportReport.left_out``)
and reported, instead of being dropped silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.io.exporters.outgoing import outgoing
from models.io.exporters.split import assign_parts, parse_split
from models.io.safe_files import create_new
from models.spans import Document

Progress = Callable[[int, Any], None]


class MissingDependency(ValueError):
    """A format whose reader library is not installed; the message is one line."""


def require(module: str, fmt: str, package: str) -> Any:
    """Import ``module`` lazily, or fail with one line naming the extra to install.

    Each such format has an extra of its own name in pyproject.toml (``razmetka[spacy]``).
    """
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependency(
            f"the {fmt} format needs {package}: pip install 'razmetka[{fmt}]'"
        ) from None


@dataclass(frozen=True)
class ExportOptions:
    """Which documents and annotations to export.

    ``statuses`` None means every status; ``labels`` None keeps every entity label;
    ``split`` is ``"train=0.8,dev=0.1,test=0.1"`` and ``part`` names the one part of an
    export without a split; ``include_model`` exports the model's untouched snapshot
    instead of the curated gold; ``keep_noise`` keeps captions, ad markers, repeats and
    the news header in the sentence and token formats; ``keep_paths`` keeps the full
    path of the imported file in ``meta.file`` (else its name only).
    """

    statuses: list[str] | None = None
    labels: frozenset[str] | None = None
    split: str | None = None
    seed: int = 0
    include_model: bool = False
    part: str = "all"
    keep_noise: bool = False
    keep_paths: bool = False


@dataclass
class ExportReport:
    """How many documents went out, where, and what the format could not hold."""

    documents: int = 0
    notes: list[str] = field(default_factory=list)
    parts: Counter[str] = field(default_factory=Counter)
    left_out: Counter[str] = field(default_factory=Counter)
    adjusted: Counter[str] = field(default_factory=Counter)
    refused: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    cancelled: bool = False
    # per part: entities by label, QUOTE, SPEAKER, sentences, tokens, as the format holds them
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    unselected: dict[str, int] = field(default_factory=dict)  # documents of other statuses

    def count(self, part: str, things: Iterable[str] | dict[str, int]) -> None:
        """Add to the counts of ``part`` (labels one by one, or a mapping of totals)."""
        self.counts.setdefault(part, Counter()).update(things)

    def unselected_note(self) -> str:
        """``not selected by status: 3 new, 1 skipped``, or "" when every status went out."""
        others = ", ".join(f"{n} {status}" for status, n in self.unselected.items())
        return f"not selected by status: {others}" if others else ""

    def finish(self) -> None:
        """Turn the counters into the one-line notes the CLI and the window print."""
        self.notes = [f"left out: {n} {what}" for what, n in sorted(self.left_out.items()) if n]
        self.notes += [f"adjusted: {n} {what}" for what, n in sorted(self.adjusted.items()) if n]
        self.notes += [f"refused: {why}" for why in self.refused]
        if self.cancelled:
            self.notes.append("cancelled: the output holds only the documents before the cancel")
        if len(self.parts) > 1:
            self.notes.append("split: " + ", ".join(f"{p} {n}" for p, n in self.parts.items()))


@dataclass(frozen=True, slots=True)
class Item:
    """One document on its way out: the annotations to write and its split part."""

    doc: Document
    part: str
    model: Document | None = None
    kept: list[tuple[int, int]] | None = None  # original ranges the prose is made of


def offset_problem(doc: Document) -> str | None:
    """Why a document's spans do not match its text, or None when they all do."""
    text = doc.text
    spans: list[tuple[str, int, int, str]] = [
        (f"entity {e.label}", e.start, e.end, e.text) for e in doc.entities
    ]
    for q in doc.quotes:
        spans.append(("quote", q.start, q.end, q.text))
        if q.speaker is not None:
            s = q.speaker
            spans.append(("speaker", s.start, s.end, s.text))
    for what, start, end, said in spans:
        if not 0 <= start < end <= len(text):
            return f"{what} {start}-{end} is outside the text (length {len(text)})"
        if text[start:end] != said:
            return f"{what} {start}-{end} says {said!r} but the text there is {text[start:end]!r}"
    return None


def note_normal_forms(report: ExportReport, doc: Document, fmt: str) -> None:
    """Count the normal forms a format has no field for."""
    n = sum(bool(e.normal and e.normal != e.text) for e in doc.entities)
    n += sum(
        bool(q.speaker and q.speaker.normal and q.speaker.normal != q.speaker.text)
        for q in doc.quotes
    )
    report.left_out[f"normal forms ({fmt} has no field for them)"] += n


def count_spans(report: ExportReport, item: Item) -> None:
    """Count a document's entities by label, its quotes and speakers, for the card."""
    doc = item.doc
    report.count(item.part, [e.label for e in doc.entities])
    quotes = {"QUOTE": len(doc.quotes), "SPEAKER": sum(q.speaker is not None for q in doc.quotes)}
    report.count(item.part, {k: n for k, n in quotes.items() if n})


def note_no_quotes(report: ExportReport, doc: Document, where: str) -> None:
    """Count the quotes and speakers a token-level format has no place for."""
    report.left_out[f"quotes ({where} has no place for them)"] += len(doc.quotes)
    report.left_out[f"speakers ({where} has no place for them)"] += sum(
        q.speaker is not None for q in doc.quotes
    )


class LineWriter:
    """Base of the one-file writers: creates ``path`` (never an existing name), closes it."""

    def __init__(self, path: Path, options: ExportOptions, report: ExportReport) -> None:
        self._fh = create_new(path)
        self._options = options
        self._report = report
        report.files.append(path)

    def close(self) -> None:
        """Flush and close the file."""
        self._fh.close()


def keep_labels(doc: Document, labels: frozenset[str] | None, report: ExportReport) -> Document:
    """The document with only the entities whose label is in ``labels``."""
    if labels is None:
        return doc
    kept = [e for e in doc.entities if e.label in labels]
    if len(kept) != len(doc.entities):
        report.left_out["entities of labels not in --labels"] += len(doc.entities) - len(kept)
        return doc.with_annotations(kept, doc.quotes)
    return doc


def select(
    store: Any,
    options: ExportOptions,
    report: ExportReport,
    progress: Progress | None = None,
    *,
    part: str | None = None,
    with_model: bool = False,
    prose: bool = False,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[Item]:
    """Stream the documents to export, one at a time, checked and filtered.

    ``part`` restricts the stream to one split part (formats that write a part at a
    time); ``with_model`` also loads the model snapshot (Label Studio's predictions);
    ``prose`` cuts the noise out (sentence and token formats) unless ``keep_noise``.
    A document whose spans do not match its text is refused with a note.
    """
    parts = parse_split(options.split)
    assigned = assign_parts(store.document_ids(), parts, options.seed) if parts else {}
    for doc in store.iter_documents(options.statuses):
        if cancelled():
            report.cancelled = True
            return
        where = assigned.get(doc.id) if parts else options.part
        # None: imported after the export started, so not in this snapshot
        if where is None or (part is not None and where != part):
            continue
        model = store.predictions(doc.id) if (with_model or options.include_model) else None
        if options.include_model:
            doc = model
        problem = offset_problem(doc) or (offset_problem(model) if model else None)
        if problem:
            report.refused.append(f"document {doc.id} not exported: {problem}")
            continue
        doc = keep_labels(doc, options.labels, report)
        if model is not None and model is not doc:
            model = keep_labels(model, options.labels, ExportReport())
        doc, kept = outgoing(doc, options.keep_paths, prose and not options.keep_noise, report)
        report.documents += 1
        report.parts[where] += 1
        yield Item(doc, where, model, kept)
        if progress:
            progress(report.documents, report)


def part_names(options: ExportOptions) -> list[str]:
    """The split part names, or the one ``options.part`` without a split."""
    return [name for name, _ in parse_split(options.split)] or [options.part]


def utf16_offsets(text: str) -> list[int] | None:
    """Code point index → UTF-16 code unit index, or None when they are the same.

    Browser tools (doccano) count positions in UTF-16 units; Python counts code points.
    They differ only after a character outside the Basic Multilingual Plane (emoji).
    """
    if all(ord(ch) < 0x10000 for ch in text):
        return None
    table, pos = [], 0
    for ch in text:
        table.append(pos)
        pos += 2 if ord(ch) >= 0x10000 else 1
    table.append(pos)
    return table
