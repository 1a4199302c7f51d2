"""Team tables in the store: corpus identity, annotators' versions, their event logs.

Functions over a :class:`Store` (its ``db``), beside the Store class rather than in it, so
the team work adds to the store without changing how documents and edits are kept. Reads
return ``models.spans`` values or small frozen records; writes expect the caller's
transaction (``store.db.atomic()``), because a merge writes one file's rows as one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from models.spans import Document, Entity, Noise, Quote, Speaker
from models.store.rows import now

if TYPE_CHECKING:
    from models.store.store import Store

SPAN_ACTIONS = (
    "add entity",
    "change entity",
    "delete entity",
    "add quote",
    "change quote",
    "delete quote",
)


@dataclass(frozen=True, slots=True)
class CorpusInfo:
    """Which corpus a database belongs to, and for an assigned file, whose share it is."""

    corpus_id: str
    file_id: str
    annotator: str | None
    source: str | None
    assignment: dict[str, Any] | None
    created_at: str


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """One annotator's version of one document, without its spans."""

    doc_id: str
    annotator: str
    status: str
    updated_at: str
    digest: str
    entities: int
    quotes: int


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An event as the reports read it: whose log, who logged it, what, when."""

    owner: str | None  # the annotator whose file it came from; None for the team's own
    annotator: str | None
    doc_id: str | None
    at: str
    action: str
    before: Any
    after: Any


# -- corpus identity -------------------------------------------------------------------


def corpus_info(store: Store) -> CorpusInfo:
    """The database's corpus row (schema 2 makes one in every database)."""
    row = store.db.execute(
        "SELECT corpus_id, file_id, annotator, source, assignment, created_at FROM corpus_info"
    ).fetchone()
    return CorpusInfo(
        row[0], row[1], row[2], row[3], json.loads(row[4]) if row[4] else None, row[5]
    )


def set_assignment(
    store: Store, corpus_id: str, annotator: str, source: str, assignment: dict[str, Any]
) -> None:
    """Mark a new database as ``annotator``'s share of corpus ``corpus_id``."""
    with store.db.atomic():
        store.db.execute(
            "UPDATE corpus_info SET corpus_id = ?, annotator = ?, source = ?, assignment = ?",
            [corpus_id, annotator, source, json.dumps(assignment, ensure_ascii=False)],
        )


def adopt_corpus(store: Store, corpus_id: str) -> None:
    """Make an empty team database part of corpus ``corpus_id`` (its first merge)."""
    store.db.execute("UPDATE corpus_info SET corpus_id = ?", [corpus_id])


def holds_work(store: Store) -> bool:
    """Whether the database has documents or versions (a corpus of its own)."""
    q = store.db.execute
    return bool(
        q("SELECT EXISTS (SELECT 1 FROM documents)").fetchone()[0]
        or q("SELECT EXISTS (SELECT 1 FROM document_versions)").fetchone()[0]
    )


# -- versions: reading -----------------------------------------------------------------

_VERSION_SQL = (
    "SELECT v.doc_id, v.annotator, v.status, v.updated_at, v.digest,"
    " (SELECT count(*) FROM version_entities x WHERE x.version_id = v.id),"
    " (SELECT count(*) FROM version_quotes x WHERE x.version_id = v.id)"
    " FROM document_versions v"
)


def annotators(store: Store) -> list[str]:
    """Everyone whose work has been merged into this database, by name."""
    return [r[0] for r in store.db.execute("SELECT name FROM annotators ORDER BY name")]


def versions(store: Store, doc_id: str) -> list[VersionInfo]:
    """The versions of one document, by annotator name."""
    rows = store.db.execute(
        _VERSION_SQL + " WHERE v.doc_id = ? ORDER BY v.annotator", [doc_id]
    ).fetchall()
    return [VersionInfo(*r) for r in rows]


def version_info(store: Store, doc_id: str, annotator: str) -> VersionInfo | None:
    """One annotator's version of a document, or None when there is none."""
    row = store.db.execute(
        _VERSION_SQL + " WHERE v.doc_id = ? AND v.annotator = ?", [doc_id, annotator]
    ).fetchone()
    return None if row is None else VersionInfo(*row)


def version_counts(store: Store, status: str | None = "done") -> dict[str, list[str]]:
    """``doc_id → annotators`` with a version in ``status`` (any status when None)."""
    sql = (
        "SELECT v.doc_id, v.annotator FROM document_versions v JOIN documents d ON d.id = v.doc_id"
    )
    params: list[Any] = []
    if status is not None:
        sql, params = sql + " WHERE v.status = ?", [status]
    out: dict[str, list[str]] = {}
    for doc_id, name in store.db.execute(sql + " ORDER BY d.position, v.annotator", params):
        out.setdefault(doc_id, []).append(name)
    return out


def documents_of(store: Store, annotator: str, status: str | None = None) -> list[str]:
    """The documents ``annotator`` has a version of (in ``status``), in corpus order."""
    sql = (
        "SELECT v.doc_id FROM document_versions v JOIN documents d ON d.id = v.doc_id"
        " WHERE v.annotator = ?"
    )
    params: list[Any] = [annotator]
    if status is not None:
        sql += " AND v.status = ?"
        params.append(status)
    return [r[0] for r in store.db.execute(sql + " ORDER BY d.position", params)]


def annotator_clause(annotator: str) -> tuple[str, list[Any]]:
    """A document-list filter (``d`` is ``documents``) keeping this annotator's documents."""
    return (
        "EXISTS (SELECT 1 FROM document_versions v WHERE v.doc_id = d.id AND v.annotator = ?)",
        [annotator],
    )


def version_document(store: Store, doc_id: str, annotator: str) -> Document:
    """An annotator's version as a Document (their status and spans on the stored text).

    Span ids are the team database's own ``version_entities``/``version_quotes`` ids,
    and a speaker's entity link points at a version entity; KeyError when absent.
    """
    row = store.db.execute(
        "SELECT v.id, v.status FROM document_versions v WHERE v.doc_id = ? AND v.annotator = ?",
        [doc_id, annotator],
    ).fetchone()
    if row is None:
        raise KeyError((doc_id, annotator))
    version_id, status = row
    text, meta, noise = store.db.execute(
        "SELECT text, meta, noise FROM documents WHERE id = ?", [doc_id]
    ).fetchone()
    ents = store.db.execute(
        'SELECT id, start, "end", label, text, normal, state, annotator FROM version_entities'
        ' WHERE version_id = ? ORDER BY start, "end" DESC',
        [version_id],
    ).fetchall()
    quotes = store.db.execute(
        'SELECT id, start, "end", text, speaker_start, speaker_end, speaker_text,'
        " speaker_normal, speaker_entity, state, annotator FROM version_quotes"
        ' WHERE version_id = ? ORDER BY start, "end"',
        [version_id],
    ).fetchall()
    entities = [Entity(r[1], r[2], r[3], r[4], r[5], r[0], r[6], r[7]) for r in ents]
    return Document(
        doc_id,
        text,
        json.loads(meta),
        status,
        tuple(entities),
        tuple(map(_quote, quotes)),
        tuple(Noise(**n) for n in json.loads(noise)),
    )


def _quote(r: tuple[Any, ...]) -> Quote:
    speaker = None if r[4] is None else Speaker(r[4], r[5], r[6], r[7] or "", r[8])
    return Quote(r[1], r[2], r[3], speaker, r[0], r[9], r[10])


# -- versions: writing (inside the caller's transaction) ---------------------------------


def ensure_annotator(store: Store, name: str) -> None:
    """Add ``name`` to the annotators (first merge of their work)."""
    store.db.execute(
        "INSERT OR IGNORE INTO annotators (name, first_merged_at) VALUES (?, ?)", [name, now()]
    )


def write_version(
    store: Store,
    info: VersionInfo,
    file_id: str,
    entities: Sequence[Entity],
    quotes: Sequence[Quote],
) -> None:
    """Store (or replace) ``info.annotator``'s version of ``info.doc_id`` with its spans.

    Entity ids in ``entities`` and speaker links in ``quotes`` are those of the
    annotator's file; links are re-pointed at the new version rows.
    """
    q = store.db.execute
    q(
        "DELETE FROM document_versions WHERE doc_id = ? AND annotator = ?",
        [info.doc_id, info.annotator],
    )
    version_id = q(
        "INSERT INTO document_versions (doc_id, annotator, status, updated_at, digest, file_id,"
        " merged_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [info.doc_id, info.annotator, info.status, info.updated_at, info.digest, file_id, now()],
    ).lastrowid
    ids: dict[int | None, int] = {}
    for e in entities:
        ids[e.id] = int(
            q(
                'INSERT INTO version_entities (version_id, source_id, start, "end", label, text,'
                " normal, state, annotator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [version_id, e.id, e.start, e.end, e.label, e.text, e.normal, e.state, e.annotator],
            ).lastrowid  # type: ignore[arg-type]
        )
    for x in quotes:
        s = x.speaker
        q(
            'INSERT INTO version_quotes (version_id, source_id, start, "end", text, speaker_start,'
            " speaker_end, speaker_text, speaker_normal, speaker_entity, state, annotator)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                version_id,
                x.id,
                x.start,
                x.end,
                x.text,
                *((s.start, s.end, s.text, s.normal, ids.get(s.entity)) if s else (None,) * 5),
                x.state,
                x.annotator,
            ],
        )


def add_version_events(store: Store, owner: str, rows: Iterable[Sequence[Any]]) -> int:
    """Append ``(origin, doc_id, at, annotator, action, operation, before, after)`` rows.

    An origin already stored is skipped, so the same event never appears twice; returns
    how many were new.
    """
    before = store.db.execute("SELECT count(*) FROM version_events").fetchone()[0]
    store.db.conn.executemany(
        "INSERT OR IGNORE INTO version_events (origin, owner, doc_id, at, annotator, action,"
        " operation, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ([r[0], owner, *r[1:]] for r in rows),
    )
    return int(store.db.execute("SELECT count(*) FROM version_events").fetchone()[0] - before)


def record_merge(
    store: Store, annotator: str, file_id: str, path: str, counts: Sequence[int]
) -> None:
    """Note a merge that brought something: documents, versions added, updated, events."""
    store.db.execute(
        "INSERT INTO merges (at, annotator, file_id, path, documents_added, versions_added,"
        " versions_updated, events_added) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [now(), annotator, file_id, path, *counts],
    )


def count_version_events(store: Store, owner: str | None = None) -> int:
    """How many annotators' events are stored (for one annotator, or all)."""
    sql = "SELECT count(*) FROM version_events" + (" WHERE owner = ?" if owner else "")
    return int(store.db.execute(sql, [owner] if owner else []).fetchone()[0])


def next_entity_ids(store: Store, n: int) -> list[int]:
    """``n`` entity ids no span has had (AUTOINCREMENT's counter is past every id used).

    An edit that adds an entity and a quote spoken by it in one step needs the entity's
    id before the step is written.
    """
    row = store.db.execute(
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'entities'), 0),"
        " coalesce((SELECT max(id) FROM entities), 0))"
    ).fetchone()
    return list(range(int(row[0]) + 1, int(row[0]) + 1 + n))


# -- the event logs, for reports -------------------------------------------------------


def iter_events(store: Store, actions: Sequence[str] | None = None) -> Iterator[EventRecord]:
    """The team's own events, then every annotator's, each in the order written."""
    where, params = "", list(actions or ())
    if actions:
        where = f" WHERE action IN ({', '.join('?' for _ in actions)})"
    for table, owner in (("events", "NULL"), ("version_events", "owner")):
        rows = store.db.execute(
            f"SELECT {owner}, annotator, doc_id, at, action, before, after FROM {table}"
            f"{where} ORDER BY id",
            params,
        )
        for r in rows:
            yield EventRecord(
                r[0], r[1], r[2], r[3], r[4], *(json.loads(v) if v else None for v in r[5:])
            )


def version_label_counts(store: Store) -> dict[str, dict[str, int]]:
    """``annotator → label → count`` over every version (quotes as ``QUOTE``)."""
    out: dict[str, dict[str, int]] = {}
    for name, label, n in store.db.execute(
        "SELECT v.annotator, x.label, count(*) FROM version_entities x"
        " JOIN document_versions v ON v.id = x.version_id GROUP BY 1, 2"
        " UNION ALL SELECT v.annotator, 'QUOTE', count(*) FROM version_quotes x"
        " JOIN document_versions v ON v.id = x.version_id GROUP BY 1"
    ):
        out.setdefault(name, {})[label] = n
    return out
