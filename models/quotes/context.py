"""What attribution knows of the whole document besides the clause: the shared context.

Its own module so that the anaphora rules and the speaker choice, which both read it,
depend on it and not on each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.quotes.index import EntityIndex, Ranges
from models.quotes.lexicon import MEDIA_WORDS
from models.quotes.mentions import Mention
from models.quotes.resolve import NameIndex, People
from models.spans import Entity

_DOMAIN = re.compile(r"^\S+\.(?:ru|ру|рф|com|org|net|info|io|ua|by|kz|uz)$")


@dataclass
class SpeakerContext:
    """What attribution needs from the document besides the clause itself."""

    text: str
    entities: EntityIndex
    names: NameIndex
    blocked: Ranges = field(default_factory=Ranges)
    people: People = field(default_factory=People)


def is_media(m: Mention | Entity, text: str) -> bool:
    """Whether a mention (or an entity) names an outlet (a newspaper, an agency, a site),
    never a speaker nor the body a generic noun stands for."""
    name = text[m.start : m.end].strip('«»"„“” ').lower()
    return name in MEDIA_WORDS or name.split(" ")[0] in MEDIA_WORDS or bool(_DOMAIN.match(name))
