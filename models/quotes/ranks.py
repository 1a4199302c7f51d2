"""Deputy and acting ranks of a title ("замглавы МИД", "врио губернатора", "и.о. главы").

News names a deputy or an acting official once in full ("заместитель главы МИД Алибек
Бакаев", "временно исполняющий обязанности губернатора X") and later by a clipped
compound ("замглавы МИД", "замминистра", "зампред", "вице-мэр", "врио губернатора",
"и.о. главы"). The compound's base noun (глава, министр) alone would find the chief
named beside the deputy; the rank keeps them apart: a ranked role noun stands for a
person whose title has the same rank and a fitting base, never for one without it.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.nlp.tokens import Token
from models.quotes.lexicon import ROLE_NOUNS
from models.quotes.morph import is_animate_noun, noun_lemma, tokenize

DEPUTY = "deputy"
ACTING = "acting"

_DEPUTY_WORDS = frozenset(["заместитель", "заместительница", "зам"])
# "временно исполняющий обязанности", "и.о." (razdel-free tokens: "и.о" then "."), "врио"
_ACTING_WORDS = frozenset(["врио", "врид", "и.о", "ио"])
_ACTING_STEM = "исполняющ"
# Clipped bases that are no word of their own ("зампред" is a deputy председатель).
_CLIPPED = {"пред": "председатель", "предправления": "председатель", "пред.": "председатель"}

Rank = tuple[str, str | None]


def _base_of(rest: str) -> str | None:
    """The role noun after a "зам"/"вице-" prefix ("главы" → глава, "эра" → мэр)."""
    if rest in _CLIPPED:
        return _CLIPPED[rest]
    for word in (rest, "м" + rest):  # "замэра": the prefix's м is the мэр's
        lemma = noun_lemma(word)
        if lemma in ROLE_NOUNS or lemma in _CLIPPED.values():
            return lemma
    return noun_lemma(rest) if is_animate_noun(rest) else None


def _compound(low: str) -> Rank | None:
    """ "замглавы" → (deputy, глава), "вице-губернатор" → (deputy, губернатор)."""
    for prefix in ("вице-", "зам"):
        rest = low[len(prefix) :]
        if low.startswith(prefix) and len(rest) >= 3 and not low.startswith("замест"):
            base = _base_of(rest)
            return (DEPUTY, base) if base else None
    return None


def _next_role(words: Sequence[Token], k: int) -> str | None:
    """The first role noun after position ``k`` ("заместитель главы МИД" → глава)."""
    for tok in words[k + 1 : k + 4]:
        lemma = noun_lemma(tok.text)
        if lemma in ROLE_NOUNS:
            return lemma
        compound = _compound(tok.low)
        if compound:
            return compound[1]
    return None


def rank_of(words: Sequence[Token]) -> Rank | None:
    """The rank and base role of a title's words, or None for a plain title."""
    for k, tok in enumerate(words):
        low = tok.low
        if low in _ACTING_WORDS or low.startswith(_ACTING_STEM):
            return ACTING, _next_role(words, k)
        if low == "о" and k and words[k - 1].low == "и":
            return ACTING, _next_role(words, k)  # "И. о. главы"
        if noun_lemma(tok.text) in _DEPUTY_WORDS:
            return DEPUTY, _next_role(words, k)
        compound = _compound(low)
        if compound:
            return compound
    return None


def mention_rank(text: str, start: int, end: int) -> Rank | None:
    """The rank of a role mention, with an acting word just before it ("и.о. главы")."""
    before = [t for t in tokenize(text, max(0, start - 12), start) if t.is_word][-2:]
    words = tokenize(text, start, end)
    rank = rank_of(words)
    if rank is None and before:
        rank = rank_of(before + words)
        return rank if rank and rank[0] == ACTING else None
    return rank
