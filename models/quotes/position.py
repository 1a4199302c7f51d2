"""How a name stands in its sentence: the subject, an oblique, or the one who was told.

Both the choice of a speaker in a clause and the antecedent of "он" need it: a name in
the nominative may be the subject ("Силуанов заявил"); after a preposition, as a
noun's genitive ("Сомнения Орлова разделил…") or in another case it is an oblique; after
"журналисту", "в интервью" or "для" it is the addressee, never a source.
"""

from __future__ import annotations

from models.nlp.tokens import Token
from models.quotes.lexicon import (
    ADDRESSEE_HEADS,
    OPINION_NOUNS,
    PREPOSITIONS,
    ROLE_NOUNS,
    SPEECH_NOUNS,
)
from models.quotes.morph import (
    animate_cases,
    is_adjective,
    is_animate_noun,
    is_common_noun,
    name_cases,
    name_parse,
    noun_cases,
    noun_lemma,
    plural_noun,
    tokenize,
)
from models.quotes.predicate import predicate
from models.spans import Entity

TITLE_PHRASE = 7  # words back a title's head may stand before a name


def entity_cases(text: str, ent: Entity) -> frozenset[str]:
    """Cases the entity's words agree on (unknown words do not constrain).

    For a person the first name decides when pymorphy knows it as a name: a guessed
    surname ("Ликсутов" read as a plural genitive) must not veto the nominative, nor
    may a foreign first name that pymorphy knows only as a plural ("Марис Озолс"); a
    lone such word keeps the plural's cases ("памятнику Штефану чел Маре").
    """
    words = [t for t in tokenize(text, ent.start, ent.end) if t.is_word and len(t.text) > 1]
    if ent.label == "PER" and words:
        named = name_cases(words[0].text)
        if named:
            return named
    common: set[str] | None = None
    for tok in words:
        if (
            ent.label == "PER"
            and len(words) > 1
            and name_parse(tok.text) is not None
            and not name_cases(tok.text)
        ):
            continue  # "Марис" read only as "of the Maries": the surname decides the case
        cases = noun_cases(tok.text)
        if cases:
            common = set(cases) if common is None else common & cases
    return frozenset(common or ())


def titles_name(tok: Token) -> bool:
    """ "журналист Виктор Шендерович": a person noun in the nominative is a title, not
    the one told ("журналисту Ивану Петрову")."""
    return is_animate_noun(tok.text) and "nomn" in noun_cases(tok.text)


def genitive_of_noun(toks: list[Token], k: int, cases: frozenset[str]) -> bool:
    """ "Сомнения Орлова разделил и профессор Гусев": a name that may be a genitive, right
    after a common noun (``toks[k]``) that heads no title and stands in no prepositional
    phrase, is that noun's complement, not the subject."""
    if k < 0 or (cases and "gent" not in cases) or not toks[k].is_word:
        return False  # an indeclinable name ("обмен Савченко") may be a genitive too
    if not is_common_noun(toks[k].text) or _is_person_noun(toks[k].text):
        return False
    j = k - 1
    while j >= 0 and toks[j].is_word and (toks[j].low == "и" or _in_noun_phrase(toks[j].text)):
        if _is_person_noun(toks[j].text):
            return False  # "министр курортов и туризма Крыма В. Волченко": a title
        j -= 1
    return not (j >= 0 and toks[j].low in PREPOSITIONS)


def apposed_cases(toks: list[Token], k: int, cases: frozenset[str]) -> frozenset[str]:
    """ "словами кота Леопольда", "адвокат киллера Заура Дадаева": a name right after a
    person noun (``toks[k]``) it can agree with is in apposition to it and takes its case;
    one that cannot agree ("помощник губернатора Андрей Лапин") stands apart."""
    if k < 0 or not cases or not toks[k].is_word or not _is_person_noun(toks[k].text):
        return cases
    shared = cases & noun_cases(toks[k].text)
    return shared or cases


def _in_noun_phrase(word: str) -> bool:
    return is_adjective(word) or noun_lemma(word) is not None


def _is_person_noun(word: str) -> bool:
    return noun_lemma(word) in ROLE_NOUNS or is_animate_noun(word)


def told(toks: list[Token], k: int, person: frozenset[str] | None = None) -> bool:
    """Whether the word before a name (``toks[k]``) makes it the addressee or a channel.

    ``person``: the cases of a person's name. A name in apposition to the addressee
    shares its case and number ("журналисту Ивану Петрову"); one that cannot is the
    subject after it ("— сказал журналистам Иван Петров").
    """
    if k < 0 or not toks[k].is_word:
        return False
    if toks[k].low == "для":
        return True
    if noun_lemma(toks[k].text) not in ADDRESSEE_HEADS or titles_name(toks[k]):
        return False
    if person is None:
        return True
    if plural_noun(toks[k].text):
        return False
    return not person or bool(person & noun_cases(toks[k].text))


def _title_case_oblique(toks: list[Token]) -> bool:
    """ "на похоронах итальянского политика Сильвио Берлускони": a name in apposition to
    a title takes the case of the title's head (its first person noun; the nouns after
    it are complements: "помощник российского президента Юрий Ушаков"); a head that
    cannot be a nominative person noun makes an indeclinable name an oblique too."""
    run: list[Token] = []
    for tok in reversed(toks[-TITLE_PHRASE:]):
        if not tok.is_word or tok.low in PREPOSITIONS or not _in_noun_phrase(tok.text):
            break
        run.insert(0, tok)
    head = next((t for t in run if _is_person_noun(t.text) and not is_adjective(t.text)), None)
    return head is not None and "nomn" not in animate_cases(head.text)


def _owns_words(toks: list[Token], k: int, cases: frozenset[str]) -> bool:
    """Whether a name in the genitive follows a noun for someone's words or view."""
    return (
        k >= 0
        and (not cases or "gent" in cases)
        and noun_lemma(toks[k].text) in SPEECH_NOUNS | OPINION_NOUNS
    )


def name_position(text: str, ent: Entity, gender: str | None = None) -> str:
    """ "speaker" (the subject of a speech verb), "subject", "oblique" or "addressee" for
    a person's name (of ``gender``, when pymorphy knows it) where it stands."""
    toks = tokenize(text, max(0, ent.start - 80), ent.start)
    k = len(toks) - 1
    cases = entity_cases(text, ent)
    if told(toks, k, cases):
        return "addressee"
    if k >= 0 and toks[k].low in PREPOSITIONS:
        return "oblique"
    if (cases and "nomn" not in cases) or genitive_of_noun(toks, k, cases):
        # "Мнение Михалкова прозвучало…", "слова Пескова": the one whose words they are
        return "speaker" if _owns_words(toks, k, cases) else "oblique"
    if _title_case_oblique(toks):
        return "oblique"
    found = predicate(text, ent, gender)
    if found is None:
        return "oblique"
    return "speaker" if found.kind == "speech" else "subject"
