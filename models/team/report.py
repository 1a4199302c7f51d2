"""The figures of the progress report, gathered from a database (any, team or not).

Everything over time comes from the event logs: the database's own (imports, status
changes, the adjudicator's edits) and, in a team database, each annotator's. Times are
grouped by hour when the log spans two days or less, by day up to about a year, else by
month. Span edits per hour is each person's edits over the hours in which they made any.
The model is scored per label against the documents marked done (the reviewed gold)
with ``compare_annotations``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from models.evaluate import compare_annotations
from models.spans import STATUSES
from models.store import team as tables
from models.store.store import Store
from models.store.team import EventRecord
from models.team.agreement import AgreementReport
from models.team.queries import TeamQueries

UNNAMED = "(no name)"


@dataclass(frozen=True, slots=True)
class Timeline:
    """Values per time bucket: ``x`` labels and one list per series."""

    x: tuple[str, ...]
    series: dict[str, list[float]]


@dataclass(frozen=True, slots=True)
class ReportData:
    """What the report shows, ready to draw (the window's dashboard draws the same)."""

    name: str
    generated: str
    stats: dict[str, Any]
    statuses: Timeline  # the database's documents by status
    done: Timeline  # each annotator's finished versions
    rates: dict[str, tuple[int, int]]  # person → (span edits, hours with edits)
    labels: dict[str, dict[str, int]]  # "gold" and each annotator → label → count
    agreement: AgreementReport | None
    model: dict[str, Any]  # compare_annotations over the documents marked done


def collect(store: Store, name: str = "", threshold: float = 0.5) -> ReportData:
    """Gather every figure of the report from ``store``."""
    events = sorted(tables.iter_events(store), key=lambda e: _instant(e.at))
    buckets = _buckets([_instant(e.at) for e in events])
    queries = TeamQueries(store)
    stats = store.stats()
    labels = {"gold": {**stats["by_label"], "QUOTE": stats["quotes"]}}
    labels.update(tables.version_label_counts(store))
    done = list(store.iter_documents(["done"]))
    model = compare_annotations((d, store.predictions(d.id)) for d in done)
    return ReportData(
        name,
        datetime.now(timezone.utc).isoformat(timespec="seconds"),
        stats,
        _statuses(events, buckets),
        _done_by_annotator(events, buckets),
        _rates(events),
        labels,
        queries.agreement(threshold) if queries.compared_documents() else None,
        model,
    )


def _instant(stamp: str) -> datetime:
    moment = datetime.fromisoformat(stamp)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _bucket_format(first: datetime, last: datetime) -> tuple[str, timedelta]:
    span = last - first
    if span <= timedelta(days=2):
        return "%Y-%m-%d %H:00", timedelta(hours=1)
    if span <= timedelta(days=400):
        return "%Y-%m-%d", timedelta(days=1)
    return "%Y-%m", timedelta(days=1)


def _buckets(times: list[datetime]) -> tuple[str, list[str]]:
    """The label format and every bucket label from the first time to the last."""
    if not times:
        return "%Y-%m-%d", []
    fmt, step = _bucket_format(times[0], times[-1])
    labels: list[str] = []
    t, end = times[0].replace(minute=0, second=0, microsecond=0), times[-1].strftime(fmt)
    while (label := t.strftime(fmt)) <= end:  # zero-padded: text order is time order
        if not labels or labels[-1] != label:
            labels.append(label)
        t += step
    return fmt, labels


def _replay(
    events: Iterable[EventRecord], buckets: tuple[str, list[str]], who: Any
) -> dict[str, list[dict[str, str]]]:
    """Each bucket's state after its events: ``who(event) → {doc_id: status}``."""
    fmt, labels = buckets
    state: dict[str, dict[str, str]] = {}
    per_bucket: dict[str, list[EventRecord]] = {}
    for e in events:
        per_bucket.setdefault(_instant(e.at).strftime(fmt), []).append(e)
    out: dict[str, list[dict[str, str]]] = {}
    for i, label in enumerate(labels):
        for e in per_bucket.get(label, ()):
            mine = state.setdefault(who(e), {})
            if e.action == "import document" and e.doc_id:
                mine.setdefault(e.doc_id, "new")
            elif e.action == "set status" and e.doc_id and isinstance(e.after, dict):
                mine[e.doc_id] = str(e.after.get("status"))
        for key, docs in state.items():
            out.setdefault(key, [{}] * i).append(dict(docs))
    return out


def _statuses(events: list[EventRecord], buckets: tuple[str, list[str]]) -> Timeline:
    """The database's own documents by status, bucket by bucket."""
    states = _replay([e for e in events if e.owner is None], buckets, lambda e: "").get("", [])
    series = {s: [float(sum(v == s for v in snap.values())) for snap in states] for s in STATUSES}
    return Timeline(tuple(buckets[1][: len(states)]), {s: v for s, v in series.items() if any(v)})


def _done_by_annotator(events: list[EventRecord], buckets: tuple[str, list[str]]) -> Timeline:
    """How many of each annotator's versions were done, bucket by bucket."""
    states = _replay([e for e in events if e.owner], buckets, lambda e: e.owner)
    n = len(buckets[1])
    series = {
        owner: [float(sum(v == "done" for v in snap.values())) for snap in snaps]
        + [0.0] * (n - len(snaps))
        for owner, snaps in sorted(states.items())
    }
    return Timeline(tuple(buckets[1]), series)


def _rates(events: list[EventRecord]) -> dict[str, tuple[int, int]]:
    """Span edits and active hours per person (annotators by file, others by name)."""
    edits: Counter[str] = Counter()
    hours: dict[str, set[str]] = {}
    for e in events:
        if e.action in tables.SPAN_ACTIONS:
            person = e.owner or e.annotator or UNNAMED
            edits[person] += 1
            hours.setdefault(person, set()).add(_instant(e.at).strftime("%Y-%m-%d %H"))
    return {p: (edits[p], len(hours[p])) for p in sorted(edits)}
