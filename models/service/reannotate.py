"""Re-running the pre-annotation over stored documents: new model snapshots, on request.

The rules change (the ORG span is now the name inside «»); an old database keeps the
snapshots the old rules made, and nothing migrates silently. ``reannotate`` is the
explicit step: it runs the pre-annotation again and replaces only each document's model
snapshot (the predictions the review diff and ``evaluate`` compare against). The
curated spans stay as they are, unless ``refresh`` is asked for: then the spans that are
still untouched model suggestions follow the new snapshot (refresh.py), committed
through the service like any edit, so they are in the event log and never touch what a
person made. The report says what changed, and what a refresh would change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from models.changes import ChangeSet
from models.service.annotation import AnnotationService
from models.service.refresh import (
    Refresh,
    declined,
    refresh_entities,
    refresh_quotes,
    untouched,
)
from models.spans import Document

REFRESH = "Refresh model suggestions"
Predict = Callable[[Document], Document]


@dataclass
class ReannotateReport:
    """What a re-run did, in counts (and one line per document that failed)."""

    documents: int = 0
    snapshots_changed: int = 0
    refreshed_documents: int = 0  # with --refresh: changed; without: would change
    counts: Counter[str] = field(default_factory=Counter)  # "entities added", …
    human_spans: int = 0  # curated spans a person made or reviewed: never touched
    errors: list[str] = field(default_factory=list)


def reannotate(
    service: AnnotationService,
    statuses: Iterable[str] | None = None,
    refresh: bool = False,
    predict: Predict | None = None,
    progress: Callable[[int], None] | None = None,
) -> ReannotateReport:
    """Recompute the model snapshot of every document (with one of ``statuses``).

    ``refresh`` also brings the untouched suggestions up to the new snapshot; without
    it the report counts what a refresh would change. ``predict`` is the
    pre-annotation (models.pipeline's by default); ``progress(done)`` after each
    document.
    """
    run = predict or _pipeline()
    report = ReannotateReport()
    store = service.store
    for doc in store.iter_documents(None if statuses is None else list(statuses)):
        try:
            model = run(doc)
        except Exception as exc:  # one document's failure never stops the batch
            report.errors.append(f"{doc.id} ({doc.meta.get('file', '')}): {exc}")
            continue
        report.documents += 1
        report.snapshots_changed += store.replace_predictions(model)
        report.human_spans += sum(not untouched(e) for e in doc.entities)
        report.human_spans += sum(not untouched(q) for q in doc.quotes)
        if _refresh(service, doc, model, refresh, report.counts):
            report.refreshed_documents += 1
        if progress is not None:
            progress(report.documents)
    return report


def _pipeline() -> Predict:
    """The pre-annotation itself (natasha is loaded on its first document)."""
    from models.pipeline import predict

    return predict


def _refresh(
    service: AnnotationService,
    doc: Document,
    model: Document,
    commit: bool,
    counts: Counter[str],
) -> bool:
    """Refresh (or only count) one document's untouched suggestions; whether any."""
    gone_entities, gone_quotes = declined(service.store.events(doc.id), REFRESH)
    entities = refresh_entities(doc, model, gone_entities)
    if commit and entities.changes:
        service.commit(ChangeSet(f"{REFRESH} (entities)", entities.changes))
        doc = service.store.document(doc.id)  # new entities have ids: speakers link
    quotes = refresh_quotes(doc, model, gone_quotes)
    if commit and quotes.changes:
        service.commit(ChangeSet(f"{REFRESH} (quotes)", quotes.changes))
    _count(counts, "entities", entities)
    _count(counts, "quotes", quotes)
    return bool(entities.changes or quotes.changes)


def _count(counts: Counter[str], kind: str, done: Refresh) -> None:
    counts[f"{kind} updated"] += done.updated
    counts[f"{kind} added"] += done.added
    counts[f"{kind} removed"] += done.removed
