"""Speech verbs in a stretch of text, outside quotes: the test every sieve starts from.

Attribution asks of the clause before, after or around a quote whether a speech verb
stands there ("заявил", "говорится", "уверена"), and for the looser sieves whether it is a
strong one: "привести" or "назвать" is often something else, unless its object is a noun
for someone's words ("привел слова министра").
"""

from __future__ import annotations

import re

from models.nlp.morph import normal_forms
from models.nlp.tokens import Token
from models.quotes.context import SpeakerContext
from models.quotes.lexicon import SPEECH_NOUNS, WEAK_LEMMAS
from models.quotes.morph import is_speech_cue, noun_lemma, tokenize

_BY = (
    r"(?:по|согласно)\s+(?:(?P<pron>его|ее|её|их)\s+)?(?:словам|мнению|оценке|оценкам"
    r"|данным|информации|сведениям|утверждению|заявлению|признанию|убеждению|версии"
    r"|сообщению|заключению|прогнозу|подсчетам)"
)
# "по словам X", "согласно заявлению X": X names the source
BY_WORDS = re.compile(rf"(?i)\b{_BY}\b")
BY_WORDS_END = re.compile(rf"(?i)\b{_BY}\s+$")
# A subordinate clause opening a sentence ("Когда он шел к трибуне, X выкрикнул:"): its
# subject is not the sentence's.
SUBORDINATE = re.compile(
    r"(?i)\s*(?:когда|если|пока|хотя|после того как|как только|прежде чем|поскольку"
    r"|так как|потому что|пусть)\s[^,:«»\n]{2,120},\s+(?=\w)"
)


def cue_in(ctx: SpeakerContext, start: int, end: int, strong: bool = False) -> bool:
    """Whether ``text[start:end]`` has a speech verb outside quotes (``strong``: not a
    verb that is often something else, like "привести" or "назвать")."""
    blocked = ctx.blocked.within(start, end)
    toks = tokenize(ctx.text, start, end)
    for i, tok in enumerate(toks):
        if (
            tok.is_word
            and not any(a <= tok.start < b for a, b in blocked)
            and is_speech_cue(tok.text)
            and not (strong and normal_forms(tok.text) & WEAK_LEMMAS and not _words_next(toks, i))
        ):
            return True
    return False


def _words_next(toks: list[Token], i: int) -> bool:
    """ "привел слова министра", "процитировал высказывание": a weak cue with a noun
    for words as its object is a strong one."""
    return any(noun_lemma(t.text) in SPEECH_NOUNS for t in toks[i + 1 : i + 3] if t.is_word)
