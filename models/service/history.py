"""Who last touched a span, and when: read back from the append-only event log.

The status bar describes the selected span with its review state and, for a span a
person confirmed, changed or added, the name and the time of that edit. The log is the
one record of both (a span keeps only its annotator), so the window asks here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.store.store import Store


@dataclass(frozen=True, slots=True)
class SpanEdit:
    """One logged edit of a span: who (None: no name given), when (aware, UTC), what."""

    annotator: str | None
    at: datetime
    action: str
    operation: str | None


def last_edit(store: Store, doc_id: str, kind: str, span_id: int) -> SpanEdit | None:
    """The newest logged edit of the ``kind`` ("entity" or "quote") span ``span_id``."""
    event = store.last_span_event(doc_id, kind, span_id)
    if event is None:
        return None
    return SpanEdit(
        event["annotator"], datetime.fromisoformat(event["at"]), event["action"], event["operation"]
    )
