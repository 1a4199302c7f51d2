"""Which reader a file needs, and reading files and folders into Records in order.

With ``--format auto`` each JSON record is recognized by its shape (a Label Studio task
has a ``data`` object; a doccano record ``start_offset`` entities or ``label`` triples;
anything else is native), and a ``.txt`` with an ``.ann`` beside it is a brat document.
A forced format reads every JSON record that way. Plain ``.txt`` files stay plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from models.io.importers import brat, doccano, labelstudio, native
from models.io.importers.common import Record, json_records
from models.io.ingest import IngestError, decode, folder_files, load_file
from models.io.jsonshape import RecordError
from models.io.printable import storable

FORMATS = ("auto", "jsonl", "labelstudio", "doccano", "brat")
SUFFIXES = (".txt", ".json", ".jsonl", ".ann")
Reader = Callable[[Any, frozenset[str]], Record]
READERS: dict[str, Reader] = {
    "jsonl": native.read_record,
    "labelstudio": labelstudio.read_task,
    "doccano": doccano.read_record,
}


def reader_for(obj: Any, fmt: str) -> Reader:
    """The reader for one JSON record under format ``fmt``."""
    if fmt in READERS:
        return READERS[fmt]
    if labelstudio.is_task(obj):
        return READERS["labelstudio"]
    if doccano.is_doccano(obj):
        return READERS["doccano"]
    return READERS["jsonl"]


def read_json(path: Path, fmt: str, labels: frozenset[str]) -> Iterator[Record | IngestError]:
    """The records of a .json/.jsonl file, each checked; bad ones as errors with lines."""
    try:
        text = decode(path.read_bytes())
    except (OSError, ValueError) as exc:
        yield IngestError(str(path), getattr(exc, "strerror", None) or str(exc))
        return
    found = False
    for line, obj in json_records(text, path.suffix.lower() == ".jsonl"):
        if isinstance(obj, RecordError):
            yield IngestError(str(path), str(obj), line)
            continue
        try:
            record = reader_for(obj, fmt)(obj, labels)
        except RecordError as exc:
            yield IngestError(str(path), str(exc), line)
            continue
        except (TypeError, AttributeError, KeyError, IndexError, ValueError) as exc:
            # A shape no check foresaw: still one line, and the batch goes on.
            why = f"cannot read this record ({type(exc).__name__}: {exc})"
            yield IngestError(str(path), why, line)
            continue
        found = True
        if "file" not in record.doc.meta:
            meta = {**record.doc.meta, "file": storable(str(path))}
            record = Record(replace(record.doc, meta=meta), record.model)
        yield record
    if not found and text.strip() in ("[]", "{}"):
        yield IngestError(str(path), "no records in the file")


Pairs = dict[tuple[Path, str, str], Path]
"""(folder, stem, lower-case suffix) → the file: how a folder's .txt finds its .ann."""


def pairs(files: Iterable[Path]) -> Pairs:
    """The pair index of ``files``."""
    return {(p.parent, p.stem, p.suffix.lower()): p for p in files}


def partner(path: Path, suffix: str, index: Pairs | None = None) -> Path | None:
    """The file beside ``path`` with the same stem and ``suffix`` in any case
    (``x.TXT`` and ``x.ann`` are a pair), from ``index`` or else from the disk."""
    if index is not None:
        return index.get((path.parent, path.stem, suffix))
    for cased in (suffix, suffix.upper()):
        if path.with_suffix(cased).is_file():
            return path.with_suffix(cased)
    return None


def read_file(
    path: Path, fmt: str, labels: frozenset[str], index: Pairs | None = None
) -> Iterator[Record | IngestError]:
    """One file: JSON records, a brat pair, or plain text."""
    suffix = path.suffix.lower()
    if suffix in (".json", ".jsonl"):
        yield from read_json(path, fmt, labels)
        return
    if suffix == ".ann":
        txt = partner(path, ".txt", index)
        if txt is None:
            yield IngestError(str(path), f"no {path.stem}.txt beside it")
            return
        path, suffix = txt, ".txt"
    ann = partner(path, ".ann", index) if suffix == ".txt" else None
    if ann is not None:
        result = brat.read_pair(path, ann, labels)
        if isinstance(result, Record):
            yield result
        else:
            yield from result
        return
    for item in load_file(path, labels):
        yield item if isinstance(item, IngestError) else Record(item)


def _read_folder(folder: Path, fmt: str, labels: frozenset[str]) -> Iterator[Record | IngestError]:
    files, errors = folder_files(folder, SUFFIXES)
    yield from errors
    if not files and not errors:
        yield IngestError(str(folder), "folder has no .txt, .json, .jsonl or .ann files")
    index = pairs(files)
    for f in files:
        # an .ann is read with its .txt; a lone one is reported once
        if f.suffix.lower() == ".ann" and partner(f, ".txt", index) is not None:
            continue
        yield from read_file(f, fmt, labels, index)


def read_paths(
    paths: Iterable[str | Path], fmt: str, labels: frozenset[str]
) -> Iterator[Record | IngestError]:
    """Files and folders (recursively) to Records and errors, in order."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown import format {fmt!r} (known: {', '.join(FORMATS)})")
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _read_folder(path, fmt, labels)
        elif path.is_file():
            yield from read_file(path, fmt, labels)
        elif path.exists():
            yield IngestError(str(path), "not a regular file")
        else:
            yield IngestError(str(path), "no such file or folder")
