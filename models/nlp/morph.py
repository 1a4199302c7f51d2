"""The one way into pymorphy: natasha's MorphVocab, loaded once per process, with caches.

natasha's MorphVocab carries the hotfix that lets pymorphy2 load on Python 3.11 and loads
in a third of a second without natasha's neural models, so search, "apply to all" and the
quote rules can ask for lemmas before (or without) NER. NER normalizes with the same object.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from typing import Any

_LOCK = threading.Lock()


def fold(word: str) -> str:
    """Lower case with ё read as е, the way Russian is usually typed."""
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=1)
def _load() -> Any:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from natasha import MorphVocab

    return MorphVocab()


def vocab() -> Any:
    """natasha's MorphVocab (pymorphy underneath); safe to call from any thread."""
    with _LOCK:
        return _load()


@lru_cache(maxsize=50_000)
def parses(word: str) -> tuple[Any, ...]:
    """pymorphy's parses of ``word`` as given (callers pass it lower-cased), cached."""
    return tuple(vocab().parse(word))


@lru_cache(maxsize=200_000)
def normal_forms(word: str) -> frozenset[str]:
    """Every normal form pymorphy offers for ``word``, folded (ё as е)."""
    return frozenset(fold(p.normal_form) for p in parses(fold(word)))


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The normal form of the most likely reading of ``word``, lower case."""
    found = parses(word.lower())
    return found[0].normal_form if found else word.lower()
