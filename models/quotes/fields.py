"""Which body a periphrasis by field stands for ("во внешнеполитическом ведомстве").

Russian news names a body once ("МИД Казахстана", "прокуратура области") and then
avoids the repetition with a generic noun and an adjective for the body's field:
"во внешнеполитическом ведомстве РК" is the foreign ministry, "в надзорном ведомстве"
the prosecutor's office, "в финансовом ведомстве" the Minfin. The last body named
before is often another one (an outlet that reported, a ministry it wrote to), so the
body is the nearest one whose name fits the field, looked for back to the headline.
A field fits when a stem of it occurs in the body's words: the adjective's own stem
("финансовый" ~ "Министерство финансов") or a stem of a field it is a synonym for
("внешнеполитический" ~ "иностранных дел", "МИД"; "надзорный" ~ "прокуратура").
"""

from __future__ import annotations

from models.quotes.context import SpeakerContext, is_media
from models.quotes.lexicon import ANAPHORIC_BODY_NOUNS, INSTITUTION_NOUNS
from models.quotes.mentions import Mention, find_mentions
from models.quotes.morph import is_adjective, noun_lemma, parses, tokenize

# Field adjectives whose body's name does not share their stem; short stems are
# abbreviations and must open a word ("мид", "мида"), longer ones may stand inside one.
FIELDS: dict[str, tuple[str, ...]] = {
    "внешнеполитический": ("иностран", "мид", "внешнеполит"),
    "дипломатический": ("иностран", "мид", "дипломат"),
    "надзорный": ("прокурат", "надзор"),
    "военный": ("оборон", "воен"),
    "оборонный": ("оборон",),
    "финансовый": ("финанс", "минфин"),
    "налоговый": ("налог", "фнс"),
    "таможенный": ("таможен", "фтс"),
    "антимонопольный": ("антимонопол", "фас"),
    "следственный": ("следствен", "ск", "ску"),
    "спасательный": ("чрезвычайн", "мчс"),
    "чрезвычайный": ("чрезвычайн", "мчс"),
    "образовательный": ("образован", "просвещен", "минобр"),
    "аграрный": ("сельск", "минсельхоз", "аграр"),
    "энергетический": ("энерг",),
    "транспортный": ("транспорт", "минтранс"),
    "природоохранный": ("природ",),
    "экономический": ("экономи", "минэконом"),
    "миграционный": ("миграц",),
    "санитарный": ("потребнадзор", "санитар"),
    "правоохранительный": ("мвд", "полиц", "внутренн"),
}
FIELD_HEADS = ANAPHORIC_BODY_NOUNS | {"орган"}  # "в надзорном органе"
FAR_BACK = 5000  # characters: the body may be named in the headline
SHORT_STEM = 4


def _adjective_lemma(word: str) -> str | None:
    for p in parses(word)[:2]:
        if p.tag.POS in ("ADJF", "PRTF"):
            return p.normal_form.replace("ё", "е")
    return None


def field_stems(ctx: SpeakerContext, m: Mention) -> tuple[str, ...]:
    """The stems a generic body phrase's field adjectives stand for, or () when the
    phrase has none ("в ведомстве", "в российском ведомстве": no field)."""
    words = [t for t in tokenize(ctx.text, m.start, m.end) if t.is_word]
    nouns = [n for t in words if (n := noun_lemma(t.text))]
    if not nouns or nouns[0] not in FIELD_HEADS:
        return ()  # a document's body keeps no head ("в сообщении военного ведомства")
    stems: list[str] = []
    for tok in words:
        if not is_adjective(tok.text):
            continue
        lemma = _adjective_lemma(tok.text)
        if lemma in FIELDS:
            stems += FIELDS[lemma]
        elif lemma and len(lemma) >= 8 and lemma.endswith(("овый", "ный")):
            stems.append(lemma[:6])  # "финансовый" → "финанс"; not "российский"
    return tuple(stems)


def _fits(word: str, stems: tuple[str, ...], abbreviation: bool) -> bool:
    """A stem inside the word; a short one opens it, or stands anywhere in an
    abbreviation ("мвд" in "УМВД", "ГУМВД")."""
    if len(word) <= 1:
        return False
    return any(
        s in word if len(s) > SHORT_STEM or abbreviation else word.startswith(s) for s in stems
    )


def field_body(ctx: SpeakerContext, m: Mention, stems: tuple[str, ...]) -> str | None:
    """The normal form of the nearest body before ``m`` whose name fits ``stems``: an
    organization, else an institution noun written out ("Прокуратура области")."""
    for tok in reversed(tokenize(ctx.text, max(0, m.start - FAR_BACK), m.start)):
        if not tok.is_word or ctx.blocked.contains(tok.start):
            continue
        if not _fits(tok.low, stems, tok.text.isupper()):
            continue
        orgs = ctx.entities.overlapping(tok.start, tok.end)
        named = [e for e in orgs if e.label == "ORG" and not is_media(e, ctx.text)]
        if named:
            return named[0].normal
        if noun_lemma(tok.text) in INSTITUTION_NOUNS:
            return _institution_phrase(ctx, tok.start)
    return None


def _institution_phrase(ctx: SpeakerContext, start: int) -> str | None:
    """The body phrase that opens at ``start`` ("Прокуратура Свердловской области"), in
    the nominative, as the mention rules build it."""
    end = min(len(ctx.text), start + 120)
    stop = next((i for i in range(start, end) if ctx.text[i] in ".,;:!?\n"), end)
    ents = ctx.entities.between(start, stop)
    clause = find_mentions(ctx.text, start, stop, ents, ctx.blocked.within(start, stop))
    found = [m for m in clause.mentions if m.start == start]
    return found[0].normal if found else None
