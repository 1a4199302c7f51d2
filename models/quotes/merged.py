"""Person spans that natasha merged out of two names, split back into their parts.

natasha at times joins the last word of one name and the next name into one PER span
("памятник Сталину Вертинский открыл" gives "Сталину Вертинский"). Used as it is, the
span becomes a speaker that does not exist and gives a lone "Вертинский" the full name
"Сталин Вертинский". Its words disagree in case (a dative before a nominative), which
one person's name never does; each run of agreeing words is a name of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from models.nlp.tokens import Token
from models.quotes.morph import inflect, name_cases, name_parse, tokenize
from models.spans import Entity


def _runs(words: list[Token]) -> list[list[Token]]:
    """Consecutive words whose name readings share a case."""
    runs: list[list[Token]] = []
    common: frozenset[str] = frozenset()
    for tok in words:
        cases = name_cases(tok.text)
        if runs and cases & common:
            runs[-1].append(tok)
            common &= cases
        else:
            runs.append([tok])
            common = cases
    return runs


def _cases(run: list[Token]) -> frozenset[str]:
    return frozenset.intersection(*(name_cases(t.text) for t in run))


def _is_merge(runs: list[list[Token]]) -> bool:
    """A name in an oblique case before one in the nominative ("Сталину Вертинский"); a
    surname pymorphy guesses in another case ("Антон Силуанов") is no merge."""
    return len(runs) == 2 and "nomn" not in _cases(runs[0]) and "nomn" in _cases(runs[1])


def _nominative(toks: list[Token]) -> str:
    out = []
    for tok in toks:
        p = name_parse(tok.text)
        form = inflect(p, {"nomn"}) if p is not None and p.tag.case != "nomn" else None
        word = form.word if form is not None else tok.text
        out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def _mixed(ent: Entity) -> bool:
    """Whether normalizing changed some of the span's words and not others ("Сталину
    Вертинский" → "Сталин Вертинский"): the only spans worth a morphological look."""
    written, normal = ent.text.split(), ent.normal.split()
    if len(written) < 2 or len(written) != len(normal):
        return False
    same = [w.lower() == n.lower() for w, n in zip(written, normal)]
    return any(same) and not all(same)


def split_merged(text: str, ent: Entity) -> list[Entity]:
    """``ent`` itself, or the names a merged PER span is made of."""
    if ent.label != "PER" or not _mixed(ent):
        return [ent]
    words = [t for t in tokenize(text, ent.start, ent.end) if t.is_word]
    if len(words) < 2 or not all(name_cases(t.text) for t in words):
        return [ent]
    runs = _runs(words)
    if not _is_merge(runs):
        return [ent]
    return [
        Entity(r[0].start, r[-1].end, "PER", text[r[0].start : r[-1].end], _nominative(r))
        for r in runs
    ]


def split_all(text: str, entities: Iterable[Entity]) -> Iterator[Entity]:
    for ent in entities:
        yield from split_merged(text, ent)
