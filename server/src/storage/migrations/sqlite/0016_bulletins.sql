-- The 《社情民意专报》 bulletins: an office's issues with their sections (JSON: text beside the
-- figures computed for the period), the append-only history of each, and the recipients'
-- copies with their read receipts.

CREATE TABLE bulletins (
    id INTEGER PRIMARY KEY,
    issuer_id INTEGER NOT NULL REFERENCES org_units (id),
    series TEXT NOT NULL,
    kind TEXT NOT NULL,
    period_from INTEGER NOT NULL,
    period_to INTEGER NOT NULL,
    year INTEGER NOT NULL,
    -- 第N期: set when issued; per office, series and year, without gaps.
    number INTEGER,
    title TEXT NOT NULL,
    state TEXT NOT NULL,
    sections TEXT NOT NULL,
    typical_case_ids TEXT NOT NULL,
    distribution TEXT NOT NULL,
    -- Searched by the archive's list: the title and every section's text.
    search_text TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    submitted_by INTEGER REFERENCES users (id),
    submitted_at INTEGER,
    issued_by INTEGER REFERENCES users (id),
    issued_at INTEGER,
    return_note TEXT NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

-- Two issues can never share a number, even when two heads issue at once.
CREATE UNIQUE INDEX bulletins_number ON bulletins (issuer_id, series, year, number)
    WHERE number IS NOT NULL;
CREATE INDEX bulletins_issuer ON bulletins (issuer_id, id);

CREATE TABLE bulletin_log (
    id INTEGER PRIMARY KEY,
    bulletin_id INTEGER NOT NULL REFERENCES bulletins (id),
    action TEXT NOT NULL,
    by_user INTEGER NOT NULL REFERENCES users (id),
    logged_at INTEGER NOT NULL,
    note TEXT NOT NULL
) STRICT;
CREATE INDEX bulletin_log_bulletin ON bulletin_log (bulletin_id, id);

CREATE TABLE bulletin_receipts (
    bulletin_id INTEGER NOT NULL REFERENCES bulletins (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    delivered_at INTEGER NOT NULL,
    read_at INTEGER,
    PRIMARY KEY (bulletin_id, user_id)
) STRICT;
CREATE INDEX bulletin_receipts_user ON bulletin_receipts (user_id, bulletin_id);
