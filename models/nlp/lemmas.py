"""Lemmas for full-text search: SQLite FTS5 has no Russian stemming.

Indexing each document's lemmas beside its text lets "Киргизия" find "Киргизии", and a
query is lemmatized the same way before it reaches the index.
"""

from __future__ import annotations

import re

from models.nlp.morph import lemma

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def lemmas(text: str) -> str:
    """The distinct lemmas of a text, space separated, for the search index."""
    seen = dict.fromkeys(lemma(m.group()) for m in _WORD.finditer(text))
    return " ".join(seen)


def query_lemmas(query: str) -> str:
    """A user's query with each word replaced by its lemma."""
    return " ".join(lemma(w) for w in _WORD.findall(query))
