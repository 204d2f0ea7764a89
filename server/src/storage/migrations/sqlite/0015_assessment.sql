-- Unit assessment (考核): the versions of the scheme, each period's state, the frozen results of
-- closed periods, the units' appeals and the audit trail of every step.
--
-- assessment_schemes: one row per version; `scheme` is the scheme as JSON (the API's camelCase
-- body). Rows are never changed: a change is a new version.
CREATE TABLE assessment_schemes (
    version INTEGER PRIMARY KEY,
    scheme TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT ''
) STRICT;

-- assessment_periods: a period someone published or closed ("2026-11", "2026-Q4", "2026").
-- A period without a row is open.
CREATE TABLE assessment_periods (
    label TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    scheme_version INTEGER REFERENCES assessment_schemes (version),
    published_at INTEGER,
    appeal_until INTEGER,
    closed_at INTEGER,
    closed_by INTEGER REFERENCES users (id)
) STRICT;

-- assessment_snapshots: the results of a closed period, one row per assessed unit in rank
-- order (`position`); `result` holds its measures with the counted, against and excluded
-- case ids, its adjustments and its composite, as JSON. Read instead of the cases once
-- closed, so later edits of cases or of the scheme never move a closed ranking.
CREATE TABLE assessment_snapshots (
    period TEXT NOT NULL REFERENCES assessment_periods (label),
    position INTEGER NOT NULL,
    unit_kind TEXT NOT NULL,
    unit_id INTEGER NOT NULL,
    result TEXT NOT NULL,
    PRIMARY KEY (period, position)
) STRICT;

CREATE TABLE assessment_appeals (
    id INTEGER PRIMARY KEY,
    period TEXT NOT NULL,
    unit_kind TEXT NOT NULL,
    unit_id INTEGER NOT NULL,
    measure TEXT NOT NULL,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    reason TEXT NOT NULL,
    attachment_ids TEXT NOT NULL DEFAULT '[]',
    state TEXT NOT NULL,
    filed_by INTEGER NOT NULL REFERENCES users (id),
    filed_at INTEGER NOT NULL,
    decided_by INTEGER REFERENCES users (id),
    decided_at INTEGER,
    decision_reason TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX assessment_appeals_period ON assessment_appeals (period, state);

-- Append-only: no statement of the server updates or deletes a row here.
CREATE TABLE assessment_log (
    id INTEGER PRIMARY KEY,
    period TEXT,
    action TEXT NOT NULL,
    actor_id INTEGER REFERENCES users (id),
    at INTEGER NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    details TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX assessment_log_period ON assessment_log (period, id);

-- The cases a period may count: created before its end, and open or changed since shortly
-- before its start.
CREATE INDEX cases_updated ON cases (updated_at, created_at);
