"""Reading input files into Documents: decoding, newlines, the news format, JSON.

Every problem with an input becomes an ``IngestError`` naming the file (and line) and
the reason, yielded in place of a document, so a batch reports it and goes on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from models.jsonshape import RecordError, content_id, document_from_json
from models.spans import Document, Noise

TEXT_SUFFIXES = (".txt", ".jsonl", ".json")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_HEADER = re.compile(
    r"^[ \t]*(?:date[ \t]+)?(?P<date>\d{4}-\d{2}-\d{2})[ \t]+(?P<title>.*?)"
    r"(?P<credit>[ \t]+Фото:.*?)?[ \t]*$"
)
_SOURCE = re.compile(r"©\s*(?P<source>[^\s©][^©]*?)\s*$")
_CAPTION = re.compile(r"(?:^|\s)(?:Фото|Видео|Фото и видео|Иллюстрация)\s*:\s*[^\n]{0,160}$")
_AD = re.compile(
    r"^(?:Продолжение после рекламы|Реклама|Читайте также:?.*|Подписывайтесь .*|"
    r"Читайте нас в .*)$",
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


@dataclass(frozen=True, slots=True)
class IngestError:
    """An input that could not be read, in one line: ``file[:line]: reason``."""

    file: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.reason}"


def normalize_newlines(text: str) -> str:
    """CRLF and CR become LF; a BOM is dropped. Nothing else changes."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes) -> str:
    """Bytes to text: BOMs first, then UTF-8, then charset-normalizer's best guess.

    Raises ValueError with a user-facing reason for empty, binary or undecodable data.
    """
    if not data.strip():
        raise ValueError("empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return normalize_newlines(data.decode(codec))
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return normalize_newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1251", "koi8_r", "utf_16", "cp866", "latin_1"])
    match = best.best()
    if match is None:
        raise ValueError("cannot detect the text encoding")
    text = str(match)
    if _looks_binary(text):
        raise ValueError("binary file, not text")
    return normalize_newlines(text)


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return controls > max(2, len(text) // 100)


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
    return Document(doc.id, doc.text, merged, doc.status, doc.entities, doc.quotes,
                    tuple(noise))


def _json_records(path: Path, text: str) -> Iterator[tuple[int | None, object]]:
    if path.suffix == ".jsonl":
        for n, line in enumerate(text.split("\n"), 1):
            if line.strip():
                try:
                    yield n, json.loads(line)
                except json.JSONDecodeError as exc:
                    yield n, RecordError(f"broken JSON ({exc.msg})")
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield exc.lineno, RecordError(f"broken JSON ({exc.msg})")
        return
    for rec in data if isinstance(data, list) else [data]:
        yield None, rec


def load_file(path: Path, labels: frozenset[str] | None = None
              ) -> Iterator[Document | IngestError]:
    """The documents in one file (a .txt is one; a .jsonl one per line)."""
    name = str(path)
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
    found = False
    for line, rec in _json_records(path, text):
        if isinstance(rec, RecordError):
            yield IngestError(name, str(rec), line)
            continue
        try:
            doc = document_from_json(rec, labels)
        except RecordError as exc:
            yield IngestError(name, str(exc), line)
            continue
        found = True
        yield _with_news_noise(doc, name)
    if not found and text.strip() in ("[]", "{}"):
        yield IngestError(name, "no records in the file")


def load_paths(paths: Iterable[str | Path], labels: frozenset[str] | None = None
               ) -> Iterator[Document | IngestError]:
    """Files and folders (recursively, text files only) to documents, in order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
            if not files:
                yield IngestError(str(path), "folder has no .txt, .json or .jsonl files")
            for f in files:
                yield from load_file(f, labels)
        elif path.is_file():
            yield from load_file(path, labels)
        elif path.exists():
            yield IngestError(str(path), "not a regular file")
        else:
            yield IngestError(str(path), "no such file or folder")
