"""A headline quote said again in the body: the body names who said it.

News opens with a quote in the headline («Выживайте, как хотите». Жители поселка…) and
gives the same words later with their author, in a quote (``«…», — рассказала X``) or
in a dash line (``— Выживайте, как хотите! — написала X``). The headline's own clause
names at best the people the story is about; the body names the one who spoke.
"""

from __future__ import annotations

import re

from models.quotes.context import SpeakerContext
from models.quotes.cues import cue_in
from models.quotes.names import words
from models.quotes.speakers import speaker_in
from models.spans import Quote, Speaker

ECHO_WORDS = 3  # words: a shorter headline quote may recur by chance
# a dash line: "— П! — написала X." ("- " with its space: a hyphen opening a word is none)
_DASH_LINE = re.compile(r"^[ \t]*(?:[—–]|- ).*$", re.MULTILINE)
# "— П! — написала X. — П2": the author's words between dashes of a dash line
_DASH_AUTHOR = re.compile(r"[,.!?…]\s*[—–-]\s+(?P<words>[^—–\n]+?)(?=[.,]\s*[—–-]\s|[.!?…]?\s*$)")


def _words(text: str) -> list[str]:
    return [w.lower().replace("ё", "е") for w in words(text)]


def _contains(words: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(words[i : i + n] == part for i in range(len(words) - n + 1))


def opens_headline(text: str, q: Quote) -> bool:
    """Whether the quote opens the text's first line: nobody is named before it there
    ("Главный тренер – о судьях: «П»" names its speaker; "«П». Жители…" does not)."""
    return not text[: q.start].strip(' \t\n«"„“')


def echoed_speaker(text: str, q: Quote, later: list[Quote], ctx: SpeakerContext) -> Speaker | None:
    """The speaker the body gives the words of headline quote ``q``, or None."""
    part = _words(q.text)
    if len(part) < ECHO_WORDS:
        return None
    for other in later:
        if other.speaker is not None and _contains(_words(other.text), part):
            return other.speaker
    return _dash_line_speaker(text, q.end, part, ctx)


def _dash_line_speaker(
    text: str, after: int, part: list[str], ctx: SpeakerContext
) -> Speaker | None:
    """The author of a dash line after ``after`` that says the words ``part``."""
    for line in _DASH_LINE.finditer(text, after):
        if not _contains(_words(line.group()), part):
            continue
        for m in _DASH_AUTHOR.finditer(line.group()):
            a, b = line.start() + m.start("words"), line.start() + m.end("words")
            if cue_in(ctx, a, b):
                return speaker_in(ctx, a, b)
        return None
    return None
