"""A speech verb with no subject: "«…», – говорит, и – уехала в ЦШК".

Russian drops the subject of a verb when the person is clear from the sentence before
("Инга Лапина приехала на стройку. «…», — говорит."). The author's words then name no
one (a place after "в" is where the person went or wrote, not the source), and the
speaker is the person in focus, found as for "он"/"она": the verb, or the next one in
the clause that shows a gender ("уехала"), gives the gender.
"""

from __future__ import annotations

from models.quotes.context import SpeakerContext
from models.quotes.mentions import find_mentions
from models.quotes.morph import is_finite_verb, is_speech_cue, verb_features
from models.quotes.salience import resolve_pronoun
from models.quotes.speakers import find_verb
from models.spans import Speaker


def zero_subject(ctx: SpeakerContext, start: int, end: int) -> Speaker | None:
    """The person in focus, when the author's words ``[start, end)`` open with a singular
    personal speech verb and name no nominative source of their own; else None."""
    clause = find_mentions(ctx.text, start, end, ctx.entities.between(start, end))
    words = [t for t in clause.tokens if t.is_word]
    verb = find_verb(clause)
    if not words or not is_speech_cue(words[0].text) or verb is None:
        return None
    if verb.impersonal or verb.quoting or verb.number != "sing":
        return None
    if any(m.nominative() and m.kind in ("PER", "ORG", "role", "pronoun") for m in clause.mentions):
        return None  # someone is named; it is not a zero subject that failed to resolve
    gender = verb.gender or next(
        (
            g
            for t in words[1:]
            if is_finite_verb(t.text) and (g := verb_features(t.text)[0]) in ("masc", "femn")
        ),
        None,
    )
    person = resolve_pronoun(gender, start, ctx.people)
    if person is None:
        return None
    return Speaker(person.start, person.end, ctx.text[person.start : person.end], person.normal)
