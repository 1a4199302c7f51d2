"""Whose words "— пояснил он" are when the headline names only a body.

A story headlined "В МИД Казахстана прокомментировали интервью Владимира Зеленского"
opens with a quote and "— пояснил он", and names the official only after it ("По
словам официального представителя МИД Айбека Смадиярова, …"). The nearest man before
the pronoun is the one named in passing in the headline, whose interview is discussed;
the speaker is the official the same paragraph names next. So when the pronoun's
antecedent is an oblique name in a headline that names an organization, and the first
person named after the quote in its paragraph has a title and the right gender, that
person is the antecedent.
"""

from __future__ import annotations

from models.quotes.context import SpeakerContext
from models.quotes.position import entity_cases
from models.quotes.resolve import Person, gender_ok


def _headline_end(text: str) -> int:
    end = text.find("\n")
    return end if end > 0 else -1


def _named_subject(ctx: SpeakerContext, p: Person) -> bool:
    """A speaker in the nominative ("Трамп заявил"); "заявление Трампа" is in passing."""
    if p.position != "speaker":
        return False
    ent = next((e for e in ctx.entities.between(p.start, p.end) if e.label == "PER"), None)
    cases = entity_cases(ctx.text, ent) if ent is not None else frozenset()
    return not cases or "nomn" in cases


def official_after(
    ctx: SpeakerContext, pos: int, gender: str | None, passing: Person
) -> Person | None:
    """The titled person named after ``pos`` in its paragraph who stands in for
    ``passing``, a person named in passing in a headline about a body; else None."""
    head = _headline_end(ctx.text)
    if head < 0 or pos < head:
        return None
    titled = [p for p in ctx.people.between(0, head) if p.normal == passing.normal]
    if not titled:
        return None  # the one named in passing is the one the headline is about
    first = titled[0]
    if first.spoke_at >= 0 or first.position == "subject" or _named_subject(ctx, first):
        return None  # "Токаев прокомментировал…": the headline's subject may speak
    opens = ctx.text[:head].lstrip().split(" ", 1)[0] in ("В", "Во")  # "В Кремле ответили"
    if not opens and not any(e.label == "ORG" for e in ctx.entities.between(0, head)):
        return None
    start = ctx.text.rfind("\n", 0, pos) + 1
    if ctx.text[head:start].strip():
        return None  # only the body's first paragraph
    end = ctx.text.find("\n", pos)
    for p in ctx.people.between(pos, end if end >= 0 else len(ctx.text)):
        if p.position == "addressee":
            continue
        return p if p.titles and gender_ok(p, gender) else None
    return None
