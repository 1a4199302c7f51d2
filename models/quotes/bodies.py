"""Which organization named before a body phrase of common nouns stands for.

After "В Новосибирском зоопарке родился детеныш барса" a writer says "— сообщили в
пресс-службе зоопарка"; after "Минпросвещения ответило на критику", "— заявили в
министерстве просвещения"; after "Минфин предложил налоги" and a paragraph about a
party, "— пояснили в министерстве". The phrase names no one itself: its source is the
organization whose name holds its nouns, either as the same word ("зоопарк") or as the
compound abbreviation Russian forms from them ("министерство просвещения" →
"Минпросвещения", "министерство" → "Минфин"), not the body named last.
"""

from __future__ import annotations

from models.quotes.anaphora import window_start
from models.quotes.context import SpeakerContext, is_media
from models.quotes.lexicon import ABBREVIATED_BODY_NOUNS, ANAPHORIC_BODY_NOUNS
from models.quotes.mentions import Mention
from models.quotes.morph import is_adjective, noun_lemma, tokenize
from models.spans import Entity

FAR_BACK = 3000  # characters: a ministry may be named in the headline


def _lemmas(ctx: SpeakerContext, start: int, end: int) -> list[str]:
    return [n for t in tokenize(ctx.text, start, end) if t.is_word and (n := noun_lemma(t.text))]


def _words(ctx: SpeakerContext, ent: Entity) -> set[str]:
    """The organization's words, lower case, as written and as lemmas."""
    toks = [t for t in tokenize(ctx.text, ent.start, ent.end) if t.is_word]
    return {t.low for t in toks} | {n for t in toks if (n := noun_lemma(t.text))}


def _abbreviates(word: str, generic: str, specific: set[str]) -> bool:
    """ "минпросвещения" ~ министерство + просвещение, "минфин" ~ министерство: the
    generic noun's short form opens the word, the complement (if any) goes on it."""
    short = ABBREVIATED_BODY_NOUNS.get(generic)
    if short is None or not word.startswith(short) or len(word) <= len(short):
        return False
    if is_adjective(word):
        return False  # "Минский завод" is no ministry
    rest = word[len(short) :]
    return not specific or any(rest.startswith(s[:3]) for s in specific)


def _fits(words: set[str], generic: set[str], specific: set[str]) -> bool:
    if specific & words:
        return True
    return any(_abbreviates(w, g, specific) for w in words for g in generic)


def named_body(ctx: SpeakerContext, m: Mention) -> str | None:
    """The normal form of the organization the body phrase ``m`` stands for, else None."""
    nouns = _lemmas(ctx, m.start, m.end)
    generic = {n for n in nouns if n in ANAPHORIC_BODY_NOUNS}
    specific = set(nouns) - generic
    if not specific and not generic & ABBREVIATED_BODY_NOUNS.keys():
        return None  # "в ведомстве": any body fits, the last one named (body_before)
    start = window_start(ctx, m.start) if specific else max(0, m.start - FAR_BACK)
    for ent in reversed(ctx.entities.between(start, m.start)):
        if ent.label != "ORG" or ctx.blocked.contains(ent.start):
            continue
        if is_media(ent, ctx.text):
            continue
        if _fits(_words(ctx, ent), generic, specific):
            return ent.normal
    return None
