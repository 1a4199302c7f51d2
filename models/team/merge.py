"""Bringing annotators' files back into a team database, one transaction per file.

Each file is untrusted input (models.store.untrusted opens it; models.team.validate checks
every value) and is either merged whole or refused with one line, leaving the team
database as it was. A document new to the team database is added with the model's
snapshot as its starting gold; each annotator's version is kept beside it. A version
replaces that annotator's stored version only when it differs and its last change is
later (a stale copy of a file never undoes newer work); events are keyed by the file and
event id, so merging a file twice, or a later copy of it, adds each event once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from models.labels import LabelSet, load_labels
from models.spans import Document, Entity, Quote
from models.store import team as tables
from models.store.schema import StoreError
from models.store.store import Store
from models.store.untrusted import UntrustedDatabase
from models.team import validate
from models.team.validate import Invalid


@dataclass
class MergeReport:
    """What one file brought, or why it was refused."""

    path: Path
    annotator: str = ""
    documents: int = 0
    documents_added: int = 0
    versions_added: int = 0
    versions_updated: int = 0
    versions_kept: int = 0  # the team database holds a later version of theirs
    unchanged: int = 0
    events: int = 0
    events_added: int = 0
    refused: str | None = None

    @property
    def changed(self) -> bool:
        """Whether the merge wrote anything."""
        return bool(
            self.documents_added + self.versions_added + self.versions_updated + self.events_added
        )

    def line(self) -> str:
        """One line for the terminal."""
        if self.refused:
            return f"{self.refused}; refused"
        kept = f", {self.versions_kept} older than the merged ones (kept those)" * bool(
            self.versions_kept
        )
        return (
            f"{self.path}: {self.annotator} — {self.documents} documents "
            f"({self.versions_added} new versions, {self.versions_updated} updated, "
            f"{self.unchanged} unchanged{kept}), {self.events_added} of {self.events} events new"
        )


@dataclass
class _Source:
    """A file being merged: its identity and what has been read of it."""

    db: UntrustedDatabase
    corpus_id: str
    file_id: str
    annotator: str
    doc_ids: set[str] = field(default_factory=set)


def check_target(team: Store) -> None:
    """A team database must not be someone's assigned file (StoreError otherwise)."""
    info = tables.corpus_info(team)
    if info.annotator:
        raise StoreError(
            f"{team.path}: is {info.annotator}'s assigned file, not a team database; "
            "merge into a new file or the corpus"
        )


def merge_files(
    team: Store,
    paths: Iterable[Path],
    labels: LabelSet | None = None,
    done: Callable[[MergeReport], None] | None = None,
) -> list[MergeReport]:
    """Merge each file in turn; a refused one does not stop the rest."""
    check_target(team)
    reports = []
    for path in paths:
        reports.append(merge_file(team, Path(path), labels or load_labels()))
        if done is not None:
            done(reports[-1])
    return reports


def merge_file(team: Store, path: Path, labels: LabelSet) -> MergeReport:
    """Merge one annotator's file into ``team``: all of it, or nothing and a reason."""
    report = MergeReport(path)
    try:
        with UntrustedDatabase(path) as db:
            src = _identify(db, path, team)
            report.annotator = src.annotator
            with team.db.atomic():
                _merge(team, src, labels, report)
    except Invalid as exc:
        report.refused = f"{path}: {exc}"
    except StoreError as exc:
        report.refused = str(exc)
    return report


def _identify(db: UntrustedDatabase, path: Path, team: Store) -> _Source:
    row = db.corpus_info()
    if row is None:
        raise Invalid("has no corpus record")
    corpus_id = validate.text_value(row[0], "the corpus id", 64, empty=False)
    file_id = validate.text_value(row[1], "the file id", 64, empty=False)
    if row[2] is None:
        raise Invalid("has no annotator (not a file made by assign)")
    annotator = validate.text_value(row[2], "the annotator", 200, empty=False)
    mine = tables.corpus_info(team)
    if file_id == mine.file_id:
        raise Invalid("is the team database itself (or a copy of it)")
    if tables.holds_work(team) and corpus_id != mine.corpus_id:
        raise Invalid(
            f"is from another corpus ({corpus_id[:8]}…; {team.path} holds {mine.corpus_id[:8]}…)"
        )
    return _Source(db, corpus_id, file_id, annotator)


def _merge(team: Store, src: _Source, labels: LabelSet, report: MergeReport) -> None:
    if not tables.holds_work(team):
        tables.adopt_corpus(team, src.corpus_id)
    tables.ensure_annotator(team, src.annotator)
    for row in src.db.documents():
        _merge_document(team, src, row, labels, report)
    report.events_added = tables.add_version_events(team, src.annotator, _events(src, report))
    if report.changed:
        counts = (
            report.documents_added,
            report.versions_added,
            report.versions_updated,
            report.events_added,
        )
        tables.record_merge(team, src.annotator, src.file_id, str(src.db.path), counts)


def _merge_document(
    team: Store, src: _Source, row: Sequence[Any], labels: LabelSet, report: MergeReport
) -> None:
    doc, updated = validate.document(row)
    report.documents += 1
    src.doc_ids.add(doc.id)
    entities = [validate.entity(r, doc.text, labels.names) for r in src.db.entities(doc.id)]
    ids = {e.id for e in entities if e.id is not None}
    quotes = [validate.quote(r, doc.text, ids) for r in src.db.quotes(doc.id)]
    last = src.db.last_event_at(doc.id)
    if last is not None:
        updated = max(updated, validate.stamp(last, f"document {doc.id} events"), key=_instant)
    if not team.has_document(doc.id):
        _add_document(team, src, doc, labels)
        report.documents_added += 1
    info = tables.VersionInfo(
        doc.id, src.annotator, doc.status, updated, digest(doc.status, entities, quotes), 0, 0
    )
    stored = tables.version_info(team, doc.id, src.annotator)
    if stored is not None and stored.digest == info.digest:
        report.unchanged += 1
    elif stored is not None and _instant(updated) <= _instant(stored.updated_at):
        report.versions_kept += 1
    else:
        tables.write_version(team, info, src.file_id, entities, quotes)
        if stored is None:
            report.versions_added += 1
        else:
            report.versions_updated += 1


def _add_document(team: Store, src: _Source, doc: Document, labels: LabelSet) -> None:
    """A document the team database lacks: the model's snapshot is its starting gold."""
    from models.nlp.lemmas import lemmas

    raw = src.db.predictions(doc.id)
    model = doc if raw is None else validate.predictions(raw, doc, labels.names)
    gold = replace(model, status="new")
    team.add_document(gold, model, lemmas(doc.text))


def _events(src: _Source, report: MergeReport) -> Iterator[tuple[Any, ...]]:
    for row in src.db.events():
        ev = validate.event(row, src.doc_ids)
        report.events += 1
        yield (f"{src.file_id}:{ev[0]}", *ev[1:])


def digest(status: str, entities: Sequence[Entity], quotes: Sequence[Quote]) -> str:
    """A version's content as a hash: status and spans, not ids (the same work from two
    copies of a file has one digest)."""
    where = {e.id: (e.start, e.end, e.label) for e in entities}
    ents = [(e.start, e.end, e.label, e.text, e.normal, e.state, e.annotator) for e in entities]
    qs = [
        (
            q.start,
            q.end,
            q.text,
            q.state,
            q.annotator,
            None if q.speaker is None else (q.speaker.start, q.speaker.end),
            None if q.speaker is None else (q.speaker.text, q.speaker.normal),
            where.get(q.speaker.entity) if q.speaker else None,
        )
        for q in quotes
    ]
    parts = [json.dumps(x, ensure_ascii=False) for x in (*ents, None, *qs)]
    blob = json.dumps([status, sorted(parts[: len(ents)]), sorted(parts[len(ents) + 1 :])])
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _instant(stamp: str) -> datetime:
    moment = datetime.fromisoformat(stamp)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
