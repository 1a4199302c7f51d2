"""razmetka's tokens for spaCy: razdel's, split at blank lines first, as every export has them.

A spaCy pipeline that tokenizes its own way misaligns with the exported DocBins
(``Лента.ру``, ``В.Л.``, ``S&P`` are one razdel token and several spaCy ones), and such
entities give no training signal. The spaCy export's ``config.cfg`` therefore names this
tokenizer (``@tokenizers = "razmetka.razdel_tokenizer.v1"``). spaCy finds it through the
``spacy_tokenizers`` entry point when razmetka is installed, or through this very file,
which the export copies beside the config (``spacy train config.cfg --code
razdel_tokenizer.py``): it needs spaCy and razdel, nothing of razmetka.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

NAME = "razmetka.razdel_tokenizer.v1"
# Blank lines end a paragraph; razdel does not end a sentence there on its own.
PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


def sentences(text: str) -> list[list[tuple[int, int, str]]]:
    """``(start, end, text)`` of each token, grouped in sentences: paragraphs, then razdel."""
    from razdel import sentenize, tokenize

    out = []
    for para in PARAGRAPH.finditer(text):
        for sent in sentenize(para.group()):
            base = para.start() + sent.start
            toks = [(base + t.start, base + t.stop, t.text) for t in tokenize(sent.text)]
            if toks:
                out.append(toks)
    return out


class RazdelTokenizer:
    """A spaCy tokenizer: razdel's tokens, the text reproduced exactly."""

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Any:
        """The Doc of ``text``; whitespace other than one space becomes its own token."""
        from spacy.tokens import Doc
        from spacy.util import get_words_and_spaces

        words = [t for sent in sentences(text) for _, _, t in sent]
        words, spaces = get_words_and_spaces(words, text)
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Any]:
        """Tokenize a stream of texts."""
        for text in texts:
            yield self(text)

    # It has no state; these let nlp.to_disk / spacy.load round-trip a trained pipeline.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return json.dumps({"tokenizer": NAME}).encode()

    def from_bytes(self, data: bytes, **kwargs: Any) -> RazdelTokenizer:
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        Path(path).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, **kwargs: Any) -> RazdelTokenizer:
        return self


def create_tokenizer() -> Callable[[Any], RazdelTokenizer]:
    """The registered function: spaCy calls it, then the result with the nlp object."""

    def make(nlp: Any) -> RazdelTokenizer:
        return RazdelTokenizer(nlp.vocab)

    return make
