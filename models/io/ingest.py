"""Reading input files into Documents: decoding, newlines, the news format, JSON.

Every problem with an input becomes an ``IngestError`` naming the file (and line) and
the reason, yielded in place of a document, so a batch reports it and goes on.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from models.io.decoding import decode
from models.io.decoding import normalize_newlines as normalize_newlines  # re-exported
from models.io.jsonshape import (
    JSON_ERRORS,
    RecordError,
    check_unicode,
    content_id,
    document_from_json,
    json_problem,
)
from models.io.printable import printable, storable
from models.io.safe_files import MANIFEST, STAGE_PREFIX
from models.spans import Document, Noise

TEXT_SUFFIXES = (".txt", ".jsonl", ".json")
_HEADER = re.compile(
    r"^[ \t]*(?:date[ \t]+)?(?P<date>\d{4}-\d{2}-\d{2})[ \t]+(?P<title>.*?)"
    r"(?P<credit>[ \t]+Фото:.*?)?[ \t]*$"
)
_SOURCE = re.compile(r"©\s*(?P<source>[^\s©][^©]*?)\s*$")
# A photo's caption or credit: "Фото: …", also "Источник фото: …", "Автор фото: …".
_CAPTION = re.compile(
    r"(?:^|\s)(?:(?:Источник|Автор)\s+(?:фото|изображения)|Фото|Видео|Фото и видео|Иллюстрация)"
    r"\s*:\s*[^\n]{0,160}$"
)
_AD = re.compile(
    r"^(?:Продолжение после рекламы|Реклама|Читайте также:?.*|Подписывайтесь .*|"
    r"Читайте нас в .*)$",
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


@dataclass(frozen=True, slots=True)
class IngestError:
    """An input that could not be read, in one line: ``file[:line]: reason``.

    The line is escaped (``printable``): a file name with a newline or an escape
    sequence neither breaks it nor reaches the terminal raw.
    """

    file: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return printable(f"{where}: {self.reason}")


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of paragraphs (runs of lines between blank lines)."""
    for m in _PARAGRAPH.finditer(text):
        yield m.start(), m.end()


def parse_news(text: str) -> tuple[dict[str, str], list[Noise]]:
    """Meta (date, title, source) and noise ranges of a text in the news format.

    A plain text without the header yields empty meta; captions, ad markers and
    repeated paragraphs are recognized in any text.
    """
    meta: dict[str, str] = {}
    noise: list[Noise] = []
    seen: set[str] = set()
    for n, (start, end) in enumerate(paragraphs(text)):
        para = text[start:end]
        header = _HEADER.match(para) if n == 0 and "\n" not in para else None
        if header:
            meta["date"] = header["date"]
            meta["title"] = header["title"].strip()
            if header["credit"]:
                src = _SOURCE.search(header["credit"])
                if src:
                    meta["source"] = src["source"]
                noise.append(Noise(start + header.start("credit") + 1, end, "caption"))
            continue
        key = " ".join(para.split())
        if _AD.match(key):
            noise.append(Noise(start, end, "ad"))
        elif key in seen and len(key) > 40:
            noise.append(Noise(start, end, "repeat"))
        elif len(key) < 400 and _CAPTION.search(key):
            noise.append(Noise(start, end, "caption"))
        seen.add(key)
    return meta, noise


def document_from_text(text: str, file: str = "") -> Document:
    """A Document from plain or news-format text (already decoded)."""
    meta, noise = parse_news(text)
    if file:
        meta["file"] = file
    if "title" not in meta:
        first = next((text[s:e] for s, e in paragraphs(text)), "")
        meta["title"] = " ".join(first.split())[:120]
    return Document(content_id(text), text, meta, noise=tuple(noise))


def _with_news_noise(doc: Document, file: str) -> Document:
    meta, noise = parse_news(doc.text)
    merged = {**meta, **doc.meta}
    merged.setdefault("file", file)
    return Document(doc.id, doc.text, merged, doc.status, doc.entities, doc.quotes, tuple(noise))


class _BrokenJSON(RecordError):
    def __init__(self, reason: str, line: int | None) -> None:
        super().__init__(reason)
        self.line = line


def _parse(text: str) -> object:
    """A JSON value, or the reason (with its line) it is not one."""
    try:
        value = json.loads(text)
    except JSON_ERRORS as exc:
        return _BrokenJSON(json_problem(exc), getattr(exc, "lineno", None))
    try:
        check_unicode(value)
    except RecordError as exc:
        return _BrokenJSON(str(exc), None)
    return value


def _json_records(path: Path, text: str) -> Iterator[tuple[int | None, str, object]]:
    """``(line, where, record)``: a JSON Lines line number, or a record's index in a list."""
    if path.suffix.lower() == ".jsonl":
        for n, line in enumerate(text.split("\n"), 1):
            if line.strip():
                yield n, "", _parse(line)
        return
    data = _parse(text)
    if isinstance(data, _BrokenJSON):
        yield data.line, "", data
    elif isinstance(data, list):
        for n, rec in enumerate(data, 1):
            yield None, f"record {n}: ", rec
    else:
        yield None, "", data


def load_file(path: Path, labels: frozenset[str] | None = None) -> Iterator[Document | IngestError]:
    """The documents in one file (a .txt is one; a .jsonl one per line)."""
    name = storable(str(path))
    try:
        text = decode(path.read_bytes())
    except OSError as exc:
        yield IngestError(name, exc.strerror or str(exc))
        return
    except ValueError as exc:
        yield IngestError(name, str(exc))
        return
    if path.suffix.lower() not in (".json", ".jsonl"):
        yield document_from_text(text, name)
        return
    found = failed = False
    for line, where, rec in _json_records(path, text):
        try:
            if isinstance(rec, RecordError):
                raise rec
            doc = document_from_json(rec, labels)
        except RecordError as exc:
            failed = True
            yield IngestError(name, f"{where}{exc}", line)
            continue
        found = True
        yield _with_news_noise(doc, name)
    if not found and not failed:
        yield IngestError(name, "no records in the file")


def folder_files(folder: Path, suffixes: tuple[str, ...]) -> tuple[list[Path], list[IngestError]]:
    """The files under ``folder`` whose suffix (in any case) is in ``suffixes``, sorted.

    Links to folders are not followed (a loop would never end); a subfolder that cannot
    be read is an error, not silently skipped. An export's manifest and the temporary
    folders of an export in progress are not inputs.
    """
    files: list[Path] = []
    errors: list[IngestError] = []

    def failed(exc: OSError) -> None:
        where = storable(str(exc.filename or folder))
        errors.append(IngestError(where, f"cannot read the folder ({exc.strerror or exc})"))

    for root, dirs, names in os.walk(folder, onerror=failed):
        dirs[:] = [d for d in dirs if not d.startswith(STAGE_PREFIX)]
        for name in names:
            path = Path(root, name)
            if path.suffix.lower() in suffixes and name != MANIFEST and path.is_file():
                files.append(path)
    return sorted(files), errors


def load_paths(
    paths: Iterable[str | Path], labels: frozenset[str] | None = None
) -> Iterator[Document | IngestError]:
    """Files and folders (recursively, text files only) to documents, in order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files, errors = folder_files(path, TEXT_SUFFIXES)
            yield from errors
            if not files and not errors:
                yield IngestError(str(path), "folder has no .txt, .json or .jsonl files")
            for f in files:
                yield from load_file(f, labels)
        elif path.is_file():
            yield from load_file(path, labels)
        elif path.exists():
            yield IngestError(str(path), "not a regular file")
        else:
            yield IngestError(str(path), "no such file or folder")
