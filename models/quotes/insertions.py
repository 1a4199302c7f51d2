"""Author's words inside a quote: «П, — сказал X. — П» is two quotes by X.

A dash pair inside a quote is either the author's words (``— сказала она. —``) or the
quote's own punctuation (``всей семьей — с сыном и его женой, — приехать``); only the
first splits it, so the words between the dashes must read as an attribution clause.
"""

from __future__ import annotations

import re

from models.quotes.lexicon import ABBREVIATIONS
from models.quotes.marks import DASH, MarkSpan
from models.quotes.morph import is_finite_verb, is_speech_cue

_WORD = re.compile(r"\w+")
# Full stops inside the author's words that end no sentence: initials ("В. В. Путин",
# "В.В.Путин") and abbreviations before a name ("глава администрации г. Ижевска", "и.о.").
_INNER_STOP = re.compile(r"(?<!\w)(?:[А-ЯЁA-Z]|(?P<abbr>[а-яё\-]{1,8}))\.(?=\s*[\w«\"])")
# Author's words inside a quote: «П, — сказал X. — П» and «П, — сказал X, — п»; the
# second part may open the next line ("— рассказывает X.⏎– П»").
_INSERTION = re.compile(
    rf"(?P<pre>[,!?…])[ \t]*{DASH}[ \t]+(?P<author>[^\n]{{2,160}}?)"
    rf"(?P<post>[.,:])[ \t]*\n?[ \t]*{DASH}[ \t]+(?=\S)"
)


def split_insertions(text: str, span: MarkSpan) -> list[tuple[int, int, int, int]]:
    """Author's words inside a quote: ``(seg_end, author_start, author_end, next_start)``.

    ``«Мы готовы, — сказал он. — Но не сейчас»`` has one insertion: the first part ends
    at the comma, the author's words run from «сказал» to «он», the second part starts
    at «Но». Insertions must begin with a lower-case word, at the quote's own level.
    """
    found = []
    pos = span.start
    while (m := _INSERTION.search(text, pos, span.end)) is not None:
        if not _is_insertion(text, span, m):
            pos = m.start() + 1  # "семьей — с сыном, — приехать": try the next dash
            continue
        found.append(
            (m.start("pre") + (m.group("pre") != ","), m.start("author"), m.end("author"), m.end())
        )
        pos = m.end()
    return found


_BEFORE_VERB = frozenset(["не", "и", "тут", "же", "вдруг", "снова", "вновь", "еще", "ещё", "уже"])


def _is_insertion(text: str, span: MarkSpan, m: re.Match[str]) -> bool:
    """Author's words: lower case, at the quote's own level, one clause with a speech verb
    or opening with a finite verb ("— сказала она. —", "— посмеялся он. —"); a dash pair
    around a phrase ("— с сыном и его женой, — прийти") is the quote's own punctuation."""
    author = m.group("author")
    if not author[:1].islower() or _depth(text, span.start, m.start()) != 0:
        return False
    if any(ch in _without_inner_stops(author) for ch in ".!?") or _depth(
        text, m.start("author"), m.end("author")
    ):
        return False
    found = _WORD.findall(author)
    # "— не скрывал радости он. —", "— снова улыбнулся он. —": a particle before the verb
    verb = next((w for w in found if w.lower() not in _BEFORE_VERB), "")
    return any(is_speech_cue(w) for w in found) or is_finite_verb(verb)


def _without_inner_stops(author: str) -> str:
    """The author's words with the full stops of initials and abbreviations removed."""
    return _INNER_STOP.sub(
        lambda m: (
            m.group()[:-1]
            if m.group("abbr") is None or m.group("abbr") in ABBREVIATIONS
            else m.group()
        ),
        author,
    )


def _depth(text: str, start: int, end: int) -> int:
    """Net nesting of quotation marks in ``text[start:end]`` (0 when balanced)."""
    depth = 0
    for ch in text[start:end]:
        if ch in "«„":
            depth += 1
        elif ch in "»“":
            depth -= 1
    return depth
