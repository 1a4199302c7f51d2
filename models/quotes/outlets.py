"""Outlets named before: "— прогнозирует портал" is the portal named last.

News names an outlet once, by its noun and its name ("портал «Кинобизнес сегодня»",
"данные портала kinobusiness.com", "Telegram-канал Mash") and then speaks of "the
portal" or "the edition". A bare outlet noun that is a quote's source stands for the
last outlet so named, as a role noun stands for the person named with that title; its
normal form is the outlet's name.
"""

from __future__ import annotations

import re

from models.nlp.tokens import Token
from models.quotes.context import SpeakerContext
from models.quotes.lexicon import OUTLET_NOUNS
from models.quotes.morph import is_finite_verb, noun_lemma, tokenize

WINDOW = 3000  # characters looked back
LOOKAHEAD = 6  # tokens between the outlet noun and its name ("портал о новостях индустрии «…»")
_CLOSER = {"«": "»", '"': '"', "„": "“", "“": "”"}
_STOP = frozenset(",.;:!?()")
_LATIN = re.compile(r"[A-Za-z][\w.\-]*")


def _quoted(text: str, tok: Token) -> str | None:
    """The name inside the marks opening at ``tok``, if they close on its line."""
    line_end = text.find("\n", tok.end)
    end = text.find(_CLOSER[tok.text], tok.end, line_end if line_end >= 0 else len(text))
    name = text[tok.end : end].strip() if end >= 0 else ""
    return name if 0 < len(name) <= 60 else None


def _name_after(ctx: SpeakerContext, toks: list[Token], i: int) -> str | None:
    """The outlet's name after its noun at ``toks[i]``: a «name», an organization, or a
    Latin name or domain ("Mash", "kinobusiness.com")."""
    for tok in toks[i + 1 : i + 1 + LOOKAHEAD]:
        if tok.text in _CLOSER:
            return _quoted(ctx.text, tok)
        org = [e for e in ctx.entities.between(tok.start, tok.end + 60) if e.start == tok.start]
        if org and org[0].label == "ORG":
            return org[0].normal or org[0].text
        if _LATIN.fullmatch(tok.text):
            return tok.text
        if tok.text in _STOP or (tok.is_word and is_finite_verb(tok.text)):
            return None
    return None


def outlet_before(ctx: SpeakerContext, pos: int) -> str | None:
    """The name of the outlet named last before ``pos`` with an outlet noun, or None."""
    toks = tokenize(ctx.text, max(0, pos - WINDOW), pos)
    found = None
    for i, tok in enumerate(toks):
        if (
            tok.is_word
            and not ctx.blocked.contains(tok.start)
            and noun_lemma(tok.text) in OUTLET_NOUNS
        ):
            found = _name_after(ctx, toks, i) or found
    return found
