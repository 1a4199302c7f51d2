"""«…» that is a name, not speech: organizations, works, products, scare quotes.

Russian news puts quotation marks around names far more often than around speech, so a
quoted span without a speech anchor is a quote only when it does not look like a name.
"""

from __future__ import annotations

import re

from models.nlp.morph import normal_forms
from models.quotes.lexicon import (
    FIRST_PERSON,
    LEGAL_FORMS,
    MEDIA_WORDS,
    NAME_NOUNS,
    ORG_NOUNS,
    OUTLET_NOUNS,
    TITLE_WORDS,
    WEAK_LEMMAS,
)
from models.quotes.marks import MarkSpan
from models.quotes.morph import (
    is_adjective,
    is_finite_verb,
    is_naming_participle,
    is_speech_cue,
    noun_cases,
    noun_lemma,
    tokenize,
)

_END_PUNCT = re.compile(r"[.!?…]\s*$")
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
    toks = tokenize(text, max(0, pos - 80, text.rfind("\n", 0, pos) + 1), pos)  # its line
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


# "по статье 258 УК РФ «Незаконная охота…»", "части 3 статьи 159 УК («мошенничество…»)",
# "возбуждено по статье «незаконная охота…»": the marks hold the article's title as the
# code words it, not anyone's speech. Without a number only "по статье" right before the
# mark is the code's ("в статье «…»" may be a newspaper's).
_LAW_ARTICLE = re.compile(
    r"(?i)(?<!\w)(?:(?:стать[а-яё]*|ст\.)[ \t]*\d+(?:[.\-]\d+)*(?:[ \t]+\w+){0,4}?"
    r"|по[ \t]+(?:стать[а-яё]*|ст\.))[ \t]*\(?[ \t]*$"
)


def law_title(text: str, pos: int) -> bool:
    """Whether the quotation mark at ``pos`` opens the title of a law's article: it
    follows "статья N" (with the code's name or "(" between, nothing else) or "по
    статье"."""
    return _LAW_ARTICLE.search(text, max(0, pos - 60), pos) is not None


# "«Как Россия стала …»", "«Почему дорожает бензин»": an indirect question with no
# question mark is how Russian articles, podcasts and films are titled.
_TITLE_QUESTION = re.compile(
    r"(?:Как|Почему|Зачем|Где|Когда|Сколько|Что|Кто|Куда|Откуда|Чем|Каким|Какой|Какая|Какие)"
    r"\s[^,.;:!?…—–\-«»\"]+$"
)


def title_question(content: str) -> bool:
    """Whether a span is a title worded as an indirect question ("Как Россия стала …"):
    an interrogative word, then one clause with no punctuation at all."""
    return bool(_TITLE_QUESTION.match(content.strip()))


_WORK_NOUNS = NAME_NOUNS - ORG_NOUNS
_MARKS = frozenset('«»"„“”')


def _clause_start(text: str, start: int, end: int) -> int:
    """Where the clause that ends at a colon ``end`` begins (after its last comma)."""
    return max(start, text.rfind(",", start, end) + 1, text.rfind(";", start, end) + 1)


def _colon_clause(text: str, start: int, end: int) -> list[str]:
    """The words of the clause that ends at a colon ``end``."""
    return [t.text for t in tokenize(text, _clause_start(text, start, end), end) if t.is_word]


def names_a_work(text: str, start: int, end: int) -> bool:
    """Whether the clause before a colon has a noun for a work ("его статья называется
    так:", "написал колонку:"), so a title-like span after the colon is that work's title,
    whatever verb the clause has."""
    return any(noun_lemma(w) in _WORK_NOUNS for w in _colon_clause(text, start, end))


def announces_title(text: str, start: int, end: int) -> bool:
    """Whether the clause before a colon speaks of a title ("название которой звучит
    так:", "заголовок гласит:", "называется:"): what follows is a name, whatever it says.
    A clause that quotes the title itself ("в докладе под названием «Итоги» сказано:")
    introduces words from the work."""
    if any(ch in _MARKS for ch in text[_clause_start(text, start, end) : end]):
        return False
    return any(normal_forms(w) & TITLE_WORDS for w in _colon_clause(text, start, end))


_OUTLET_LINE_WORDS = 4


def outlet_headline(text: str, line_start: int, pos: int, content: str) -> bool:
    """Whether the span at ``pos`` is an outlet's headline in a digest line ("Российская
    газета: «СК возбудил дело…»"): the line opens with an outlet's name (a known outlet
    or an outlet noun, up to four words) and a colon, and the headline speaks of others."""
    lead = text[line_start:pos].rstrip()
    if not lead.endswith(":"):
        return False
    found = words(lead)
    if not found or len(found) > _OUTLET_LINE_WORDS:
        return False
    lows = [w.lower() for w in found]
    if not any(w in MEDIA_WORDS or noun_lemma(w) in OUTLET_NOUNS for w in lows):
        return False
    return not any(w.lower().replace("ё", "е") in FIRST_PERSON for w in words(content))


def sentence_like(content: str) -> bool:
    """Whether a quoted span reads as a sentence: two words or more, and a finite verb,
    four words or a final full stop, question or exclamation mark."""
    found = words(content)
    if len(found) < 2:
        return False
    if _END_PUNCT.search(content) or len(found) >= 4:
        return True
    return any(is_finite_verb(w) for w in found)


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
