"""Who "он"/"она" stands for: the person the text is about at that point.

News keeps one person in focus over several sentences and refers back with a pronoun;
men and women mentioned in passing (an object, a genitive, the topic of a quote) are
not the focus. Centering theory's rule of thumb fits news well, so the antecedent is,
in this order: the subject of the sentence before (or of this one, before the pronoun),
unless that subject is itself a pronoun; the last person quoted; the last subject; the
nearest person. Subjects are names a verb of their clause agrees with
(models.quotes.predicate); a clause opened by "Когда …," is skipped, its subject is
not the sentence's.
"""

from __future__ import annotations

import bisect
import re

from models.quotes.cues import SUBORDINATE
from models.quotes.lexicon import PRONOUNS
from models.quotes.morph import tokenize
from models.quotes.resolve import PRONOUN_WINDOW, SEARCH_BACK, People, Person, paragraph_window

FOCUS_SENTENCES = 3  # sentences back the subject in focus may stand
CHAIN_DEPTH = 3  # pronouns followed back to the name they stand for
_LETTER = re.compile(r"[^\Wx\d_]")  # a letter of the flat text outside masked quotes


def _main_subject(
    people: People, start: int, end: int, gender: str, stop: int | None = None
) -> Person | int | None:
    """The first person that is a subject (or was given a quote) in the sentence
    ``[start, end)`` (up to ``stop``) past an opening subordinate clause; else the
    position of the first pronoun of ``gender`` (it stands for someone already in focus);
    else None. A name outranks a pronoun of an embedded clause ("На вопрос X, готов ли
    он уйти, мэр Y ответил")."""
    sub = SUBORDINATE.match(people.flat, start, end)
    start = sub.end() if sub else start
    stop = end if stop is None else stop
    here = {p.start: p for p in people.between(start, stop)}
    pronoun = None
    for tok in tokenize(people.flat, start, stop):
        if pronoun is None and tok.is_word and PRONOUNS.get(tok.low) == gender:
            pronoun = tok.start
        person = here.get(tok.start)
        if person is not None and person.salient:
            return person  # a subject, or the one a quote was given to
    return pronoun


def focus(people: People, pos: int, gender: str) -> Person | int | None:
    """The subject of the current sentence before ``pos``, else of the nearest of the
    sentences before it (with words outside quotes) that has one: a person, or the
    position of a pronoun of ``gender`` that stands for the one in focus; else None."""
    starts, flat = people.sentences, people.flat
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0:
        return None
    end = starts[i + 1] if i + 1 < len(starts) else len(flat)
    found = _main_subject(people, starts[i], end, gender, stop=pos)
    looked = 0
    for j in range(i - 1, -1, -1):
        if found is not None or looked == FOCUS_SENTENCES or pos - starts[j] > PRONOUN_WINDOW:
            break
        end = starts[j + 1]
        if _LETTER.search(flat, starts[j], end):
            looked += 1
            found = _main_subject(people, starts[j], end, gender)
    return found


def resolve_pronoun(gender: str | None, pos: int, people: People, depth: int = 0) -> Person | None:
    """The person "он"/"она" at ``pos`` stands for: of the right gender (else of unknown
    gender), never an addressee; the subject in focus (through the pronouns that stand
    for it: "Когда X спросил Y…, он сослался… «…», — сказал он"), else the last one
    quoted within 1500 characters, else within this paragraph and the two before the
    last subject ("Силуанов заявил журналисту Юнашеву. «…», — сказал он"), else the
    nearest."""
    if gender not in ("masc", "femn"):
        return None
    before = [p for p in people.before(pos, SEARCH_BACK) if p.position != "addressee"]
    floor = paragraph_window(people.text, pos, PRONOUN_WINDOW, back=2)
    first = focus(people, pos, gender)
    if isinstance(first, int) and depth < CHAIN_DEPTH:
        first = resolve_pronoun(gender, first, people, depth + 1)
    for group in ([p for p in before if p.gender == gender], [p for p in before if not p.gender]):
        if not group:
            continue
        if isinstance(first, Person) and first in group:
            return first
        spoke = [p for p in group if p.spoke_at >= max(0, pos - PRONOUN_WINDOW)]
        if spoke:
            return max(spoke, key=lambda p: p.spoke_at)
        near = (p for p in group if p.salient and p.start >= floor)
        return next(near, group[0])
    return None
