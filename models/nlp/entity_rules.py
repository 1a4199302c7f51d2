"""natasha's spans of one document, brought to the annotation conventions.

natasha is a good tagger with systematic misses on news: it joins a name and its
bracketed twin, takes the legal form into an organization, tags titles of films and
ships as organizations, calls the EU a place, and forgets a surname it found a paragraph
before. Each rule lives in its own module and reads only the document's text, natasha's
spans and pymorphy's dictionary (models.nlp.morph), so the rules hold for text never seen;
this module runs them in order.
"""

from __future__ import annotations

from models.nlp.entity_join import join_names, with_adjectives
from models.nlp.entity_labels import check_labels
from models.nlp.entity_quoted import apply_quoted
from models.nlp.entity_split import label_lists, split_spans
from models.nlp.entity_spread import spread_names
from models.nlp.surnames import resolve_surnames
from models.spans import Entity


def refine(text: str, entities: list[Entity]) -> list[Entity]:
    """The entities of one document after the rules, in text order.

    Parameters
    ----------
    text:
        The document text the offsets point into.
    entities:
        natasha's spans (trimmed, with normal forms) for the whole document.
    """
    ents = apply_quoted(text, entities)
    ents = split_spans(text, ents)
    ents = join_names(text, ents)
    ents = label_lists(text, ents)
    ents = check_labels(text, ents)
    ents = with_adjectives(text, ents)
    ents = resolve_surnames(text, ents)
    ents = spread_names(text, ents)
    return sorted(ents, key=lambda e: (e.start, -e.end))
