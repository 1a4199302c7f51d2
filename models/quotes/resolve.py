"""Resolving a pronoun, role noun or bare surname to a person named earlier.

News names a speaker once ("Губернатор Кузбасса Илья Середюк") and then refers back
with "он", "глава региона" or "Середюк". Annotators want the full name in ``normal``,
so these rules pick the antecedent: the last person of the right gender for a pronoun;
for a role noun, the last person introduced with the same or a synonymous title, else
the last person with no conflicting title (or a close one despite a different title).
A specific synonym outranks a generic one ("градоначальник" is the "мэр", before the
"глава" of a region), and a complement that fits the title outranks one that does not
("министр финансов" is the "глава Минфина").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from models.nlp.morph import parses
from models.nlp.tokens import Token
from models.quotes.chain import MARKS_CLOSE, MARKS_OPEN
from models.quotes.index import Ranges
from models.quotes.lexicon import LEGAL_FORMS, PREPOSITIONS, ROLE_NOUNS
from models.quotes.morph import (
    is_adjective,
    is_animate_noun,
    is_participle,
    is_patronymic,
    known_gender,
    name_cases,
    name_parse,
    noun_cases,
    noun_gender,
    noun_lemma,
    person_gender,
    role_noun,
    tokenize,
)
from models.quotes.position import entity_cases, name_position
from models.quotes.predicate import predicate
from models.quotes.ranks import ACTING, Rank, rank_of
from models.spans import Entity

TITLE_WINDOW = 4  # words before a name that may be its title
TITLE_PHRASE = 7  # words back a title's head may stand ("представитель Министерства …")
CLOSE_ENOUGH = 400  # characters: a different title still yields to a person this close
SEARCH_BACK = 50  # persons: how far back an antecedent is looked for
PRONOUN_WINDOW = 1500  # characters: how far back a subject or speaker outranks the nearest


class Person:
    """A PER mention outside quotes; gender and titles are looked up only when asked."""

    __slots__ = (
        "_ent",
        "_gender",
        "_position",
        "_rank",
        "_text",
        "_title_words",
        "_titles",
        "end",
        "normal",
        "spoke_at",
        "start",
    )

    def __init__(self, text: str, ent: Entity, normal: str) -> None:
        self.start, self.end, self.normal = ent.start, ent.end, normal
        self._text, self._ent = text, ent
        self._gender: str | bool | None = False
        self._titles: frozenset[str] | None = None
        self._title_words: frozenset[str] | None = None
        self._position: str | None = None
        self._rank: Rank | bool | None = False
        self.spoke_at = -1  # where this person was last a quote's speaker (a mention)

    @property
    def position(self) -> str:
        """ "speaker", "subject", "oblique" or "addressee" (quote_position)."""
        if self._position is None:
            self._position = name_position(self._text, self._ent, known_gender(self.normal))
        return self._position

    @property
    def salient(self) -> bool:
        """What "он" refers back to: a subject or someone already quoted."""
        return self.spoke_at >= 0 or self.position in ("subject", "speaker")

    @property
    def gender(self) -> str | None:
        """From the name, unless a feminine title says otherwise ("Певица Ани Лорак":
        pymorphy reads "Ани" as a man's name; masculine titles are worn by women too);
        for a name pymorphy does not know, from the verb it is the subject of ("заявила
        … Хуа Чуньин") before the guess from its ending."""
        if self._gender is False:
            before = tokenize(self._text, max(0, self.start - 40), self.start)[-1:]
            feminine = bool(before) and before[0].is_word and noun_gender(before[0].text) == "femn"
            self._gender = "femn" if feminine else known_gender(self.normal)
            if self._gender is None:
                verb = predicate(self._text, self._ent, None)
                self._gender = (verb and verb.gender) or person_gender(self.normal)
        return self._gender  # type: ignore[return-value]

    @property
    def titles(self) -> frozenset[str]:
        """Role nouns written right before the name ("Губернатор Кузбасса Илья Середюк")."""
        if self._titles is None:
            self._titles = _titles(self._text, self._ent)
        return self._titles

    @property
    def rank(self) -> Rank | None:
        """A deputy's or an acting official's rank and base role (``title_rank``)."""
        if self._rank is False:
            self._rank = title_rank(self._text, self._ent)
        return self._rank  # type: ignore[return-value]

    @property
    def initials(self) -> str:
        """First letters of the title's words (``title_initials``)."""
        return title_initials(self._text, self._ent)

    @property
    def title_abbreviations(self) -> frozenset[str]:
        """Abbreviations in the title, lower case ("Генеральный секретарь ООН" → {"оон"})."""
        return abbreviations(self._text, max(0, self.start - 120), self.start)

    @property
    def title_words(self) -> frozenset[str]:
        """Lemmas of every noun in the title ("министр экономики" → министр, экономика)."""
        if self._title_words is None:
            toks = tokenize(self._text, max(0, self.start - 120), self.start)[-TITLE_WINDOW:]
            self._title_words = frozenset(
                lemma for tok in toks if tok.is_word and (lemma := noun_lemma(tok.text))
            )
        return self._title_words


_ABBREVIATION = re.compile(r"(?P<abbr>[А-ЯЁ]{2,6})[а-яё]{0,2}")


def abbreviations(text: str, start: int, end: int) -> frozenset[str]:
    """Abbreviations in a phrase, lower case ("представитель МИДа" → {"мид"})."""
    found = (_ABBREVIATION.fullmatch(t.text) for t in tokenize(text, start, end))
    return frozenset(m.group("abbr").lower() for m in found if m)


def _key(word: str) -> str:
    return word.lower().replace("ё", "е")


def _is_title_noun(word: str) -> str | None:
    lemma = noun_lemma(word)
    if lemma and (lemma in ROLE_NOUNS or is_animate_noun(word)):
        return lemma
    return role_noun(word)  # "Нападающий «Зенита» X", first read as a participle


def _other_name(tok: Token) -> bool:
    """A name that cannot be a genitive ends a title ("мэр Казани Ильсур Метшин и глава
    Татарстана X"); a genitive one is its complement ("адвокат Шадрикова X")."""
    return name_parse(tok.text) is not None and "gent" not in name_cases(tok.text)


def _title_run(text: str, ent: Entity) -> list[Token]:
    """The nouns and adjectives right before a name: its title phrase."""
    run: list[Token] = []
    after = ent.start
    toks = tokenize(text, max(0, ent.start - 200), ent.start)
    k, words = len(toks) - 1, 0
    while k >= 0 and words < TITLE_PHRASE:
        tok = toks[k]
        opening = _opening_mark(toks, k)
        if opening is not None:  # "главный тренер «Зенита» X": a name in marks
            k, after = opening - 1, toks[opening].start
            if k >= 0 and toks[k].text in LEGAL_FORMS:  # "директор ПАО «Газпром» X"
                k, after = k - 1, toks[k].start
            continue
        # "Губернатор граничащей с Украиной области X", "министр по делам … X"
        governed = tok.low in PREPOSITIONS and k > 0 and _governs_phrase(toks[k - 1])
        k, words = k - 1, words + 1
        if not governed and (not tok.is_word or tok.low in PREPOSITIONS or _other_name(tok)):
            break
        if "\n" in text[tok.end : after]:
            break  # a headline's last word is no title of the lead's first name
        after = tok.start
        word = tok.low == "и" or noun_lemma(tok.text) is not None or is_adjective(tok.text)
        if not governed and not word:
            break
        run.insert(0, tok)
    return run


NAME_IN_MARKS = 5  # words: how long a «name» inside a title may be


def _opening_mark(toks: list[Token], k: int) -> int | None:
    """The index of the mark that opens the «name» whose closing mark is ``toks[k]``."""
    if toks[k].text not in MARKS_CLOSE or k == 0 or not toks[k - 1].is_word:
        return None
    for j in range(k - 1, max(-1, k - 2 - NAME_IN_MARKS), -1):
        if toks[j].text in MARKS_OPEN:
            return j if j < k - 1 else None
    return None


def _governs_phrase(tok: Token) -> bool:
    """A title noun or a participle before a preposition keeps the phrase after it in the
    title ("уполномоченный по правам человека", "граничащей с Украиной")."""
    return tok.is_word and (_is_title_noun(tok.text) is not None or is_participle(tok.text))


def title_rank(text: str, ent: Entity) -> Rank | None:
    """ "заместитель главы МИД X", "и.о. главы района X": the rank of the title's last
    conjunct; an acting word may stand just before the run ("и.о." is no noun)."""
    run = _title_run(text, ent)
    cut = max((k + 1 for k, t in enumerate(run) if t.low == "и"), default=0)
    head = run[cut:]
    before_at = head[0].start if head else ent.start
    before = [t for t in tokenize(text, max(0, before_at - 30), before_at) if t.is_word][-2:]
    acting = rank_of(before + head)
    return rank_of(head) or (acting if acting and acting[0] == ACTING else None)


def title_initials(text: str, ent: Entity) -> str:
    """First letters of a title's words ("представитель Министерства иностранных дел" →
    "пмид", "глава Министерства по чрезвычайным ситуациям" → "гмчс"), for matching an
    abbreviation ("представитель МИДа")."""
    run = _title_run(text, ent)
    return "".join(t.low[0] for t in run if t.low != "и" and t.low not in PREPOSITIONS)


def _titles(text: str, ent: Entity) -> frozenset[str]:
    """The title's head nouns: the first person noun of the noun phrase before the name,
    and those coordinated with it ("писатель и журналист") or standing after a «name»
    ("Гендиректор «Мосфильма» режиссер"); the nouns after the head are
    its complements ("помощник губернатора Андрей Лапин" is an assistant)."""
    run = _title_run(text, ent)
    own = _oblique_title(text, ent, run)
    if own is not None:
        return frozenset([own])
    found: set[str] = set()
    for k, tok in enumerate(run):
        lemma = _is_title_noun(tok.text)
        # "писатель и журналист X"; "Гендиректор «Мосфильма» режиссер X": after a «name»
        # a person noun is a title of its own
        after_name = k > 0 and any(ch in MARKS_CLOSE for ch in text[run[k - 1].end : tok.start])
        if lemma and (not found or run[k - 1].low == "и" or after_name):
            found.add(lemma)
    after = _appositive(text, ent)
    return frozenset(found | {after} if after else found)


def _oblique_title(text: str, ent: Entity, run: list[Token]) -> str | None:
    """ "Адвокат губернатора Ивана Белозерцева X": an oblique name's title is the person
    noun right before it that shares its case, not the head of the whole phrase (which
    belongs to the person after it)."""
    if len(run) < 2:
        return None
    cases = entity_cases(text, ent)
    lemma = _is_title_noun(run[-1].text)
    if not lemma or not cases or "nomn" in cases or not cases & noun_cases(run[-1].text):
        return None
    return lemma


def _appositive(text: str, ent: Entity) -> str | None:
    """ "Иван Гуров, чиновник минздрава,": a singular person noun right after the name
    and a comma or dash (adjectives allowed between) is a title too."""
    toks = tokenize(text, ent.end, min(len(text), ent.end + 80))[:4]
    if not toks or toks[0].text not in ",—–":
        return None
    for tok in toks[1:]:
        if not tok.is_word:
            return None
        lemma = _is_title_noun(tok.text)
        if lemma:
            singular = any(p.tag.number == "sing" for p in parses(tok.low)[:1])
            return lemma if singular else None
        if not is_adjective(tok.text):
            return None
    return None


class NameIndex:
    """Full names (two words or more) of the document's persons, by surname."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.by_surname: dict[str, str] = {}
        for ent in entities:
            parts = clean_name(ent.normal or ent.text).split()
            if any(_INITIAL.fullmatch(p) for p in parts):
                continue  # "В. В. Путин" names no one fully
            if ent.label == "PER" and len(parts) > 1 and not is_patronymic(parts[-1]):
                key = _key(parts[-1])
                if len(parts) > len(self.by_surname.get(key, "").split()):
                    self.by_surname[key] = " ".join(parts)

    def _by_first_name(self, first: str) -> str | None:
        """ "Владимир Вольфович": the one full name with that first name, else None."""
        found = {n for n in self.by_surname.values() if _key(n.split()[0]) == _key(first)}
        return found.pop() if len(found) == 1 else None

    def knows(self, word: str) -> bool:
        """Whether ``word`` (any case form) is the surname of a fully named person."""
        key = _key(word)
        return key in self.by_surname or any(_same_surname(s, key) for s in self.by_surname)

    def of(self, text: str, normal: str) -> str:
        """The full name for a mention: a surname alone ("Вертинский") takes the full name
        this document gives that surname, whatever first name the entity's normal form
        carries (it may come from a merged span)."""
        words = normal.split()
        if len(words) == 2 and is_patronymic(words[1]):
            return self._by_first_name(words[0]) or normal
        if len(text.split()) == 1 and len(words) > 1:
            found = self.full(words[-1])
            if found != words[-1]:
                return found
        return self.full(normal)

    def full(self, normal: str) -> str:
        """A surname alone, or after initials ("В. В. Путин"), replaced by the longest
        full name ending with it (whose first name has the first initial)."""
        words = _GLUED_INITIAL.sub(r"\1 ", normal).split()  # "А.Лапин" is "А. Лапин"
        initials = [w for w in words[:-1] if _INITIAL.fullmatch(w)]
        if len(words) != 1 and len(initials) != len(words) - 1:
            return clean_name(normal)
        exact = self.by_surname.get(_key(words[-1]))
        if exact and _initials_fit(initials, exact):
            return exact
        best = ""
        for surname, name in self.by_surname.items():
            if (
                _same_surname(surname, words[-1])
                and len(name.split()) > len(best.split())
                and _initials_fit(initials, name)
            ):
                best = name
        return best or normal


class People(Sequence[Person]):
    """The document's persons in text order, with a fast "who came before" query."""

    def __init__(
        self,
        persons: Sequence[Person] = (),
        text: str = "",
        flat: str = "",
        sentences: Sequence[int] = (0,),
    ) -> None:
        self.items = list(persons)
        self.starts = [p.start for p in self.items]
        self.text = text
        self.flat = flat or text  # the text with quote contents masked
        self.sentences = list(sentences)  # sentence starts outside quotes

    def mark_speaker(self, start: int, normal: str) -> None:
        """Note that the person at ``start`` (or the last one before it with this normal
        form, for a pronoun or title that stands for them) spoke there."""
        i = bisect.bisect_left(self.starts, start)
        if i < len(self.items) and self.items[i].start == start:
            self.items[i].spoke_at = start
            return
        for p in self.before(start, SEARCH_BACK):
            if p.normal == normal:
                p.spoke_at = start
                return

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        return self.items[i]

    def __len__(self) -> int:
        return len(self.items)

    def before(self, pos: int, limit: int = 50) -> list[Person]:
        """Up to ``limit`` persons ending before ``pos``, nearest first."""
        i = bisect.bisect_left(self.starts, pos)
        return [p for p in reversed(self.items[max(0, i - limit - 2) : i]) if p.end <= pos][:limit]

    def between(self, start: int, end: int) -> list[Person]:
        i = bisect.bisect_left(self.starts, start)
        return self.items[i : bisect.bisect_left(self.starts, end)]

    def without(self, start: int, end: int) -> People:
        """The same persons but those named in ``[start, end)``."""
        kept = [p for p in self.items if not start <= p.start < end]
        return People(kept, self.text, self.flat, self.sentences)


def persons(
    text: str,
    entities: Sequence[Entity],
    blocked: Ranges,
    names: NameIndex,
    flat: str = "",
    sentences: Sequence[int] = (0,),
) -> People:
    """PER entities outside ``blocked`` ranges (quotes), in text order; ``flat`` and
    ``sentences`` are the layout's masked text and sentence starts."""
    found = [
        Person(text, e, names.of(e.text, e.normal or e.text))
        for e in entities
        if e.label == "PER" and not blocked.contains(e.start)
    ]
    return People(found, text, flat, sentences)


_INITIAL = re.compile(r"[А-ЯЁA-Z]\.?")
_GLUED_INITIAL = re.compile(r"(?<![\w.])([А-ЯЁA-Z]\.)(?=[А-ЯЁA-Z])")


def _initials_fit(initials: list[str], name: str) -> bool:
    """Whether the first initial is the first letter of the full name's first word."""
    return not initials or name[:1].upper() == initials[0][:1]


def _same_surname(a: str, b: str) -> bool:
    a, b = _key(a), _key(b)
    if a == b:
        return True
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= 4 and n >= max(len(a), len(b)) - 2


def clean_name(normal: str) -> str:
    """Drop words natasha glued before a name ("Минцифры Максут Шадаев")."""
    words = normal.split()
    while len(words) > 2 and name_parse(words[0]) is None and name_parse(words[1]) is not None:
        words = words[1:]
    return " ".join(words)


def gender_ok(person: Person, gender: str | None) -> bool:
    return gender not in ("masc", "femn") or person.gender in (None, gender)


def paragraph_window(text: str, pos: int, limit: int = 900, back: int = 1) -> int:
    """Start of the paragraph ``back`` paragraphs before ``pos``'s paragraph (or
    ``limit`` characters back)."""
    floor = max(0, pos - limit)
    para = text.rfind("\n", floor, pos)
    for _ in range(back):
        if para < 0:
            return floor
        while para > floor and text[para - 1].isspace():
            para -= 1
        para = text.rfind("\n", floor, para)
    return para + 1 if para >= 0 else floor
