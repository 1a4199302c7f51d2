"""Native JSON/JSONL (the DESIGN.md shape): spans in the record become imported gold.

Reading goes through ``jsonshape.document_from_json``, the same validation ``annotate``
output and the native export obey; on top, quotes may not overlap each other. News meta
and noise are recognized in the text as for a plain .txt, the record's meta winning.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from models.io.importers.common import Record, check_quotes
from models.io.ingest import parse_news
from models.io.jsonshape import document_from_json


def read_record(obj: Any, labels: frozenset[str]) -> Record:
    """One native record to a Record; raises RecordError for a bad one."""
    doc = document_from_json(obj, labels)
    check_quotes(doc)
    news, noise = parse_news(doc.text)
    return Record(replace(doc, meta={**news, **doc.meta}, noise=tuple(noise)))
