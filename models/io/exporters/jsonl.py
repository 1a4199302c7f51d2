"""Native JSON lines: the DESIGN.md shape, one document a line; nothing is left out.

This is the lossless format (normal forms, origins, speakers' entity links, meta,
status), the one ``import`` reads back to give identical annotations.
"""

from __future__ import annotations

import json

from models.io.exporters.common import Item, LineWriter
from models.io.jsonshape import document_to_json

SUFFIX = ".jsonl"


class Writer(LineWriter):
    """Writes one JSON object a line to ``path``."""

    def write(self, item: Item) -> None:
        """Append one document."""
        self._fh.write(json.dumps(document_to_json(item.doc), ensure_ascii=False) + "\n")
