-- Security: who may manage an account without roles, when cached credentials go stale, and
-- which stored files no attachment names.

-- The admin who created an account and the scope they created it in: an account without
-- roles belongs there, so only admins whose scope contains it manage it. Accounts from before
-- have neither and are left to the city's admins.
ALTER TABLE users ADD COLUMN created_by INTEGER REFERENCES users (id);
ALTER TABLE users ADD COLUMN home_path TEXT;

-- Moves whenever a password, the active flag or a role changes, or a session or token of the
-- user ends: every server process re-reads a cached session or token whose version moved, so
-- such a change takes effect in all of them at once.
ALTER TABLE users ADD COLUMN credential_version INTEGER NOT NULL DEFAULT 0;

-- The orphan sweep asks, per stored file, whether any attachment names it.
CREATE INDEX attachments_sha256 ON attachments (sha256);
