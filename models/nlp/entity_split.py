"""One natasha span over several names, cut into one span per name.

natasha reads a name and its bracketed twin as one mention ("Федеральная антимонопольная
служба (ФАС)", "Джошуа Вольф (Joshua Wolf)"), runs a bulleted list of countries into one
place ("Монако • Намибия"), and joins two persons that stand side by side in different
cases ("Сталину Вертинский"). The conventions want one span per name, with brackets and
marks outside: the span is cut at brackets, list bullets and stray quotation marks, and a
person's words are grouped by the grammatical case they agree in.
"""

from __future__ import annotations

import re

from models.nlp import morph
from models.nlp.entity_normal import cut, known, words
from models.spans import Entity

# Characters a name never contains: a span is cut there and they stay outside.
_BREAKS = re.compile(r"\s*[()\[\]•·|;«»„“”\"]+\s*")
_PERSON_BREAKS = re.compile(r"\s*[()\[\]•·|;,«»„“”\"]+\s*")
_EDGE = ' \t\n()[]«»„“”"•·|;,.-—–'
_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2"})
_PERSON = frozenset({"Name", "Surn", "Patr"})


def _pieces(text: str, ent: Entity, breaks: re.Pattern[str]) -> list[tuple[int, int]]:
    """Document offsets of the parts of ``ent`` between break characters."""
    out, pos = [], ent.start
    for m in breaks.finditer(text, ent.start, ent.end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, ent.end))
    trimmed = []
    for start, end in out:
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        if start < end and any(c.isalnum() for c in text[start:end]):
            trimmed.append((start, end))
    return trimmed


def _is_abbreviation(word: str) -> bool:
    return len(word) > 1 and word.isupper() and word.isalpha()


def split_breaks(text: str, ent: Entity) -> list[Entity]:
    """``ent`` cut at brackets, bullets and quotation marks inside it (and at commas
    inside a person's name: "Овечкин, Фёдоров" are two).

    A bracketed abbreviation after a person ("Лонгин (РПЦ)") names an organization.
    """
    breaks = _PERSON_BREAKS if ent.label == "PER" else _BREAKS
    if not breaks.search(ent.text):
        return [ent]
    parts = _pieces(text, ent, breaks)
    if len(parts) == 1 and parts[0] == (ent.start, ent.end):
        return [ent]
    out = []
    for start, end in parts:
        label = ent.label
        if ent.label == "PER" and _is_abbreviation(text[start:end].replace(" ", "")):
            label = "ORG"
        out.append(cut(ent, start, end, text, label))
    return out


def _cases(word: str) -> frozenset[str]:
    """The cases a word of a person's name can be in; all of them when unknown."""
    low = morph.fold(word)
    if not re.search("[а-я]", low) or not known(low):
        return _CASES
    found = [p for p in morph.parses(low) if _PERSON & p.tag.grammemes and p.is_known]
    if not found or any("Fixd" in p.tag.grammemes for p in found):
        return _CASES
    return frozenset(g for p in found for g in p.tag.grammemes if g in _CASES)


def _mixed(ent: Entity) -> bool:
    """Whether normalizing changed some words of the span and left others as written.

    The words of one person's name share a case, so all of them change (an oblique
    case) or none do (nominative); a mix is the cheap sign of two names in one span.
    """
    found, normals = words(ent.text), ent.normal.split()
    if len(found) != len(normals):
        return True
    changed = {morph.fold(w) != morph.fold(n) for (_, _, w), n in zip(found, normals)}
    return len(changed) > 1


def split_cases(text: str, ent: Entity) -> list[Entity]:
    """A person span whose words share no case, cut where the case changes.

    "Сталину Вертинский": a dative surname and a nominative one are two persons.
    Words pymorphy does not know as names, and indeclinable ones, agree with anything.
    """
    found = words(ent.text)
    if ent.label != "PER" or len(found) < 2 or not _mixed(ent):
        return [ent]
    groups: list[list[tuple[int, int, str]]] = [[found[0]]]
    common = _cases(found[0][2])
    for item in found[1:]:
        cases = _cases(item[2])
        if common & cases:
            common &= cases
            groups[-1].append(item)
        else:
            groups.append([item])
            common = cases
    if len(groups) == 1:
        return [ent]
    return [cut(ent, ent.start + g[0][0], ent.start + g[-1][1], text) for g in groups]


def split_spans(text: str, entities: list[Entity]) -> list[Entity]:
    """Every span cut into one span per name."""
    out = []
    for ent in entities:
        for part in split_breaks(text, ent):
            out.extend(split_cases(text, part))
    return out


_BULLET_GAP = re.compile(r"\s*[•·]\s*")


def label_lists(text: str, entities: list[Entity]) -> list[Entity]:
    """Items of a bulleted list ("Чили • Коста Рика • Эквадор") take the list's label.

    The items of one list are of one kind; natasha, reading each alone, calls the odd
    one a person. Two or more items must agree for the majority to count.
    """
    ents = sorted(entities, key=lambda e: e.start)
    runs: list[list[int]] = []
    for i, ent in enumerate(ents):
        if i and _BULLET_GAP.fullmatch(text, ents[i - 1].end, ent.start):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        labels = [ents[i].label for i in run]
        top = max(set(labels), key=labels.count)
        if len(run) < 3 or labels.count(top) * 2 <= len(run):
            continue
        for i in run:
            if ents[i].label != top:
                ents[i] = cut(ents[i], ents[i].start, ents[i].end, text, top)
    return ents
