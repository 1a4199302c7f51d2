"""Schema 2: team work, added beside schema 1 without changing any of its tables.

A database now knows its corpus (``corpus_info``, one row made here with random ids, so
every database, new or migrated, has one), and a team database keeps every annotator's
version of every document with their event logs beside the curated (gold) spans, which
stay where schema 1 put them: the window, exports and ``stats`` read a team database
like any other. Two external-content FTS5 indexes and a few views named for people make
the file browsable in datasette with no configuration. docs/schema.md explains each part.
"""

from __future__ import annotations

_CORPUS = """
-- One row. corpus_id is shared by a corpus and every file assigned from it (merge refuses
-- files of another corpus); file_id names this file, so an event merged twice is one row.
CREATE TABLE corpus_info (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    corpus_id TEXT NOT NULL,
    file_id TEXT NOT NULL,
    annotator TEXT,   -- set in a file made by assign: whose share it is
    source TEXT,      -- the corpus file it was assigned from
    assignment TEXT,  -- JSON: annotators, overlap, per_doc, seed, time
    created_at TEXT NOT NULL
);
INSERT INTO corpus_info (id, corpus_id, file_id, created_at)
VALUES (1, lower(hex(randomblob(16))), lower(hex(randomblob(16))),
        strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'));
CREATE TABLE annotators (
    name TEXT PRIMARY KEY,
    first_merged_at TEXT NOT NULL
);
-- One row per merge that brought something new (a repeated merge writes nothing).
CREATE TABLE merges (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    annotator TEXT NOT NULL REFERENCES annotators(name),
    file_id TEXT NOT NULL,
    path TEXT NOT NULL,
    documents_added INTEGER NOT NULL,
    versions_added INTEGER NOT NULL,
    versions_updated INTEGER NOT NULL,
    events_added INTEGER NOT NULL
);
"""

_VERSIONS = """
-- An annotator's version of a document: one per (document, annotator), replaced only by a
-- newer version of the same annotator's document. digest: status and spans, hashed.
CREATE TABLE document_versions (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL REFERENCES annotators(name),
    status TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'done', 'skipped')),
    updated_at TEXT NOT NULL,
    digest TEXT NOT NULL,
    file_id TEXT NOT NULL,
    merged_at TEXT NOT NULL,
    UNIQUE (doc_id, annotator)
);
CREATE INDEX document_versions_annotator ON document_versions(annotator, status);
CREATE TABLE version_entities (
    id INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES document_versions(id) ON DELETE CASCADE,
    source_id INTEGER,  -- the span's id in the annotator's file
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL,
    text TEXT NOT NULL,
    normal TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    annotator TEXT,
    CHECK (0 <= start AND start < "end")
);
CREATE INDEX version_entities_version ON version_entities(version_id, start);
CREATE TABLE version_quotes (
    id INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES document_versions(id) ON DELETE CASCADE,
    source_id INTEGER,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_text TEXT,
    speaker_normal TEXT,
    speaker_entity INTEGER REFERENCES version_entities(id) ON DELETE SET NULL,
    state TEXT NOT NULL,
    annotator TEXT,
    CHECK (0 <= start AND start < "end")
);
CREATE INDEX version_quotes_version ON version_quotes(version_id, start);
CREATE INDEX version_quotes_speaker ON version_quotes(speaker_entity);
-- The annotators' event logs as they wrote them. origin is "<file_id>:<event id>":
-- merging a file again, or a later copy of it, adds only the events not yet here.
-- owner is whose file the event came from; annotator is the name the window logged.
CREATE TABLE version_events (
    id INTEGER PRIMARY KEY,
    origin TEXT NOT NULL UNIQUE,
    owner TEXT NOT NULL REFERENCES annotators(name),
    doc_id TEXT REFERENCES documents(id),
    at TEXT NOT NULL,
    annotator TEXT,
    action TEXT NOT NULL,
    operation TEXT,
    before TEXT,
    after TEXT
);
CREATE INDEX version_events_doc ON version_events(doc_id, id);
CREATE INDEX version_events_owner ON version_events(owner, at);
CREATE TRIGGER version_events_append_only_update BEFORE UPDATE ON version_events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER version_events_append_only_delete BEFORE DELETE ON version_events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
"""

# External content (content="…"): the index only, the text stays in its table. The quoted
# content="name" is what datasette looks for to offer a search box on that table.
_SEARCH = """
CREATE VIRTUAL TABLE documents_search USING fts5(title, text, content="documents");
INSERT INTO documents_search (documents_search) VALUES ('rebuild');
CREATE TRIGGER documents_search_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_search (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_search_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_search (documents_search, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_search_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_search (documents_search, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_search (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE VIRTUAL TABLE quotes_search USING fts5(text, speaker_text, speaker_normal,
                                             content="quotes", content_rowid="id");
INSERT INTO quotes_search (quotes_search) VALUES ('rebuild');
CREATE TRIGGER quotes_search_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_search (rowid, text, speaker_text, speaker_normal)
    VALUES (new.id, new.text, new.speaker_text, new.speaker_normal);
END;
CREATE TRIGGER quotes_search_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_search (quotes_search, rowid, text, speaker_text, speaker_normal)
    VALUES ('delete', old.id, old.text, old.speaker_text, old.speaker_normal);
END;
CREATE TRIGGER quotes_search_update AFTER UPDATE OF text, speaker_text, speaker_normal
    ON quotes BEGIN
    INSERT INTO quotes_search (quotes_search, rowid, text, speaker_text, speaker_normal)
    VALUES ('delete', old.id, old.text, old.speaker_text, old.speaker_normal);
    INSERT INTO quotes_search (rowid, text, speaker_text, speaker_normal)
    VALUES (new.id, new.text, new.speaker_text, new.speaker_normal);
END;
"""

_VIEWS = """
CREATE VIEW document_overview AS
SELECT d.id, d.position, d.title, d.date, d.source, d.status,
       (SELECT count(*) FROM entities e WHERE e.doc_id = d.id) AS entities,
       (SELECT count(*) FROM quotes q WHERE q.doc_id = d.id) AS quotes,
       (SELECT group_concat(v.annotator || ': ' || v.status, ', ')
          FROM document_versions v WHERE v.doc_id = d.id) AS versions,
       d.updated_at
FROM documents d;
CREATE VIEW entity_mentions AS
SELECT e.id, e.doc_id, d.title, e.label, e.text, e.normal, e.state, e.annotator,
       e.start, e."end"
FROM entities e JOIN documents d ON d.id = e.doc_id;
CREATE VIEW quotes_with_speakers AS
SELECT q.id, q.doc_id, d.title, q.text AS quote, q.speaker_text AS speaker,
       q.speaker_normal, s.label AS speaker_label, q.speaker_entity, q.state, q.annotator,
       q.start, q."end"
FROM quotes q JOIN documents d ON d.id = q.doc_id
LEFT JOIN entities s ON s.id = q.speaker_entity;
CREATE VIEW speakers AS
SELECT coalesce(nullif(q.speaker_normal, ''), q.speaker_text) AS speaker,
       count(*) AS quotes, count(DISTINCT q.doc_id) AS documents
FROM quotes q WHERE q.speaker_text IS NOT NULL
GROUP BY 1;
CREATE VIEW annotations_by_annotator AS
SELECT v.annotator, v.doc_id, d.title, v.status, 'entity' AS kind, x.label, x.text,
       x.normal, NULL AS speaker, x.start, x."end"
FROM version_entities x JOIN document_versions v ON v.id = x.version_id
JOIN documents d ON d.id = v.doc_id
UNION ALL
SELECT v.annotator, v.doc_id, d.title, v.status, 'quote', 'QUOTE', x.text, NULL,
       coalesce(nullif(x.speaker_normal, ''), x.speaker_text), x.start, x."end"
FROM version_quotes x JOIN document_versions v ON v.id = x.version_id
JOIN documents d ON d.id = v.doc_id;
CREATE VIEW annotator_progress AS
SELECT a.name AS annotator,
       count(v.id) AS documents,
       coalesce(sum(v.status = 'done'), 0) AS done,
       coalesce(sum(v.status = 'in_progress'), 0) AS in_progress,
       coalesce(sum(v.status = 'new'), 0) AS new,
       coalesce(sum(v.status = 'skipped'), 0) AS skipped,
       (SELECT count(*) FROM version_events e WHERE e.owner = a.name) AS events,
       (SELECT min(e.at) FROM version_events e WHERE e.owner = a.name) AS first_event,
       (SELECT max(e.at) FROM version_events e WHERE e.owner = a.name) AS last_event
FROM annotators a LEFT JOIN document_versions v ON v.annotator = a.name
GROUP BY a.name;
"""

V2 = _CORPUS + _VERSIONS + _SEARCH + _VIEWS
