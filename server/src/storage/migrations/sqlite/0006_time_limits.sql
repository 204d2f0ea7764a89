-- Time limits: the working calendar (the State Council notices' holidays and make-up working
-- days, and the years whose notice is loaded), the time-limit rules, the deadline fields of a
-- case and its supervision records.

-- A day that differs from the weekend rule: a weekday off or a weekend day worked.
CREATE TABLE calendar_days (
    day TEXT PRIMARY KEY,  -- YYYY-MM-DD in China
    working INTEGER NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL,
    updated_by INTEGER REFERENCES users (id)
) STRICT;

-- Years whose official notice is loaded; deadlines in other years are provisional.
CREATE TABLE calendar_years (
    year INTEGER PRIMARY KEY,
    source TEXT NOT NULL DEFAULT '',
    loaded_at INTEGER NOT NULL
) STRICT;

-- One limit per step, for cases matching urgency, kind and channel ('' matches any).
CREATE TABLE time_limit_rules (
    id INTEGER PRIMARY KEY,
    urgency TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL DEFAULT '',
    step TEXT NOT NULL,
    time_limit TEXT NOT NULL,
    UNIQUE (urgency, kind, channel, step)
) STRICT;

ALTER TABLE cases ADD COLUMN deadline_step TEXT;
ALTER TABLE cases ADD COLUMN step_started_at INTEGER;
ALTER TABLE cases ADD COLUMN yellow_from INTEGER;
ALTER TABLE cases ADD COLUMN deadline_provisional INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN answer_deadline INTEGER;
ALTER TABLE cases ADD COLUMN contact_deadline INTEGER;
ALTER TABLE cases ADD COLUMN requested_extension_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN warning_level INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN supervision_level INTEGER NOT NULL DEFAULT 0;

-- The sweep asks "due and not yet marked": each step is one range of one of these.
CREATE INDEX cases_yellow_due ON cases (warning_level, yellow_from);
CREATE INDEX cases_red_due ON cases (warning_level, deadline);
CREATE INDEX cases_supervision_due ON cases (supervision_level, deadline);

CREATE TABLE case_supervisions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    level INTEGER NOT NULL,
    manual INTEGER NOT NULL DEFAULT 0,
    step TEXT,
    step_deadline INTEGER,
    unit_id INTEGER NOT NULL REFERENCES org_units (id),
    note TEXT NOT NULL DEFAULT '',
    issued_by INTEGER REFERENCES users (id),
    issued_by_unit INTEGER REFERENCES org_units (id),
    issued_at INTEGER NOT NULL,
    reply_due INTEGER,
    replied_at INTEGER,
    replied_by INTEGER REFERENCES users (id),
    reply TEXT NOT NULL DEFAULT '',
    reply_warning_level INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX case_supervisions_case ON case_supervisions (case_id, id);
CREATE INDEX case_supervisions_unit ON case_supervisions (unit_id, issued_at);
CREATE INDEX case_supervisions_reply_due ON case_supervisions (reply_warning_level, reply_due);
-- One automatic record per case, step deadline and level, whatever happens to the sweep.
CREATE UNIQUE INDEX case_supervisions_once ON case_supervisions (case_id, step_deadline, level)
    WHERE manual = 0;
