"""Genitive chains: how far the words that depend on a noun run.

"пресс-службе ГУ МЧС по Пермскому краю", "глава региона", "собеседник в отрасли": a
source named by a noun takes the genitives, abbreviations, entities and «names» after
it, and (for bodies and anonymous sources) a "по …"/"в …" qualifier. A person's name
ends the chain: "глава региона Андрей Воробьев" is a title before the speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.nlp.tokens import Token
from models.quotes.lexicon import POSSESSIVE_PRONOUNS, PREPOSITIONS, SPEECH_NOUNS
from models.quotes.morph import is_finite_verb, name_parse, noun_cases, noun_lemma
from models.spans import Entity

MARKS_OPEN = '«„“"'
MARKS_CLOSE = '»“”"'
MAX_CHAIN = 8


@dataclass(frozen=True, slots=True)
class Chain:
    """Where a noun's dependents end: ``core`` stops before "по …"/"в …" qualifiers."""

    end: int
    core: int
    titled: bool


def _qualifier_end(toks: list[Token], j: int, limit: int, ent_start: dict[int, Entity]) -> int:
    """End of "по Пермскому краю" / "в отрасли" starting at preposition ``j`` (or ``j``).

    A person's name ends it: "председатель комитета по бюджету Андрей Макаров".
    """
    want = "datv" if toks[j].low == "по" else "loct"
    k = j + 1
    while k < limit and toks[k].is_word:
        ent = ent_start.get(toks[k].start)
        if ent is not None and ent.label == "PER":
            break
        if ent is not None:
            k = skip_to(toks, k, ent.end)
            continue
        if want not in noun_cases(toks[k].text) and not toks[k].text[:1].isupper():
            break
        if name_parse(toks[k].text) is not None and want not in noun_cases(toks[k].text):
            break
        k += 1
    return k if k > j + 1 else j


def noun_chain(toks: list[Token], j: int, ent_start: dict[int, Entity], places: bool) -> Chain:
    """Extend a noun's genitive chain from token ``j`` (entities and «names» included)."""
    limit = min(len(toks), j + MAX_CHAIN)
    core: int | None = None
    while j < limit:
        tok = toks[j]
        ent = ent_start.get(tok.start)
        if ent is not None:
            if ent.label == "PER":
                return Chain(j, j if core is None else core, True)
            j = skip_to(toks, j, ent.end)
            continue
        if tok.text in MARKS_OPEN:
            close = next(
                (k for k in range(j + 1, min(len(toks), j + 9)) if toks[k].text in MARKS_CLOSE),
                None,
            )
            if close is None:
                break
            j = close + 1
            continue
        if not tok.is_word or (is_finite_verb(tok.text) and noun_lemma(tok.text) is None):
            break  # "президент России начал": a verb first, whatever genitive it could be
        if tok.low == "по" or (places and tok.low in ("в", "во", "на", "из")):
            k = _qualifier_end(toks, j, limit, ent_start)
            if k == j:
                break
            core = j if core is None else core
            j = k
            continue
        if tok.low in PREPOSITIONS or tok.low in POSSESSIVE_PRONOUNS:
            break  # "приводит агентство ее слова": her words are no part of the agency
        if noun_lemma(tok.text) in SPEECH_NOUNS:
            break  # "привели в пресс-службе слова министра": the words are what is quoted
        cases = noun_cases(tok.text)
        if "gent" in cases or (not cases and tok.text[:1].isupper()):
            j += 1
            continue
        break
    return Chain(j, j if core is None else core, False)


def skip_to(toks: list[Token], j: int, end: int) -> int:
    while j < len(toks) and toks[j].start < end:
        j += 1
    return j
