-- The org network and accounts. Instants are Unix epoch milliseconds (INTEGER) so both
-- backends store and compare them the same way; flags are 0/1 integers.

CREATE TABLE org_units (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('division', 'unit', 'section')),
    level TEXT NOT NULL CHECK (level IN ('city', 'district', 'street', 'community', 'grid')),
    unit_type TEXT NOT NULL DEFAULT '',
    parent_id INTEGER REFERENCES org_units (id),
    -- "/1/5/23/": the ids from the root down to this unit, for subtree queries by prefix.
    path TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    boundary TEXT,
    leader_in_charge TEXT NOT NULL DEFAULT '',
    responsible_section TEXT NOT NULL DEFAULT '',
    hotline TEXT NOT NULL DEFAULT '',
    handlers TEXT NOT NULL DEFAULT '[]',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX org_units_parent ON org_units (parent_id);
CREATE INDEX org_units_path ON org_units (path);
CREATE INDEX org_units_level ON org_units (level, kind);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE role_assignments (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    org_unit_id INTEGER NOT NULL REFERENCES org_units (id),
    granted_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL,
    UNIQUE (user_id, role, org_unit_id)
) STRICT;
CREATE INDEX role_assignments_unit ON role_assignments (org_unit_id);

-- Sessions and API tokens are stored only as SHA-256 digests of their secrets.
CREATE TABLE sessions (
    token_digest TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    token_digest TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
) STRICT;

CREATE TABLE auth_events (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    username TEXT NOT NULL DEFAULT '',
    user_id INTEGER,
    address TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX auth_events_at ON auth_events (at);
