"""Text from outside (file names, record values) made safe to print and to store.

A file name may hold a newline, an escape sequence (``\\x1b[31m`` recolours the user's
terminal) or bytes that are not UTF-8 (Python carries them as lone surrogates, which
neither the terminal nor SQLite accepts). A report line must stay one line and show the
name as it is, so such characters are written as Python-style escapes (``\\n``,
``\\x1b``, ``\\xff`` for an undecodable byte); the database gets the same escaped name.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # a file name byte that is not UTF-8
    if ch in _NAMED:
        return _NAMED[ch]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with control characters, line separators and surrogates escaped."""
    return _UNSAFE.sub(_escape, text)


def storable(text: str) -> str:
    """``text`` as valid Unicode: only its surrogates (undecodable bytes) escaped."""
    return _SURROGATE.sub(_escape, text)
