"""brat standoff: a ``.txt`` and an ``.ann`` per document, plus brat's configuration.

Entities are T lines with their label; a quote is a T line of type ``Quote`` and its
speaker an ``R`` line ``Speaker Arg1:<quote> Arg2:<speaker>``, where the speaker is the
entity at the same offsets when there is one, else a T line of type ``Speaker``. Normal
forms go into ``AnnotatorNotes``. A span across a line break (a quote running over
paragraphs) is written as brat writes it: fragments ``start end;start end`` split at
the line breaks, because a T line cannot contain one. Files are named after the source
(``meta.source_id``: a text file's stem, a record's own id), made safe for any file
system; the content hash names a document without one, and follows a name already taken.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from models.io.exporters.common import ExportOptions, ExportReport, Item
from models.io.safe_files import create_new
from models.labels import load_labels

SUFFIX = None  # a folder
_LINE = re.compile(r"[^\n]+")
_UNSAFE = re.compile(r"[^\w.-]+")  # \w keeps Cyrillic; path separators and the rest go
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"{d}{n}" for d in ("COM", "LPT") for n in range(1, 10))}


def safe_name(raw: str) -> str:
    """``raw`` as a file name on any system, or "" when nothing usable is left."""
    name = _UNSAFE.sub("_", unicodedata.normalize("NFC", raw)).strip("._-")[:80]
    return "" if name.split(".")[0].upper() in _RESERVED else name


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of ``text[start:end]`` between line breaks (blank-only pieces dropped)."""
    out = []
    for m in _LINE.finditer(text, start, end):
        piece = m.group()
        s = m.start() + len(piece) - len(piece.lstrip())
        e = m.end() - (len(piece) - len(piece.rstrip()))
        if e > s:
            out.append((s, e))
    return out


def t_line(text: str, n: int, kind: str, start: int, end: int) -> str:
    """One brat T line for ``text[start:end]``."""
    frags = fragments(text, start, end) if "\n" in text[start:end] else [(start, end)]
    where = ";".join(f"{s} {e}" for s, e in frags)
    return f"T{n}\t{kind} {where}\t{' '.join(text[s:e] for s, e in frags)}"


def ann(item: Item) -> str:
    """The .ann text for one document."""
    doc = item.doc
    lines: list[str] = []
    notes: list[tuple[int, str]] = []
    relations: list[tuple[int, int]] = []
    by_offsets: dict[tuple[int, int], int] = {}

    def add(kind: str, start: int, end: int, normal: str, said: str) -> int:
        lines.append(t_line(doc.text, len(lines) + 1, kind, start, end))
        if normal and normal != said:
            notes.append((len(lines), normal))
        return len(lines)

    for e in doc.entities:
        by_offsets.setdefault((e.start, e.end), add(e.label, e.start, e.end, e.normal, e.text))
    for q in doc.quotes:
        quote = add("Quote", q.start, q.end, "", q.text)
        s = q.speaker
        if s is not None:
            who = by_offsets.get((s.start, s.end))
            if who is None:
                who = add("Speaker", s.start, s.end, s.normal, s.text)
            relations.append((quote, who))
    lines += [f"R{n}\tSpeaker Arg1:T{q} Arg2:T{w}" for n, (q, w) in enumerate(relations, 1)]
    lines += [
        f"#{n}\tAnnotatorNotes T{t}\t{' '.join(note.split())}"
        for n, (t, note) in enumerate(notes, 1)
    ]
    return "".join(line + "\n" for line in lines)


def annotation_conf(labels: list[str]) -> str:
    """brat's annotation.conf: entity types, the Speaker relation, overlap allowed."""
    ents = "\n".join([*labels, "Quote", "Speaker"])
    return (
        f"[entities]\n{ents}\n\n[relations]\n"
        f"Speaker\tArg1:Quote, Arg2:{'|'.join([*labels, 'Speaker'])}\n"
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n"
        "[events]\n\n[attributes]\n"
    )


def visual_conf() -> str:
    """brat's visual.conf: the label colours the window uses."""
    ls = load_labels()
    colours = [(lb.name, lb.color) for lb in ls.entities]
    colours += [("Quote", ls.quote.color), ("Speaker", ls.speaker.color)]
    return (
        "[labels]\n\n[drawing]\n"
        + "".join(f"{name}\tbgColor:{colour}\n" for name, colour in colours)
        + "Speaker\tcolor:black, dashArray:3-3, arrowHead:triangle-5\n"
    )


class Writer:
    """Writes ``<name>.txt`` and ``<name>.ann`` per document into the folder ``path``."""

    def __init__(self, path: Path, options: ExportOptions, report: ExportReport) -> None:
        self._dir = path
        self._report = report
        self._used: set[str] = set()
        path.mkdir(parents=True, exist_ok=True)
        labels = [lb.name for lb in load_labels().entities]
        if options.labels is not None:
            labels = [name for name in labels if name in options.labels]
        for name, text in (
            ("annotation.conf", annotation_conf(labels)),
            ("visual.conf", visual_conf()),
        ):
            with create_new(path / name) as fh:
                fh.write(text)
            report.files.append(path / name)

    def _name(self, item: Item) -> str:
        doc = item.doc
        name = safe_name(str(doc.meta.get("source_id") or "")) or doc.id
        if name.casefold() in self._used:  # case-blind, as on Windows and macOS
            name = f"{name}-{doc.id}"
        self._used.add(name.casefold())
        return name

    def write(self, item: Item) -> None:
        """Write one document's text and standoff annotations."""
        name = self._name(item)
        # create_new writes the text byte for byte (no newline translation), so .ann
        # offsets match on Windows too.
        with create_new(self._dir / f"{name}.txt") as fh:
            fh.write(item.doc.text)
        with create_new(self._dir / f"{name}.ann") as fh:
            fh.write(ann(item))

    def close(self) -> None:
        """Nothing is buffered."""
