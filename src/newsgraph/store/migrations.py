"""Named schema migrations, applied in order inside one transaction when a store opens.

Each migration is recorded in `migrations` by name; a migration already recorded is never run
again, so adding a schema change means appending a new (name, sql) pair, never editing one.

Two kinds of tables:
- per-article rows (`articles` ... `agreement_mentions`): written once per article by ingest,
  keyed by the article id, so re-ingesting the same text adds nothing;
- resolved rows (`entities` ... `commitments`): recomputed from the per-article rows by
  `newsgraph.resolve`, so they converge to the same content however ingest was interrupted.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from newsgraph.store import schema_changes as changes


@dataclass(frozen=True)
class Migration:
    name: str
    sql: str


_ARTICLES = """
CREATE TABLE articles (
    pk INTEGER PRIMARY KEY,            -- stable rowid for the FTS index
    id TEXT NOT NULL UNIQUE,           -- Article.id: hash of the clean text
    content_hash TEXT NOT NULL,        -- full sha256 of the clean text
    title TEXT,
    published TEXT,                    -- YYYY-MM-DD or NULL
    url TEXT,
    site TEXT,
    authors TEXT NOT NULL DEFAULT '[]',  -- JSON list
    text TEXT NOT NULL,
    removed TEXT NOT NULL DEFAULT '[]',  -- JSON list of {reason, text}
    sketch BLOB,                       -- bottom-k shingle sketch for near-duplicate search
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);

-- Every place an article was read from; one article may come from several inputs.
CREATE TABLE article_sources (
    article_id TEXT NOT NULL REFERENCES articles(id),
    source TEXT NOT NULL,
    url TEXT,
    PRIMARY KEY (article_id, source)
);

CREATE TABLE article_entities (
    article_id TEXT NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL,            -- Entity.id inside the article ("e1")
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    affiliation TEXT,
    roles TEXT NOT NULL DEFAULT '[]',
    role_texts TEXT NOT NULL DEFAULT '[]',
    n_mentions INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, local_id)
);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    PRIMARY KEY (article_id, local_id, start, end)
);

CREATE TABLE quotes (
    pk INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER, end INTEGER,
    speaker TEXT,
    speaker_local_id TEXT,
    speaker_start INTEGER, speaker_end INTEGER,
    cue TEXT,
    is_question INTEGER NOT NULL DEFAULT 0,
    UNIQUE (article_id, local_id)
);

CREATE TABLE event_reports (
    pk INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL,
    category TEXT NOT NULL,
    mode TEXT,
    location TEXT,
    location_country TEXT,
    date TEXT,
    date_text TEXT,
    modality TEXT NOT NULL,
    sentence TEXT NOT NULL DEFAULT '',
    start INTEGER, end INTEGER,
    trigger TEXT,
    UNIQUE (article_id, local_id)
);

CREATE TABLE event_report_actors (
    report_pk INTEGER NOT NULL REFERENCES event_reports(pk),
    ord INTEGER NOT NULL,
    local_entity_id TEXT,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    affiliation TEXT,
    PRIMARY KEY (report_pk, ord)
);

CREATE TABLE agreement_mentions (
    pk INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    ord INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    parties TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL,
    start INTEGER, end INTEGER,
    system TEXT, quantity INTEGER, value TEXT, supplier TEXT, recipient TEXT,
    UNIQUE (article_id, ord)
);

-- Full-text search over article title + text and over quotes (external content tables).
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='pk');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.pk, old.title, old.text);
END;
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, content='quotes', content_rowid='pk');
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.pk, new.text, new.speaker);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker)
    VALUES ('delete', old.pk, old.text, old.speaker);
END;
"""

_RESOLVED = """
CREATE TABLE entities (
    id TEXT PRIMARY KEY,               -- stable: derived from type + canonical name
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    affiliation TEXT,
    n_articles INTEGER NOT NULL,
    n_mentions INTEGER NOT NULL,
    first_date TEXT,
    last_date TEXT
);
CREATE INDEX entities_name ON entities(name);
CREATE TABLE entity_aliases (
    entity_id TEXT NOT NULL REFERENCES entities(id),
    alias TEXT NOT NULL,
    n_articles INTEGER NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_alias ON entity_aliases(alias);
-- Which corpus entity each per-article entity is.
CREATE TABLE entity_links (
    article_id TEXT NOT NULL,
    local_id TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id),
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX entity_links_entity ON entity_links(entity_id);
-- A person's titles over time.
CREATE TABLE entity_roles (
    entity_id TEXT NOT NULL REFERENCES entities(id),
    title TEXT NOT NULL,
    first_date TEXT,
    last_date TEXT,
    n_articles INTEGER NOT NULL,
    PRIMARY KEY (entity_id, title)
);

-- Near-duplicate texts (wire copies): each copy points at the earliest article of its group.
CREATE TABLE duplicates (
    article_id TEXT PRIMARY KEY,
    duplicate_of TEXT NOT NULL,
    similarity REAL NOT NULL
);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    category TEXT NOT NULL,
    mode TEXT,
    date TEXT,
    first_date TEXT,
    last_date TEXT,
    location TEXT,
    location_country TEXT,
    modality TEXT NOT NULL,
    n_reports INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    n_independent INTEGER NOT NULL,    -- articles that are not wire copies of one another
    sentence TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_date ON events(date);
CREATE TABLE event_links (
    report_pk INTEGER PRIMARY KEY REFERENCES event_reports(pk),
    event_id TEXT NOT NULL REFERENCES events(id)
);
CREATE INDEX event_links_event ON event_links(event_id);
CREATE TABLE event_actors (
    event_id TEXT NOT NULL REFERENCES events(id),
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    affiliation TEXT,
    n_reports INTEGER NOT NULL,
    PRIMARY KEY (event_id, entity_id, role)
);
CREATE INDEX event_actors_entity ON event_actors(entity_id);

CREATE TABLE agreements (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    parties TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL,              -- the latest status signal
    first_date TEXT,
    last_date TEXT,
    n_mentions INTEGER NOT NULL,
    n_articles INTEGER NOT NULL
);
CREATE TABLE agreement_aliases (
    agreement_id TEXT NOT NULL REFERENCES agreements(id),
    alias TEXT NOT NULL,
    n_mentions INTEGER NOT NULL,
    PRIMARY KEY (agreement_id, alias)
);
CREATE TABLE agreement_links (
    mention_pk INTEGER PRIMARY KEY REFERENCES agreement_mentions(pk),
    agreement_id TEXT NOT NULL REFERENCES agreements(id)
);
CREATE INDEX agreement_links_agreement ON agreement_links(agreement_id);
-- One status signal per agreement, article and status: the timeline.
CREATE TABLE agreement_status (
    agreement_id TEXT NOT NULL REFERENCES agreements(id),
    article_id TEXT NOT NULL,
    status TEXT NOT NULL,
    date TEXT,
    evidence TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (agreement_id, article_id, status)
);

CREATE TABLE commitments (
    id TEXT PRIMARY KEY,
    quote_pk INTEGER NOT NULL REFERENCES quotes(pk),
    article_id TEXT NOT NULL,
    date TEXT,
    speaker TEXT,
    speaker_entity_id TEXT,
    text TEXT NOT NULL,
    cue TEXT NOT NULL,                 -- "hope to", "will", "intend to", ...
    action TEXT,                       -- "sign", "finalize", ...
    deadline_text TEXT,                -- "very shortly", "this year"
    deadline_date TEXT,                -- latest date the deadline allows, when it is clear
    agreement_id TEXT,
    outcome TEXT NOT NULL,             -- open | fulfilled | contradicted | lapsed
    outcome_article_id TEXT,
    outcome_date TEXT,
    outcome_evidence TEXT
);
CREATE INDEX commitments_speaker ON commitments(speaker_entity_id);

CREATE TABLE resolve_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_articles", _ARTICLES),
    Migration("0002_resolved", _RESOLVED),
    Migration("0003_event_period", changes.EVENT_PERIOD),
    Migration("0004_serve_indexes", changes.SERVE_INDEXES),
    Migration("0005_article_language", changes.ARTICLE_LANGUAGE),
    Migration("0006_article_annotated", changes.ARTICLE_ANNOTATED),
    Migration("0007_quote_speaker_kind", changes.QUOTE_SPEAKER_KIND),
    Migration("0008_entity_affiliation", changes.ENTITY_AFFILIATION),
    Migration("0009_resolution_state", changes.RESOLUTION_STATE),
    Migration("0010_feeds", changes.FEEDS),
    Migration("0011_event_confidence", changes.EVENT_CONFIDENCE),
    Migration("0012_geo", changes.GEO),
    Migration("0013_person_forms", changes.PERSON_FORMS),
    Migration("0014_scope_indexes", changes.SCOPE_INDEXES),
    Migration("0015_quote_in_title", changes.QUOTE_IN_TITLE),
)

# Tables rebuilt by every resolution pass, children first.
RESOLVED_TABLES = ("commitments", "agreement_status", "agreement_links", "agreement_aliases",
                   "agreements", "event_actors", "event_links", "events", "duplicates",
                   "entity_roles", "entity_links", "entity_aliases", "entities")
# Kept by resolution next to the resolved tables, rebuilt with them (`store.incremental`).
STATE_TABLES = ("entity_keys", "sketch_values", "resolved_articles", "person_forms",
                "person_form_keys", "person_form_rows", "entity_variants", "entity_name_ids")
ARTICLE_TABLES = ("articles", "article_sources", "article_entities", "mentions", "quotes",
                  "event_reports", "event_report_actors", "agreement_mentions")


def _statements(sql: str) -> list[str]:
    """Split a script into statements; trigger bodies hold ';' so split on complete ones."""
    out: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def applied(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM migrations ORDER BY name").fetchall()
    return [r[0] for r in rows]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations not yet recorded, all in one transaction; return their names.

    `executescript` would commit on its own, so statements run one by one inside an explicit
    transaction: a failure leaves the database as it was.
    """
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, "
                 "applied_at TEXT NOT NULL DEFAULT (datetime('now')))")
    done = set(applied(conn))
    todo = [m for m in MIGRATIONS if m.name not in done]
    if not todo:
        return []
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated between our read and the lock.
        done = set(applied(conn))
        todo = [m for m in MIGRATIONS if m.name not in done]
        for m in todo:
            for stmt in _statements(m.sql):
                conn.execute(stmt)
            conn.execute("INSERT INTO migrations(name) VALUES (?)", (m.name,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return [m.name for m in todo]
