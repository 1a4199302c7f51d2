"""Finding the other occurrences of a labelled phrase, for "apply to all".

Two ways to match: the same words as written (token for token, case and all), or the same
normal form in any case ending, where two words match when pymorphy offers a common
normal form for them (Путин, Путина, Путину; Жапаров, Жапаровым). Matches always start and
end on token boundaries, so "Путин" never matches inside "Путинский".

A 1 MB article takes a second to tokenize whole, so candidates are found with a plain
substring search first (the word as written, or the stem it shares with its normal forms)
and only the text around each candidate is tokenized.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache

from models.nlp.morph import fold, normal_forms
from models.nlp.tokens import Token, is_word, tokens_between

Forms = Callable[[str], frozenset[str]]
# Below this many characters a shared stem finds too many candidates to be worth it.
_MIN_STEM = 3
# A search query: words (letters, digits, joined by - or '), each once, and not too many.
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
MAX_TERMS = 12
MAX_WORD = 64
MAX_QUERY = 2000  # characters of the box read at all


@lru_cache(maxsize=200_000)
def pymorphy_forms(word: str) -> frozenset[str]:
    """Every normal form pymorphy offers for a word (folded), and the word itself."""
    if not is_word(word):
        return frozenset({word})
    return normal_forms(word) | {fold(word)}


def search_words(query: str) -> list[str]:
    """The words of a search box's text, as many as a search may take.

    Only words count (letters and digits, joined by a hyphen or an apostrophe): NUL,
    control characters, lone surrogates and punctuation are dropped, so "Путин — Бишкек"
    searches two words and a pasted binary string nothing. Each word counts once (in any
    case), at most ``MAX_TERMS`` words of at most ``MAX_WORD`` characters: every word is
    one more pass over the index, and 400 repeated words took seconds.
    """
    if len(query) > MAX_QUERY:  # cut, and drop the word the cut went through
        query = query[:MAX_QUERY].rsplit(None, 1)[0]
    words: dict[str, str] = {}
    for word in _WORD.findall(unicodedata.normalize("NFC", query)):
        words.setdefault(fold(word), word[:MAX_WORD])
        if len(words) == MAX_TERMS:
            break
    return list(words.values())


def search_terms(query: str, forms: Forms = pymorphy_forms) -> list[list[str]]:
    """A search query as groups of alternatives: each word with its normal forms.

    The store's full-text index holds each document's lemmas, so "Путина" (lemma путин)
    finds a text that only says "Путин". The words are those of :func:`search_words`.
    """
    return [sorted({fold(w), *forms(w)}) for w in search_words(query)]


def phrase_tokens(phrase: str) -> list[Token]:
    """The tokens of a phrase on its own."""
    return tokens_between(phrase, 0, len(phrase))


def find_occurrences(text: str, phrase: str, forms: Forms | None = None) -> list[tuple[int, int]]:
    """Every ``(start, end)`` in ``text`` where ``phrase`` occurs on token boundaries.

    With ``forms`` (a word's possible normal forms) words match in any case ending;
    without it they must be written the same.
    """
    pattern = phrase_tokens(phrase)
    if not pattern:
        return []
    found = []
    for hit in _candidates(text, phrase, pattern, forms):
        end = _match_at(text, hit, pattern, forms)
        if end is not None:
            found.append((hit, end))
    return found


def _candidates(text: str, phrase: str, pattern: list[Token], forms: Forms | None) -> Iterator[int]:
    """Offsets where a match may start (a superset of the real starts)."""
    if forms is None:
        needle, haystack = phrase, text
    else:
        first = pattern[0].text
        needle = _stem(fold(first), forms(first))
        haystack = fold(text)
        if len(needle) < _MIN_STEM:
            yield from (t.start for t in tokens_between(text, 0, len(text)))
            return
    pos = haystack.find(needle)
    while pos != -1:
        yield pos
        pos = haystack.find(needle, pos + 1)


def _stem(word: str, normals: frozenset[str]) -> str:
    """A prefix every inflected form of the word is likely to share.

    The prefix the word shares with its normal forms, less two letters, since endings
    replace up to the last two letters of a normal form (Россия, Россией). Forms with
    a changing stem (Орёл, Орла) leave a short prefix, and short prefixes are not used.
    """
    stem = word
    for normal in normals:
        while not normal.startswith(stem):
            stem = stem[:-1]
    return stem[: max(_MIN_STEM, len(stem) - 2)] if len(stem) >= _MIN_STEM else stem


def _match_at(text: str, start: int, pattern: list[Token], forms: Forms | None) -> int | None:
    """The end of a match of ``pattern`` starting at ``start``, or None."""
    span = pattern[-1].end - pattern[0].start
    toks = tokens_between(text, start, start + 2 * span + 16)
    first = next((i for i, t in enumerate(toks) if t.start == start), None)
    if first is None or first + len(pattern) > len(toks):
        return None
    got = toks[first : first + len(pattern)]
    for i, (tok, want) in enumerate(zip(got, pattern)):
        if not _same_word(tok.text, want.text, forms):
            return None
        if i and (tok.start == got[i - 1].end) != (want.start == pattern[i - 1].end):
            return None  # "Санкт - Петербург" is not "Санкт-Петербург"
    return got[-1].end


def _same_word(a: str, b: str, forms: Forms | None) -> bool:
    if a == b:
        return True
    if forms is None or not (is_word(a) and is_word(b)):
        return False
    return bool(forms(a) & forms(b))


def same_phrase(a: str, b: str, forms: Forms | None = None) -> bool:
    """Whether two phrases are the same words (in any case ending, with ``forms``)."""
    ta, tb = phrase_tokens(a), phrase_tokens(b)
    return len(ta) == len(tb) and all(_same_word(x.text, y.text, forms) for x, y in zip(ta, tb))
