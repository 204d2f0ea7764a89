-- Cases, their append-only event log, search index, attachments and the tables intake needs:
-- categories, direct cards, per-year case numbers and idempotency keys.

CREATE TABLE categories (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    parent_code TEXT REFERENCES categories (code),
    keywords TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1
) STRICT;

-- One card per community, issued by the city to the committee director (直通卡).
CREATE TABLE direct_cards (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    community_id INTEGER NOT NULL REFERENCES org_units (id),
    holder_id INTEGER NOT NULL REFERENCES users (id),
    active INTEGER NOT NULL DEFAULT 1,
    issued_at INTEGER NOT NULL,
    revoked_at INTEGER
) STRICT;
CREATE INDEX direct_cards_holder ON direct_cards (holder_id, active);

CREATE TABLE case_counters (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
) STRICT;

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    kind TEXT NOT NULL,
    scope TEXT NOT NULL,
    urgency TEXT NOT NULL,
    category_code TEXT NOT NULL REFERENCES categories (code),
    title TEXT NOT NULL,
    content TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    grid_id INTEGER REFERENCES org_units (id),
    lat REAL,
    lng REAL,
    people_involved INTEGER NOT NULL DEFAULT 1,
    reporter_name TEXT NOT NULL DEFAULT '',
    reporter_phone TEXT NOT NULL DEFAULT '',
    reporter_anonymous INTEGER NOT NULL DEFAULT 0,
    reporter_confidential INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL,
    holder_id INTEGER NOT NULL REFERENCES org_units (id),
    holder_path TEXT NOT NULL,
    origin_id INTEGER NOT NULL REFERENCES org_units (id),
    origin_path TEXT NOT NULL,
    receiving_office_id INTEGER NOT NULL REFERENCES org_units (id),
    dispatcher_id INTEGER REFERENCES org_units (id),
    lead_unit_id INTEGER REFERENCES org_units (id),
    escalated_to_id INTEGER REFERENCES org_units (id),
    escalated_from TEXT,
    created_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    channel_fields TEXT NOT NULL DEFAULT '{}',
    master_case_id INTEGER REFERENCES cases (id),
    external_ref TEXT NOT NULL DEFAULT '',
    publish INTEGER NOT NULL DEFAULT 0,
    query_code_digest TEXT NOT NULL DEFAULT '',
    result TEXT,
    answer_text TEXT NOT NULL DEFAULT '',
    satisfaction TEXT,
    extension_count INTEGER NOT NULL DEFAULT 0,
    reopen_count INTEGER NOT NULL DEFAULT 0,
    follow_up_attempts INTEGER NOT NULL DEFAULT 0,
    first_contact_at INTEGER,
    committed_date INTEGER,
    deadline INTEGER,
    closed_at INTEGER,
    last_action TEXT NOT NULL DEFAULT 'create'
) STRICT;
CREATE INDEX cases_holder ON cases (holder_path, state, deadline);
CREATE INDEX cases_created ON cases (created_at, id);
CREATE INDEX cases_state_deadline ON cases (state, deadline);
CREATE INDEX cases_creator ON cases (created_by, created_at);

-- Units that assist the lead unit (协办).
CREATE TABLE case_assisting (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    unit_id INTEGER NOT NULL REFERENCES org_units (id),
    PRIMARY KEY (case_id, unit_id)
) STRICT;

-- Every org node with a stake in a case (where it arose, every holder, assisting units, the
-- leader it was escalated to): visibility is "some row's path lies in one of my scopes".
CREATE TABLE case_access (
    path TEXT NOT NULL,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    PRIMARY KEY (path, case_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_access_case ON case_access (case_id);

-- Append-only: no statement of the server updates or deletes a row here.
CREATE TABLE case_events (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    actor_id INTEGER REFERENCES users (id),
    actor_role TEXT NOT NULL DEFAULT '',
    actor_unit_id INTEGER REFERENCES org_units (id),
    action TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    from_state TEXT,
    to_state TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    UNIQUE (case_id, seq)
) STRICT;

CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN
    SELECT RAISE(ABORT, 'case_events is append-only');
END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN
    SELECT RAISE(ABORT, 'case_events is append-only');
END;

-- Pre-segmented title and content (ICU words + Han bigrams); rowid = cases.id.
CREATE VIRTUAL TABLE case_search USING fts5(tokens, tokenize = "unicode61 remove_diacritics 0");

CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    filename TEXT NOT NULL,
    uploaded_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX attachments_case ON attachments (case_id);

-- A create retried with the same key returns the first result.
CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
) STRICT;
