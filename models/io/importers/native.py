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
    """One native record to a Record; raises RecordError for a bad one.

    A record id that is not the content hash is the source's own name for the
    document: it is kept as ``meta.source_id``. ``meta.noise`` (what the export lists)
    is dropped: the noise is found in the text again.
    """
    doc = document_from_json(obj, labels)
    check_quotes(doc)
    news, noise = parse_news(doc.text)
    meta = {**news, **doc.meta}
    meta.pop("noise", None)
    rid = obj.get("id")
    if isinstance(rid, (str, int)) and str(rid) not in ("", doc.id):
        meta.setdefault("source_id", str(rid))
    return Record(replace(doc, meta=meta, noise=tuple(noise)))
