"""Bytes to text for Russian news files: BOMs, UTF-8, then the Cyrillic code pages.

Generic detectors (charset-normalizer) confuse cp1251 and koi8-r on short texts: the two
code pages hold the same letters in a different order and with the case swapped, so
both decodings "look" Cyrillic. Here each candidate decoding is scored by how Russian it
reads — letter pairs of news words (resources/ru_bigrams.json, built by
tools/make_ru_bigrams.py) and the case pattern inside words — and the best one wins.
Only data that is not Russian at all falls back to charset-normalizer. Every failure is
a ``ValueError`` whose message is the user-facing reason ("binary file …", "empty file").
"""

from __future__ import annotations

import itertools
import json
import re
from functools import lru_cache

from models.bundled import bundled

# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)
CYRILLIC_CODEPAGES = ("cp1251", "koi8_r")
_SCORED_BYTES = 32_768

_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
# A character outside Russian letters and news punctuation costs more than any letter pair.
_ODD_CHAR = -12.0
_CASE_BREAK = -6.0  # "пОЙ": an upper-case letter after a lower-case one in a word
_CAPS_RUN = -1.0  # capitals inside a word are rarer than small letters ("УДЕМЛЕ")
_NEWS_PUNCT = frozenset("«»„“”‘’—–…№©®™•°±§\u00a0\u2009\u202f")
_WORD = re.compile(r"[^\W\d_]+")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")  # not \t \n \v \f \r


def normalize_newlines(text: str) -> str:
    """CRLF and CR become LF; a BOM is dropped. Nothing else changes."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes) -> str:
    """Bytes to normalized text: BOMs, UTF-8, UTF-16 without BOM, Cyrillic code pages.

    Raises ValueError with a user-facing reason for empty, binary or undecodable data.
    """
    if not data.strip():
        raise ValueError("empty file")
    text = _decode_raw(data)
    if not text.strip("\ufeff \t\n\r\f\v"):
        raise ValueError("empty file")
    return normalize_newlines(text)


def _decode_raw(data: bytes) -> str:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ValueError(
                    f"not valid {name} despite its byte-order mark "
                    f"(bad bytes at offset {exc.start})"
                ) from None
            if "\x00" in text:
                raise ValueError("binary file (contains NUL characters), not text")
            return text
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise ValueError("binary file (contains NUL bytes), not text")
        return utf16
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data):
            raise ValueError(f"not valid UTF-8 (bad byte at offset {exc.start})") from None
    else:
        # Control characters are data, but a text made of them is more likely Russian
        # UTF-16 without a byte-order mark ("П" is 1F 04).
        return (_utf16_without_bom(data) if looks_binary(text) else None) or text
    text = guess_single_byte(data)
    if looks_binary(text):
        raise ValueError("binary file, not text")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """Russian UTF-16 without a BOM: every other byte 0x00 or 0x04, Russian letters only."""
    if len(data) < 4 or len(data) % 2:
        return None
    for codec, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if sum(b in (0, 4) for b in high) < 0.95 * len(high):
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            return None
        cyrillic = [ch for ch in text if "\u0400" <= ch <= "\u04ff"]
        if (
            "\x00" not in text
            and not looks_binary(text)
            and cyrillic
            and all(ch.lower() in _LETTERS for ch in cyrillic)
        ):
            return text
    return None


def _mostly_utf8(data: bytes) -> bool:
    """Whether data is UTF-8 with a few damaged bytes rather than another encoding."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return good >= 4 * bad


def looks_binary(text: str) -> bool:
    """Too many control characters for text (a few are data and are kept)."""
    return len(_CONTROL.findall(text)) > max(2, len(text) // 100)


@lru_cache(maxsize=1)
def _bigrams() -> dict[str, float]:
    """log P(letter | previous letter) in news words; ``^``/``$`` mark word edges."""
    table: dict[str, float] = json.loads(bundled("ru_bigrams.json").read_text(encoding="utf-8"))
    return table


def russian_score(text: str) -> float:
    """How Russian a decoding reads; higher is better (a log-likelihood-like sum)."""
    pairs = _bigrams()
    score = 0.0
    for ch in text:
        if ord(ch) > 127 and ch.lower() not in _LETTERS and ch not in _NEWS_PUNCT:
            score += _ODD_CHAR
    for word in _WORD.findall(text):
        for prev, cur in itertools.pairwise(word):
            if cur.isupper():
                score += _CASE_BREAK if prev.islower() else _CAPS_RUN
        marked = f"^{word.lower()}$"
        for pair in itertools.pairwise(marked):
            score += pairs.get("".join(pair), 0.0)
    return score


def is_russian(text: str) -> bool:
    """Whether a decoding has Cyrillic words rather than Latin words with odd letters.

    A Western text read as cp1251 ("GrцЯe") mixes Latin and Cyrillic in one word.
    """
    cyrillic = [w for w in _WORD.findall(text) if any(ch.lower() in _LETTERS for ch in w)]
    mixed = sum(1 for w in cyrillic if any("a" <= ch.lower() <= "z" for ch in w))
    return bool(cyrillic) and mixed * 2 < len(cyrillic)


def guess_single_byte(data: bytes) -> str:
    """The best decoding of non-UTF-8 data: a Cyrillic code page, else any."""
    # A page of text tells the code page as surely as the whole file, in a fraction of
    # the time (a 1 MB file took a second to score whole).
    head = data[:_SCORED_BYTES]
    codepage = max(
        CYRILLIC_CODEPAGES, key=lambda cp: russian_score(head.decode(cp, errors="replace"))
    )
    if is_russian(head.decode(codepage, errors="replace")):
        return data.decode(codepage, errors="replace")
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None:
        raise ValueError("cannot detect the text encoding")
    return str(match)
