"""«…» that is a name, not speech: organizations, works, products, scare quotes.

Russian news puts quotation marks around names far more often than around speech, so a
quoted span without a speech anchor is a quote only when it does not look like a name.
The same test builds one ORG entity out of an organization's quoted name (DESIGN:
``ООО «Ромашка»`` includes the marks and the legal form).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.nlp.morph import normal_forms
from models.quotes.index import EntityIndex, Ranges
from models.quotes.lexicon import LEGAL_FORMS, NAME_NOUNS, ORG_NOUNS, WEAK_LEMMAS
from models.quotes.marks import MarkSpan, find_mark_spans
from models.quotes.morph import (
    is_adjective,
    is_finite_verb,
    is_naming_participle,
    is_speech_cue,
    noun_cases,
    noun_lemma,
    tokenize,
)
from models.spans import Entity

_END_PUNCT = re.compile(r"[.!?…]\s*$")
_SENTENCE_INSIDE = re.compile(r"[.!?…]\s+\S")
_WORD = re.compile(r"[\w\-]+")
MAX_NAME_WORDS = 6


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def noun_before(text: str, pos: int) -> str | None:
    """What stands right before a quote: "legal" (ООО), "list" (after another name),
    "called" (так называемый), a naming noun's lemma (фильм), "noun" (any other noun)
    or None.

    Up to two adjectives may stand between (``футбольный клуб «Спартак»``).
    """
    toks = tokenize(text, max(0, pos - 80), pos)
    adjectives = 0
    for i in range(len(toks) - 1, -1, -1):
        tok = toks[i]
        if tok.text in LEGAL_FORMS:
            return "legal"
        if not tok.is_word:
            return None
        if is_naming_participle(tok.text):
            return "called"
        if tok.low in ("и", "или") and i > 0 and toks[i - 1].text in '»"”':
            return "list"
        lemma = noun_lemma(tok.text)
        if lemma in NAME_NOUNS:
            return lemma
        if is_adjective(tok.text) and adjectives < 2 and lemma is None:
            adjectives += 1
            continue
        return "noun" if lemma else None
    return None


def looks_like_name(text: str, span: MarkSpan) -> bool:
    """True when a quoted span without a speech anchor reads as a name or scare quote.

    One or two words are a scare quote or a name. A capitalized span right after a
    noun is that noun's name (``программа «Доступное жилье»``, ``хит «Я тебя …»``);
    after a verb or "что" it may be speech, and so may a lower-case span after a noun
    (``закон «заработает через год»``).
    """
    inner = text[span.start : span.end].strip()
    found = words(inner)
    before = noun_before(text, span.open)
    if len(found) <= 2 or before in ("legal", "list", "called"):
        return True
    first = inner[:1]
    if before is not None and (
        first.isupper() or first.isdigit() or (first.isascii() and first.isalpha())
    ):
        return True
    if _END_PUNCT.search(inner) or len(found) > 4:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.isascii() for w in found)


MAX_ADDRESSEE_WORDS = 4


def speech_after_addressee(text: str, span: MarkSpan) -> bool:
    """``заявил журналистам «Мы готовы…»``: a speech verb, its addressee in the dative
    (up to four words, no preposition of topic), then a capitalized span of three words
    or more with a finite verb. Without the colon the span reads like a name after a
    noun; this is speech all the same, unless the last word is a naming noun
    ("участникам форума «…»") and the span is short enough to be a name."""
    inner = text[span.start : span.end].strip()
    found = words(inner)
    if len(found) < 3 or not inner[:1].isupper() or not any(is_finite_verb(w) for w in found):
        return False
    toks = tokenize(text, max(0, span.open - 80), span.open)
    between: list[str] = []
    for tok in reversed(toks):
        if not tok.is_word or len(between) > MAX_ADDRESSEE_WORDS:
            return False
        if is_speech_cue(tok.text) and not normal_forms(tok.text) & WEAK_LEMMAS:
            break
        between.insert(0, tok.text)
    else:
        return False
    if not between or "datv" not in noun_cases(between[0]) or noun_lemma(between[0]) is None:
        return False
    if noun_lemma(between[-1]) in NAME_NOUNS and len(found) <= MAX_NAME_WORDS:
        return False
    return not any(w.lower() in ("о", "об", "обо", "про") or is_finite_verb(w) for w in between)


def _inner_entity(span: MarkSpan, entities: EntityIndex) -> Entity | None:
    inside = entities.between(span.open, span.outer_end)
    return inside[0] if len(inside) == 1 else None


def _org_span(text: str, span: MarkSpan, entities: EntityIndex) -> tuple[int, str] | None:
    """(start, legal form) when the quoted span names an organization, else None."""
    inner = text[span.start : span.end].strip()
    if span.close is None or span.paragraphs > 1 or not inner:
        return None
    if len(words(inner)) > MAX_NAME_WORDS or _SENTENCE_INSIDE.search(inner):
        return None
    if not (inner[0].isupper() or inner[0].isdigit() or inner[0].isascii()):
        return None
    before = tokenize(text, max(0, span.open - 12), span.open)
    if before and before[-1].text in LEGAL_FORMS:
        return before[-1].start, before[-1].text
    if noun_before(text, span.open) in ORG_NOUNS:
        return span.open, ""
    overlapping = entities.overlapping(span.open, span.outer_end)
    if (
        overlapping
        and all(e.label == "ORG" for e in overlapping)
        and len(words(inner)) == sum(len(words(e.text)) for e in overlapping)
    ):
        return span.open, ""
    return None


def _normal(text: str, span: MarkSpan, legal: str, entities: EntityIndex) -> str:
    inner = text[span.start : span.end].strip()
    ent = _inner_entity(span, entities)
    if ent is not None and ent.normal and len(words(ent.text)) == len(words(inner)):
        inner = ent.normal.strip('«»"„“” ')
    assert span.close is not None
    name = f"{text[span.open]}{inner}{text[span.close]}"
    return f"{legal} {name}" if legal else name


_INNERMOST = re.compile(r"«[^«»\n]{1,120}»|„[^„“\n]{1,120}“")


def _name_spans(text: str) -> list[MarkSpan]:
    """Top-level spans plus the innermost «…»/„…“ pairs (names nested in speech)."""
    spans = {(s.open, s.close): s for s in find_mark_spans(text)}
    for m in _INNERMOST.finditer(text):
        spans.setdefault(
            (m.start(), m.end() - 1), MarkSpan(m.start(), m.end() - 1, m.start() + 1, m.end() - 1)
        )
    return sorted(spans.values(), key=lambda s: s.open)


def merge_quoted_org_names(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """Entities where every organization named in quotation marks is one ORG span.

    The span includes the marks and a legal form before them (``ПАО «Лукойл»``), but
    not a generic noun (``компания «Ромашка»`` gives ``«Ромашка»``). natasha's spans
    that overlap it are replaced. A quoted name counts as an organization when a legal
    form or an organization noun stands before it, or natasha tagged only ORG inside.
    """
    index = EntityIndex(entities)
    merged: list[Entity] = []
    for span in _name_spans(text):
        found = _org_span(text, span, index)
        if found is None:
            continue
        start, legal = found
        end = span.outer_end
        merged.append(Entity(start, end, "ORG", text[start:end], _normal(text, span, legal, index)))
    if not merged:
        return list(entities)
    named = EntityIndex(merged)
    merged = [m for m in merged if not named.inside_another(m)]
    taken = Ranges((m.start, m.end) for m in merged)
    kept = [e for e in entities if not taken.within(e.start, e.end)]
    return sorted(kept + merged, key=lambda e: (e.start, -e.end))
