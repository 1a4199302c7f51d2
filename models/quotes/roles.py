"""Which person a role noun ("губернатор", "глава ООН", "кинорежиссер") stands for.

News names a person once with a title ("Губернатор Кузбасса Илья Середюк") and later
only by a role noun. The holder is the last person introduced with the same title or
a synonym; a specific synonym outranks a generic one ("градоначальник" is the "мэр",
before the "глава" of a region); a complement that fits the title outranks one that
does not ("министр финансов" is the "глава Минфина"), and a named body that differs
rules a person out ("глава ООН" is not the "президент РФ"). Someone who was only told
("в интервью журналисту X") holds the role only when the title is the same.
"""

from __future__ import annotations

from models.quotes.lexicon import ANONYMOUS_NOUNS, ROLE_GROUPS, ROLE_NOUNS
from models.quotes.morph import is_animate_noun, noun_lemma, tokenize
from models.quotes.ranks import Rank
from models.quotes.resolve import (
    CLOSE_ENOUGH,
    PRONOUN_WINDOW,
    SEARCH_BACK,
    People,
    Person,
    gender_ok,
)
from models.quotes.salience import resolve_pronoun


def complement_of(text: str, start: int, end: int, head: str) -> frozenset[str]:
    """Noun lemmas after a role noun's head ("министр финансов" → {финансы})."""
    words = [noun_lemma(t.text) for t in tokenize(text, start, end) if t.is_word]
    if head not in words:
        return frozenset()
    return frozenset(w for w in words[words.index(head) + 1 :] if w)


def _groups(lemma: str) -> set[int]:
    return {i for i, g in enumerate(ROLE_GROUPS) if lemma in g}


def _generic(lemma: str) -> bool:
    """A role noun of many groups ("глава" heads regions, cities, ministries…)."""
    return len(_groups(lemma)) >= 3


# How much a person's standing counts among equal holders of a role.
SALIENCE = {"speaker": 2, "subject": 1}


def _same_word(a: str, b: str) -> bool:
    """ "кинорежиссер" ~ "режиссер", "тележурналист" ~ "журналист": one title ends the other."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 5 and long.endswith(short)


def _title_score(head: str, titles: frozenset[str]) -> int:
    """3 for the same title or a specific synonym ("градоначальник" ~ "мэр"), 2 for a
    synonym through a generic word ("глава"), 1 for no known title (a nationality or a
    title the lexicon lacks: "россиянка", "чемпионка"), 0 for another one."""
    if head in titles or any(_same_word(head, t) for t in titles):
        return 3
    shared = [t for t in titles if _groups(head) & _groups(t)]
    if shared:
        return 2 if _generic(head) or all(_generic(t) for t in shared) else 3
    return 0 if any(t in ROLE_NOUNS for t in titles) else 1


def _complement_fits(complement: frozenset[str], words: frozenset[str]) -> bool:
    """ "министр финансов" ~ "глава Минфина", "министр экономического развития" ~
    "министр экономического развития": a complement noun's first three letters occur
    in a non-role word of the person's title."""
    return any(c[:3] in w for c in complement if len(c) >= 3 for w in words if w not in ROLE_NOUNS)


def _stem_shared(a: str, b: str) -> bool:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= 6


def _activity_fits(head: str, words: frozenset[str]) -> bool:
    """ "в постановке X" names a постановщик (режиссер), "под руководством X" a
    руководитель: an activity noun before a name shares its stem with the role (a
    person noun there is a complement: "помощник президента" is no president)."""
    mates = {head}.union(*(ROLE_GROUPS[i] for i in _groups(head)))
    activities = [w for w in words if w not in ROLE_NOUNS and not is_animate_noun(w)]
    return any(_stem_shared(w, r) for w in activities for r in mates)


def _score(
    head: str,
    p: Person,
    pos: int,
    complement: frozenset[str],
    abbreviations: frozenset[str],
) -> int | None:
    """How well person ``p`` holds the role (higher is better), or None when not at all."""
    score = _title_score(head, p.titles)
    # "представитель МИДа" ~ "представитель Министерства иностранных дел X" or
    # "представитель МИД РФ X": the same body, spelt out or abbreviated in both
    same_body = abbreviations & p.title_abbreviations
    spelled = score >= 3 and (bool(same_body) or any(a in p.initials for a in abbreviations))
    reach = PRONOUN_WINDOW if spelled else CLOSE_ENOUGH
    if head in ANONYMOUS_NOUNS and (score < 3 or pos - p.end > reach):
        return None  # "представитель Кремля" is the press secretary just named, or no one
    if p.position == "addressee" and score < 3:
        return None  # "в интервью журналисту Юрию Дудю … — заявил кинорежиссер"
    if score <= 1 and _activity_fits(head, p.title_words):
        score = 2  # also one whose other title clashes: people hold several
    named = p.title_abbreviations
    if abbreviations and named:
        score = max(score, 3) + 1 if abbreviations & named else 0  # "глава ООН"
    elif complement and head in p.title_words and not complement & p.title_words:
        score = 0
    elif spelled or (complement and score >= 2 and _complement_fits(complement, p.title_words)):
        score += 1  # the same office named two ways outranks a bare synonym
    if score == 0 and (pos - p.end > CLOSE_ENOUGH or head in ANONYMOUS_NOUNS):
        return None  # "представитель МВД" is no representative of the МИД just named
    return score


def _office_fits(complement: frozenset[str], words: frozenset[str]) -> bool:
    """ "замглавы Минфина" ~ "заместитель министра финансов": a complement, or the
    part of a "Мин…" compound after its prefix, opens a word of the person's title."""
    stems = {c[3:6] if c.startswith("мин") and len(c) > 5 else c[:3] for c in complement}
    return any(w.startswith(s) for s in stems if len(s) == 3 for w in words)


def _ranked_score(
    rank: Rank, p: Person, abbreviations: frozenset[str], complement: frozenset[str]
) -> int | None:
    """ "замглавы МИД" is only a deputy whose chief's title fits ("заместитель главы МИД
    X"), never the chief himself; a named body that differs rules the deputy out."""
    held = p.rank
    if held is None or held[0] != rank[0]:
        return None
    if rank[1] and held[1] and _title_score(rank[1], frozenset([held[1]])) < 2:
        return None
    named = p.title_abbreviations
    if abbreviations and named:
        return 5 if abbreviations & named else None
    if abbreviations and any(a in p.initials for a in abbreviations):
        return 5  # "замглавы МИД" ~ "заместитель министра иностранных дел"
    return 5 if complement and _office_fits(complement, p.title_words) else 4


def resolve_role(
    head: str,
    number: str | None,
    gender: str | None,
    pos: int,
    people: People,
    complement: frozenset[str] = frozenset(),
    abbreviations: frozenset[str] = frozenset(),
    rank: Rank | None = None,
) -> Person | None:
    """The person a singular role noun ("губернатор", "дипломат") stands for, or None.

    A role with a complement ("министр финансов") does not stand for someone who holds
    the same title with another complement ("министр экономики"). An unnamed source
    ("представитель", "источник") stands only for a person just named with that title or
    a synonym ("пресс-секретарь Дмитрий Песков … — отметил представитель Кремля").
    Among equal holders the subject or speaker outranks one named in passing. A ranked
    role ("замминистра", "врио губернатора") stands only for a holder of that rank.
    """
    if number == "plur":
        return None
    best: tuple[int, int, int] | None = None
    chosen = None
    for p in people.before(pos, SEARCH_BACK):
        if not gender_ok(p, gender):
            continue
        if rank is not None:
            score = _ranked_score(rank, p, abbreviations, complement)
        else:
            score = _score(head, p, pos, complement, abbreviations)
        if score is None:
            continue
        key = (score, SALIENCE.get(p.position, 0) if p.spoke_at < 0 else 2, p.start)
        if best is None or key > best:
            best, chosen = key, p
    if chosen is not None and best is not None and best[0] <= 1 and head not in ROLE_NOUNS:
        # "— заявил серб", "— добавила чемпионка": a noun no title matches stands, like
        # "он", for the person in focus
        return resolve_pronoun(gender, pos, people) or chosen
    return chosen


AHEAD = 400  # characters: how far on a lead's role noun may be named ("Президент России X …")


def holder_after(role: str, pos: int, people: People) -> Person | None:
    """ "…президент России начал с шутки. «…», — сказал он.⏎Президент России Владимир
    Путин проводил совещание": a lead that names the role before the person is
    answered by the next person introduced with the same title, close after ``pos``, else
    by the first person named after it, when introduced with a synonym through "глава"
    ("губернатор" ~ "Глава Курской области X")."""
    head = noun_lemma(role.split()[0]) if role else None
    if not head or head in ANONYMOUS_NOUNS:
        return None
    synonym = None
    for k, p in enumerate(people.between(pos, pos + AHEAD)):
        score = _title_score(head, p.titles)
        if score == 3 and p.position != "addressee":
            return p
        if score == 2 and k == 0 and p.position != "addressee" and p.rank is None:
            synonym = p  # "«…»: губернатор ответил⏎Глава Курской области X выступил"
    return synonym
