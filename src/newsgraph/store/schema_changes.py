"""The SQL of each schema change after the first schema (`migrations.py` applies them in
order; a change once released is never edited, only followed by a new one)."""

# Event.period: a coarser-than-a-day time ("2025-W26", "2025-08") when `date` is null.
EVENT_PERIOD = "ALTER TABLE event_reports ADD COLUMN period TEXT;"

# Indexes for the server's reads (index-only: no data changes): a speaker's quotes join
# quotes to entity links by (article, speaker); a country's events are looked up by the
# actors' affiliation.
SERVE_INDEXES = """
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(article_id, speaker_local_id);
CREATE INDEX IF NOT EXISTS event_actors_affiliation ON event_actors(affiliation, event_id);
"""

# Article.language and its confidence (issue 12); rows stored before stay NULL, as for an
# article whose text has no letters to tell its language by. The index serves the lists
# filtered by language, newest first.
ARTICLE_LANGUAGE = """
ALTER TABLE articles ADD COLUMN language TEXT;
ALTER TABLE articles ADD COLUMN language_confidence REAL;
CREATE INDEX articles_language ON articles(language, published);
"""

# Whether the English annotators ran on the article, and why not (text in another language).
ARTICLE_ANNOTATED = """
ALTER TABLE articles ADD COLUMN annotated INTEGER NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN annotation_skipped TEXT;
"""

# Quote.speaker_kind (person, organisation, anonymous, descriptor, document), the source phrase
# as written and the organisation or country the source stands for; rows stored before stay
# NULL. The index serves the quote lists filtered by source kind; the full-text index of
# quotes takes the source phrase too, so that unnamed sources are found by search
# ("familiar with the talks").
QUOTE_SPEAKER_KIND = """
ALTER TABLE quotes ADD COLUMN speaker_kind TEXT;
ALTER TABLE quotes ADD COLUMN source_text TEXT;
ALTER TABLE quotes ADD COLUMN speaker_for TEXT;
CREATE INDEX quotes_speaker_kind ON quotes(speaker_kind);
DROP TRIGGER quotes_ai;
DROP TRIGGER quotes_ad;
DROP TABLE quotes_fts;
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, source_text, content='quotes',
                                           content_rowid='pk');
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker, source_text)
    VALUES (new.pk, new.text, new.speaker, new.source_text);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker, source_text)
    VALUES ('delete', old.pk, old.text, old.speaker, old.source_text);
END;
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
"""

# Where a person's country comes from, the organisation they work for or belong to, their
# party label (Entity.affiliation_source, organisation, party).
ENTITY_AFFILIATION = """
ALTER TABLE article_entities ADD COLUMN affiliation_source TEXT;
ALTER TABLE article_entities ADD COLUMN organisation TEXT;
ALTER TABLE article_entities ADD COLUMN party TEXT;
"""

# What incremental resolution keeps between runs: the articles the resolved tables cover, and
# the blocking keys of every per-article entity (`resolve.blocks`), so that a new article's
# entities find the stored ones they may join without reading the others ("id:" keys join
# the entities of clusters whose ids were derived from the same name), and the sketch
# values by which a new article finds the articles it may be a copy of.
RESOLUTION_STATE = """
CREATE TABLE resolved_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id)
) WITHOUT ROWID;
CREATE TABLE entity_keys (
    key TEXT NOT NULL,
    role TEXT NOT NULL,                -- link | target | probe
    article_id TEXT NOT NULL,
    local_id TEXT NOT NULL,
    PRIMARY KEY (key, article_id, local_id, role)
) WITHOUT ROWID;
CREATE INDEX entity_keys_entity ON entity_keys(article_id, local_id);
-- Each article's sketch values (`resolve.dedup`), signed, to find the articles a new one
-- may copy.
CREATE TABLE sketch_values (
    value INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (value, article_id)
) WITHOUT ROWID;
"""

# Following feeds (`newsgraph watch`): each feed with its polling state, every URL found in a
# feed with what became of it, the rounds with their counts, and saved alert queries with the
# matches each round found. Times used for scheduling are Unix seconds (REAL).
FEEDS = """
CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    kind TEXT,                         -- rss | atom | sitemap, once read
    title TEXT,
    etag TEXT,
    last_modified TEXT,
    last_item TEXT,                    -- the newest item URL of the last good read
    last_status INTEGER,               -- HTTP status of the last poll
    last_polled REAL,
    last_ok REAL,
    next_poll REAL NOT NULL DEFAULT 0,
    n_items INTEGER NOT NULL DEFAULT 0,  -- item URLs found over all polls
    errors INTEGER NOT NULL DEFAULT 0,   -- failures in a row (0: healthy)
    last_error TEXT,
    added_at REAL NOT NULL
);
CREATE TABLE watch_urls (
    url TEXT PRIMARY KEY,              -- normalised
    feed_url TEXT,
    found_at REAL NOT NULL,
    status TEXT NOT NULL,              -- new | stored | duplicate | failed | given_up
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try REAL NOT NULL DEFAULT 0,
    reason TEXT,
    http_status INTEGER,
    final_url TEXT,
    article_id TEXT,
    fetched_at REAL,
    bytes INTEGER
);
CREATE INDEX watch_urls_todo ON watch_urls(status, next_try);
CREATE TABLE watch_rounds (
    id INTEGER PRIMARY KEY,
    started_at REAL NOT NULL,
    finished_at REAL,
    counts TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE alerts (
    name TEXT PRIMARY KEY,
    kind TEXT NOT NULL,                -- events | quotes | agreements | commitments
    query TEXT NOT NULL,               -- JSON object of the filters
    webhook TEXT,
    created_at REAL NOT NULL
);
CREATE TABLE alert_matches (
    alert TEXT NOT NULL REFERENCES alerts(name) ON DELETE CASCADE,
    key TEXT NOT NULL,                 -- what matched, stable across resolutions
    round_id INTEGER,                  -- NULL: already there when the alert was added
    found_at REAL NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    link TEXT,
    article_ids TEXT NOT NULL DEFAULT '[]',
    delivered INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (alert, key)
);
CREATE INDEX alert_matches_new ON alert_matches(alert, found_at);
-- "Is an article stored under this URL?", asked for every URL a feed names for the first time.
CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
CREATE INDEX IF NOT EXISTS article_sources_url ON article_sources(url);
"""

# The event judge's confidence of each report (NULL for rows stored before it); a resolved
# event takes the highest confidence of its reports and the trigger of that report, so the
# lists can hide events below the judge's threshold and show what word stated them.
EVENT_CONFIDENCE = """
ALTER TABLE event_reports ADD COLUMN confidence REAL;
ALTER TABLE events ADD COLUMN confidence REAL;
ALTER TABLE events ADD COLUMN trigger TEXT;
CREATE INDEX events_confidence ON events(confidence);
"""

# Where places and events are (geocoded after annotation): precision (facility | city | admin1
# | country | region), point (null for a country or region), GeoNames id, country (ISO
# 3166-1 alpha-2) and the place's own name. Rows stored before stay NULL: not geocoded.
GEO = """
ALTER TABLE article_entities ADD COLUMN geo_precision TEXT;
ALTER TABLE article_entities ADD COLUMN lat REAL;
ALTER TABLE article_entities ADD COLUMN lon REAL;
ALTER TABLE article_entities ADD COLUMN geonames_id INTEGER;
ALTER TABLE article_entities ADD COLUMN geo_country TEXT;
ALTER TABLE article_entities ADD COLUMN geo_name TEXT;
ALTER TABLE event_reports ADD COLUMN geo_precision TEXT;
ALTER TABLE event_reports ADD COLUMN lat REAL;
ALTER TABLE event_reports ADD COLUMN lon REAL;
ALTER TABLE event_reports ADD COLUMN geonames_id INTEGER;
ALTER TABLE event_reports ADD COLUMN geo_country TEXT;
ALTER TABLE event_reports ADD COLUMN geo_name TEXT;
CREATE INDEX event_reports_geo ON event_reports(geo_precision, date);
"""

# People by name form (`resolve.forms`), for incremental resolution: each form with its row
# count and the entity its rows are (and that entity's id from its name alone, to find the
# entities whose ids come from one name), its blocking keys, and its rows; every entity's
# rows counted by how they read and its name's id; event reports by date, for the windows
# new reports reach (`store.event_scope`). Clearing
# resolved_articles makes the next resolution a full rebuild, which fills them.
PERSON_FORMS = """
CREATE TABLE person_forms (
    form TEXT PRIMARY KEY,             -- JSON of resolve.forms.Form
    n INTEGER NOT NULL,
    entity_id TEXT,
    name_id TEXT
) WITHOUT ROWID;
CREATE INDEX person_forms_entity ON person_forms(entity_id);
CREATE INDEX person_forms_name ON person_forms(name_id);
CREATE TABLE person_form_keys (
    key TEXT NOT NULL,
    role TEXT NOT NULL,                -- link | target | probe
    form TEXT NOT NULL,
    PRIMARY KEY (key, form, role)
) WITHOUT ROWID;
CREATE INDEX person_form_keys_form ON person_form_keys(form);
CREATE INDEX IF NOT EXISTS event_reports_date ON event_reports(date);
-- Each entity's rows counted by how they read, and its id from its name alone: what an
-- entity that only grows is updated from (`store.entity_growth`).
CREATE TABLE entity_variants (
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    affiliation TEXT NOT NULL,         -- '' when none
    roles TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (entity_id, name, affiliation, roles)
) WITHOUT ROWID;
CREATE TABLE entity_name_ids (
    entity_id TEXT PRIMARY KEY,
    name_id TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX entity_name_ids_name ON entity_name_ids(name_id);
CREATE TABLE person_form_rows (
    form TEXT NOT NULL,
    article_id TEXT NOT NULL,
    local_id TEXT NOT NULL,
    PRIMARY KEY (form, article_id, local_id)
) WITHOUT ROWID;
DELETE FROM resolved_articles;
"""

# Indexes for incremental resolution. The few rows whose day is not an ISO date
# (`store.event_scope`): the reports of a window from a day on are read by date, and those
# with an odd date (or undated, in an article with an odd date) from these partial indexes
# rather than by reading every row dated before the window. The stored commitments found
# again (`store.incremental.commitment_scope`): by quote, and the open ones by deadline.
SCOPE_INDEXES = """
CREATE INDEX IF NOT EXISTS commitments_quote ON commitments(quote_pk);
CREATE INDEX IF NOT EXISTS commitments_deadline ON commitments(outcome, deadline_date);
CREATE INDEX IF NOT EXISTS event_reports_odd_date ON event_reports(date)
    WHERE date != '' AND NOT (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*');
CREATE INDEX IF NOT EXISTS articles_odd_published ON articles(published)
    WHERE NOT (published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*');
"""

# Quote.in_title: the attribution is in the headline, and its offsets are into the title;
# rows stored before are quotes of the text.
QUOTE_IN_TITLE = "ALTER TABLE quotes ADD COLUMN in_title INTEGER NOT NULL DEFAULT 0;"
