"""CoNLL IOB2: one razdel token a line with its tag, sentences separated by a blank line.

Each document starts with a ``-DOCSTART-`` line, as in CoNLL-2003, so readers that
group by document can. The format holds flat named entities only: nested entities,
quotes and speakers are counted in the export notes.
"""

from __future__ import annotations

import re

from models.io.exporters.common import Item, LineWriter, note_no_quotes, note_normal_forms
from models.io.exporters.tokens import count_tagged, tagged_sentences

SUFFIX = ".conll"
PROSE = True  # the noise is cut out (outgoing.without_noise)
_SPACE = re.compile(r"\s")


class Writer(LineWriter):
    """Writes ``token<TAB>tag`` lines to ``path``."""

    def write(self, item: Item) -> None:
        """Append one document: -DOCSTART-, then its sentences."""
        doc, report = item.doc, self._report
        note_no_quotes(report, doc, "CoNLL")
        note_normal_forms(report, doc, "CoNLL")
        lines = ["-DOCSTART-\tO", ""]
        sents = tagged_sentences(doc.text, doc.entities, report, "IOB2")
        count_tagged(report, item.part, sents)
        for tokens, tags in sents:
            for tok, tag in zip(tokens, tags):
                lines.append(f"{_SPACE.sub('_', tok.text)}\t{tag}")
            lines.append("")
        self._fh.write("\n".join(lines) + "\n")
