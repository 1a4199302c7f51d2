"""Names in quotation marks: the organization's name inside the marks, titles left out.

Russian news writes an organization's name in quotation marks after a legal form or a
generic noun (``ОАО «Газпром»``, ``партии «Яблоко»``), and writes titles of films, ships
and shows the same way (``шаттл «Дискавери»``). The conventions (FactRuEval's) want the
organization's name without the marks and the legal form, and no entity for a title. The
noun before the marks tells which it is: an organization noun makes the name an ORG
(natasha often misses it), a title noun makes it no entity, a place noun a LOC. A
verdict holds for the same quoted name elsewhere in the document ("после «Дискавери»").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from models.nlp import morph
from models.nlp.entity_normal import cut, normal_form, sentence_start, words
from models.nlp.entity_words import LEGAL_FORMS, ORG_NOUNS, PLACE_NOUNS, TITLE_NOUNS
from models.spans import Entity

_QUOTED = re.compile(
    r"«(?P<a>[^«»\n]{1,100})»|„(?P<b>[^„“\n]{1,100})“|“(?P<c>[^“”\n]{1,100})”"
    r"|(?<![\w\"])\"(?P<d>[^\"\n]{1,100})\"(?![\w\"])"
)
MAX_NAME_WORDS = 6
# Between two quoted names that share the noun before the first: a comma, и, или,
# with a bracketed aside allowed ("«Индевор» (в апреле) и «Атлантис»").
_COORDINATED = re.compile(r"[»“”\"]\s*(?:\([^()\n]{0,60}\)\s*)?(?:,|и|или)\s*")
_VERDICT = {"org": "ORG", "place": "LOC"}


@dataclass(frozen=True, slots=True)
class Quoted:
    """A short quoted name: offsets of the words inside the marks, and what it names."""

    start: int
    end: int
    kind: str  # "org" | "place" | "title" | "legal" | "unknown"


def _stem(lemma: str) -> str:
    return lemma[:-1] if len(lemma) > 4 and lemma[-1] in "аяоеьйиы" else lemma


_KINDS = {
    lemma: kind
    for kind, nouns in (("place", PLACE_NOUNS), ("title", TITLE_NOUNS), ("org", ORG_NOUNS))
    for lemma in nouns
}
_STEMS: dict[str, list[str]] = {}
for _lemma in _KINDS:
    _STEMS.setdefault(_stem(_lemma)[:3], []).append(_stem(_lemma))
_ADJECTIVE_ENDINGS = re.compile(
    r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ей|ых|их|ыми|ими)$"
)


def _kind_of(word: str) -> str | None:
    """The lexicon kind of a noun in any case form, or None.

    A string test on the stems comes first, so pymorphy (slow when the word is new)
    is asked only about the few words that could be in the lexicon.
    """
    low = morph.fold(word)
    if not any(
        low.startswith(stem) and len(low) - len(stem) <= 3 for stem in _STEMS.get(low[:3], ())
    ):
        return None
    return _KINDS.get(morph.fold(morph.lemma(low)))


def noun_before(text: str, pos: int) -> str:
    """What kind of noun stands before the mark at ``pos``, past up to two adjectives.

    ``"legal"`` for a legal form (ООО), the kind of the noun (``"org"``, ``"title"``,
    ``"place"``), else ``"unknown"``.
    """
    before = text[max(0, pos - 60) : pos]
    if before and not before[-1].isspace():
        return "unknown"
    adjectives = 0
    for _, end, word in reversed(words(before)):
        if before[end:].strip(" \t") not in ("", "-"):
            return "unknown"  # punctuation between: the word is not the name's head
        if word in LEGAL_FORMS:
            return "legal"
        kind = _kind_of(word)
        if kind is not None:
            return kind
        if adjectives < 2 and _ADJECTIVE_ENDINGS.search(word.lower()):
            adjectives += 1
            before = before[: end - len(word)]
            continue
        return "unknown"
    return "unknown"


def _can_be_nominative(word: str) -> bool:
    """A name in apposition stays nominative inside its marks (``шаттла «Дискавери»``)."""
    found = morph.parses(word.lower())
    return not found or any(
        "nomn" in p.tag.grammemes or "Fixd" in p.tag.grammemes or p.tag.POS != "NOUN" for p in found
    )


def quoted_names(text: str) -> list[Quoted]:
    """Every short quoted name in ``text`` with the kind of noun before it."""
    out: list[Quoted] = []
    for m in _QUOTED.finditer(text):
        group = next(g for g in "abcd" if m.group(g) is not None)
        start, end = m.span(group)
        inner = m.group(group)
        lead = len(inner) - len(inner.lstrip())
        start, end = start + lead, start + len(inner.rstrip())
        found = words(text[start:end])
        if not found or len(found) > MAX_NAME_WORDS or not _capitalized(text[start:end]):
            continue
        kind = noun_before(text, m.start())
        if kind in ("title", "place") and not _can_be_nominative(found[0][2]):
            kind = "unknown"  # "станция «Водоканала»": the owner, not the station's name
        if kind == "unknown" and out and _COORDINATED.fullmatch(text, out[-1].end, m.start()):
            kind = out[-1].kind  # "шаттлы «Индевор» и «Атлантис»": one noun, two names
        out.append(Quoted(start, end, kind))
    return out


def _capitalized(inner: str) -> bool:
    first = inner[:1]
    return first.isupper() or first.isdigit() or (first.isascii() and first.isalpha())


def _is_prefix(words_before: list[str], first_starts_sentence: bool) -> bool:
    """Legal forms, kind abbreviations and organization nouns, with adjectives before them
    written in lower case (or capitalized only by the sentence start): ``ОАО``, ``концерн``,
    ``московский клуб``; not ``Русской службе``, an organization's own name."""
    *adjectives, head = words_before
    if not (
        head in LEGAL_FORMS or (head.isupper() and len(head) <= 4) or morph.lemma(head) in ORG_NOUNS
    ):
        return False
    return all(
        _ADJECTIVE_ENDINGS.search(w.lower()) and (w.islower() or (i == 0 and first_starts_sentence))
        for i, w in enumerate(adjectives)
    )


_MARKS = '«»„“”"'
_LATIN = re.compile(r"[A-Za-z]")


def trim_prefix(text: str, ent: Entity) -> Entity:
    """An ORG span with its legal form or generic noun cut off: ``ОАО «Газпром»`` → ``Газпром``.

    The same holds for a Latin name after them (``Агентство France-Presse``) and for any
    capitalized name after a legal form (``ИА Интерфакс``). A prefix with a name of its
    own (``Русской службе «Голоса Америки»``) is left for the span to be split.
    """
    if ent.label != "ORG":
        return ent
    surface = ent.text
    mark = next((i for i, c in enumerate(surface) if c in _MARKS), None)
    found = words(surface)
    if mark is not None:
        prefix = [w for s, _, w in found if s < mark]
        rest = mark + 1
    else:
        latin = next((i for i, (s, _, w) in enumerate(found) if _LATIN.match(w)), 0)
        if not latin:  # "ИА Интерфакс": a legal form before a capitalized name
            latin = next((i for i, (_, _, w) in enumerate(found) if w not in LEGAL_FORMS), 0)
            if not found[latin][2][:1].isupper():
                return ent
        prefix = [w for _, _, w in found[:latin]]
        rest = found[latin][0] if latin else 0
    if not prefix or not _is_prefix(prefix, sentence_start(text, ent.start)):
        return ent
    if rest >= len(surface):
        return ent
    close = next((i for i in range(rest, len(surface)) if surface[i] in _MARKS), len(surface))
    start, end = ent.start + rest, ent.start + close
    while start < end and text[start].isspace():
        start += 1
    if start >= end or (close < len(surface) and surface[close + 1 :].strip()):
        return ent  # words after the closing mark: not one quoted name
    return cut(ent, start, end, text)


def _document_kinds(text: str, quoted: list[Quoted]) -> dict[str, str]:
    """The kind each quoted name has where a noun says it, for its bare occurrences."""
    votes: dict[str, dict[str, int]] = {}
    for q in quoted:
        if q.kind != "unknown":
            kinds = votes.setdefault(morph.fold(text[q.start : q.end]), {})
            kinds[q.kind] = kinds.get(q.kind, 0) + 1
    return {key: max(kinds, key=lambda k: (kinds[k], k != "title")) for key, kinds in votes.items()}


# Sentence punctuation inside the marks: speech or a headline, not a name.
_SENTENCE_MARK = re.compile(r"[,.!?…:;](?:\s|$)")
# How far before a quoted name an entity crossing it may start.
_REACH = 200


def _decide(
    text: str, q: Quoted, kind: str, near: list[tuple[int, Entity]]
) -> tuple[list[int], Entity | None]:
    """Which of the entities near ``q`` go, and which entity comes, under ``kind``."""
    inside = [i for i, e in near if e.start >= q.start - 1 and e.end <= q.end + 1]
    if len(inside) < len(near):
        return [], None  # a span crosses the marks: not one quoted name
    exact = [i for i, e in near if (e.start, e.end) == (q.start, q.end)]
    if kind == "title":
        return exact, None
    label = _VERDICT.get("org" if kind == "legal" else kind)
    if label is None:
        return [], None
    surface = text[q.start : q.end]
    if exact and len(inside) == 1:
        ent = dict(near)[exact[0]]
        if ent.label == label:
            return [], None
        keep = ent.normal if ent.label == "ORG" else surface
        return exact, Entity(ent.start, ent.end, label, ent.text, keep)
    if _SENTENCE_MARK.search(surface):
        return [], None
    normal = surface if label == "ORG" else normal_form(label, surface)
    return inside, Entity(q.start, q.end, label, surface, normal)


def apply_quoted(text: str, entities: list[Entity]) -> list[Entity]:
    """Entities after the quoted-name rules: prefixes cut, titles out, names in."""
    ents = sorted((trim_prefix(text, e) for e in entities), key=lambda e: e.start)
    quoted = quoted_names(text)
    if not quoted:
        return ents
    kinds = _document_kinds(text, quoted)
    starts = [e.start for e in ents]
    removed: set[int] = set()
    added: list[Entity] = []
    for q in quoted:
        kind = q.kind if q.kind != "unknown" else kinds.get(morph.fold(text[q.start : q.end]))
        if kind is None:
            continue
        lo, hi = bisect.bisect_left(starts, q.start - _REACH), bisect.bisect_left(starts, q.end)
        near = [(i, ents[i]) for i in range(lo, hi) if i not in removed and ents[i].end > q.start]
        gone, new = _decide(text, q, kind, near)
        removed.update(gone)
        if new is not None:
            added.append(new)
    return [e for i, e in enumerate(ents) if i not in removed] + added
