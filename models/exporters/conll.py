"""CoNLL IOB2: one razdel token a line with its tag, sentences separated by a blank line.

Each document starts with a ``-DOCSTART-`` line, as in CoNLL-2003, so readers that
group by document can. The format holds flat named entities only: nested entities,
quotes and speakers are counted in the export notes.
"""

from __future__ import annotations

import re
from pathlib import Path

from models.exporters.common import ExportOptions, ExportReport, Item, note_normal_forms
from models.exporters.tokens import tagged_sentences

SUFFIX = ".conll"
_SPACE = re.compile(r"\s")


class Writer:
    """Writes ``token<TAB>tag`` lines to ``path``."""

    def __init__(self, path: Path, options: ExportOptions, report: ExportReport) -> None:
        self._fh = path.open("w", encoding="utf-8")
        self._report = report
        report.files.append(path)

    def write(self, item: Item) -> None:
        """Append one document: -DOCSTART-, then its sentences."""
        doc, report = item.doc, self._report
        report.left_out["quotes (CoNLL has no place for them)"] += len(doc.quotes)
        report.left_out["speakers (CoNLL has no place for them)"] += sum(
            q.speaker is not None for q in doc.quotes)
        note_normal_forms(report, doc, "CoNLL")
        lines = ["-DOCSTART-\tO", ""]
        for tokens, tags in tagged_sentences(doc.text, doc.entities, report, "IOB2"):
            for tok, tag in zip(tokens, tags):
                lines.append(f"{_SPACE.sub('_', tok.text)}\t{tag}")
            lines.append("")
        self._fh.write("\n".join(lines) + "\n")

    def close(self) -> None:
        """Flush and close the file."""
        self._fh.close()
