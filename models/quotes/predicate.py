"""Whose subject a name is: the finite verb of its clause that agrees with it.

A name in the nominative is not yet a subject. "…был на похоронах Сильвио Берлускони",
"…на похоронах Берлускони его не было" and "Президент России Владимир «Путин…»" all
hold a name that pymorphy may read as a nominative, but no verb of the clause is its
own: the next verb disagrees ("было"), the name is a genitive after a plain noun, or
it is glued to the quote it opens. The antecedent of "он" is a subject (best one that
spoke), so these names must not count; the verb also gives the gender of a name
pymorphy does not know ("заявила … Хуа Чуньин").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.nlp.tokens import Token
from models.quotes.lexicon import ADDRESSEE_HEADS, PREPOSITIONS
from models.quotes.morph import (
    is_adjective,
    is_adverb,
    is_animate_noun,
    is_common_noun,
    is_finite_verb,
    is_speech_cue,
    noun_cases,
    noun_lemma,
    tokenize,
    verb_features,
)
from models.spans import Entity

_CLAUSE_END = re.compile(r"[.!?;:\n«»“„\"]|\s[—–-]\s")
_OPENING = '«“„"'
_PARTICLES = frozenset(["ли", "же", "бы", "не", "ни", "уже", "еще", "ещё"])
_PERSONAL = frozenset(["я", "ты", "он", "она", "оно", "мы", "вы", "они"])
# Words that open a new clause after a comma: its verb is not the name's.
_NEW_CLAUSE = frozenset(
    ["а", "но", "и", "однако", "что", "чтобы", "где", "когда", "хотя", "потому", "поэтому", "если"]
)
SCAN = 200  # characters looked at on each side of a name
LEFT_WORDS = 10  # words back a verb may stand before its subject ("заявил вчера … X")


@dataclass(frozen=True, slots=True)
class Predicate:
    """What a name is the subject of: ``kind`` "speech" (a speech verb), "verb" (another
    verb) or "none" (a clause with no verb: a headline, a list); ``gender`` the verb's."""

    kind: str
    gender: str | None = None


def _agrees(word: str, gender: str | None, coordinated: bool) -> Predicate | None:
    """The predicate a verb gives a name of ``gender``, or None when it cannot be its."""
    verb_gender, number, _ = verb_features(word)
    if number == "plur" and not coordinated:
        return None
    if verb_gender == "neut" or (
        gender in ("masc", "femn") and verb_gender in ("masc", "femn") and verb_gender != gender
    ):
        return None
    kind = "speech" if is_speech_cue(word) else "verb"
    return Predicate(kind, verb_gender if verb_gender in ("masc", "femn") else None)


def _verb(tok: Token) -> bool:
    return tok.is_word and tok.text[:1].islower() and is_finite_verb(tok.text)


def _right(text: str, ent: Entity, gender: str | None) -> Predicate | bool:
    """The first verb after the name in its clause: its predicate, None when it disagrees,
    False when the clause ends first (True when a quote opens right after the name)."""
    if text[ent.end : ent.end + 2].lstrip()[:1] in _OPENING:
        return True  # "Владимир «Путин представляет…»": the name opens the quote
    stop = _CLAUSE_END.search(text, ent.end, min(len(text), ent.end + SCAN))
    toks = tokenize(text, ent.end, stop.start() if stop else min(len(text), ent.end + SCAN))
    before = text[max(0, ent.start - 4) : ent.start].split()
    coordinated = (bool(toks) and toks[0].low == "и") or before[-1:] == ["и"]
    for k, tok in enumerate(toks):
        if tok.text == "," and k + 1 < len(toks) and toks[k + 1].low in _NEW_CLAUSE:
            return False  # "…на похоронах Берлускони, а потом сказал": another clause
        if _verb(tok):
            if _own_subject(toks, k + 1):
                return True  # "На вопрос Шпигеля, опасается ли он…": the verb has its own
            return _agrees(tok.text, gender, coordinated) or True
    return False


def _own_subject(toks: list[Token], k: int) -> bool:
    """Whether a personal pronoun right after a verb (particles allowed) is its subject."""
    while k < len(toks) and toks[k].low in _PARTICLES:
        k += 1
    return k < len(toks) and toks[k].low in _PERSONAL


def _skippable(tok: Token) -> bool:
    """A word that may stand between a verb and its subject after it: an adverb, an
    addressee ("журналистам"), a time word, a preposition of an adverbial."""
    if not tok.is_word:
        return tok.text == ","
    return (
        is_adverb(tok.text)
        or tok.low in PREPOSITIONS
        or noun_lemma(tok.text) in ADDRESSEE_HEADS
        or tok.text.isdigit()
        or bool(noun_cases(tok.text) - {"nomn"})
    )


def _title_word(tok: Token) -> bool:
    return tok.is_word and (
        is_adjective(tok.text) or noun_lemma(tok.text) is not None or tok.text[:1].isupper()
    )


def _left(text: str, ent: Entity, gender: str | None) -> Predicate | None:
    """A verb before the name ("— заявил журналистам глава ФСБ Александр Бортников"), past
    its title and adverbials; "none" when the clause has no verb at all."""
    floor = max(0, ent.start - SCAN)
    ends = [m.end() for m in _CLAUSE_END.finditer(text, floor, ent.start)]
    toks = tokenize(text, ends[-1] if ends else floor, ent.start)[-LEFT_WORDS:]
    j = len(toks) - 1
    while j >= 0 and not _verb(toks[j]) and _title_word(toks[j]):
        j -= 1
    run = toks[j + 1 :]
    if run and is_common_noun(run[-1].text) and not any(is_animate_noun(t.text) for t in run):
        return None  # "был на похоронах Берлускони": a plain noun's genitive
    while j >= 0 and not _verb(toks[j]) and _skippable(toks[j]):
        j -= 1
    if j >= 0 and _verb(toks[j]):
        return _agrees(toks[j].text, gender, False)
    return Predicate("none") if not any(_verb(t) for t in toks) else None


def predicate(text: str, ent: Entity, gender: str | None) -> Predicate | None:
    """What the person named by ``ent`` (of ``gender``, if known) is the subject of, or
    None when no verb of its clause can be its own."""
    right = _right(text, ent, gender)
    if isinstance(right, Predicate):
        return right
    if right:
        return None  # a verb that disagrees, or the quote the name opens
    return _left(text, ent, gender)
