"""Native JSON lines: the DESIGN.md shape, one document a line; nothing is left out.

This is the lossless format (normal forms, origins, speakers' entity links, meta,
status), the one ``import`` reads back to give identical annotations. The text stays
whole; ``meta.noise`` lists the ranges the sentence and token formats leave out
(captions, ad markers, repeated paragraphs, the news header line).
"""

from __future__ import annotations

import json

from models.io.exporters.common import Item, LineWriter
from models.io.exporters.outgoing import noise_of
from models.io.jsonshape import document_to_json

SUFFIX = ".jsonl"


class Writer(LineWriter):
    """Writes one JSON object a line to ``path``."""

    def write(self, item: Item) -> None:
        """Append one document."""
        record = document_to_json(item.doc)
        noise = [{"start": n.start, "end": n.end, "kind": n.kind} for n in noise_of(item.doc)]
        if noise:
            record["meta"]["noise"] = noise
        self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
