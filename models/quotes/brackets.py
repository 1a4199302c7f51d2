"""Brackets after a name in an attribution clause: an affiliation, never the source.

News writes a person's party, club or post in brackets right after the name ("Андрис
Берзиньш (Союз «Зеленых и крестьян») сказал", "Ян Новак («Спарта») заявил"). The body in
the brackets is in the nominative, close to the verb and scores as a subject, but it only
says where the person belongs; the ranges found here are skipped when the clause's
mentions are listed, as quotes are.
"""

from __future__ import annotations

import re

_AFTER_WORD = re.compile(r"[\w»\"”]\s*\($")
MAX_ASIDE = 80  # characters: an affiliation is a short phrase
# A bracket right after a capitalized word: "Эдгар Ринкевич («Новое единство»)".
_AFTER_NAME = re.compile(r"(?<![\w\-])[A-ZА-ЯЁ][\w\-]*[ \t]*\($")


def affiliation(text: str, open_: int, close: int) -> bool:
    """Whether the quoted span from mark ``open_`` to mark ``close`` fills a bracket right
    after a name ("оценит слова Ивана Зорина («Наш край»)"): the party or club the
    person belongs to, a name even after words like "высказывания"."""
    if text[close + 1 : close + 2] != ")" or close - open_ > MAX_ASIDE:
        return False
    return _AFTER_NAME.search(text, max(0, open_ - 40), open_) is not None


def asides(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The ranges of ``text[start:end]`` that are brackets right after a word (the
    brackets included); a bracket that opens the clause is kept (it may be its subject)."""
    found: list[tuple[int, int]] = []
    pos = text.find("(", start, end)
    while pos >= 0:
        close = text.find(")", pos, min(end, pos + MAX_ASIDE))
        if close < 0:
            break
        if pos > start and _AFTER_WORD.search(text, max(start, pos - 3), pos + 1):
            found.append((pos, close + 1))
        pos = text.find("(", close, end)
    return found
