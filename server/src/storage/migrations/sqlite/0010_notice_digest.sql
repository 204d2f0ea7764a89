-- How notices reach people (issue 11): each person's choice per kind of notice, immediate or
-- in the morning digest (每日汇总); the notices held for the next digest; and the working days
-- whose digest has gone out, so it goes out once a day however many processes run the job.

CREATE TABLE notice_preferences (
    user_id INTEGER NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('immediate', 'digest')),
    PRIMARY KEY (user_id, kind)
) STRICT;

-- The inbox message a notice would have been, held until the digest gathers it. Its dedupe
-- key is the message's, so a sweep that runs again holds nothing twice.
CREATE TABLE notice_digest_items (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    template_key TEXT NOT NULL,
    params TEXT NOT NULL DEFAULT '{}',
    case_id INTEGER REFERENCES cases (id),
    dedupe_key TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    -- The working day ('2026-12-07') whose digest gathered it; NULL while it waits.
    digested_on TEXT
) STRICT;
CREATE INDEX notice_digest_items_waiting ON notice_digest_items (user_id, id)
    WHERE digested_on IS NULL;

CREATE TABLE notice_digest_runs (
    day TEXT PRIMARY KEY,
    ran_at INTEGER NOT NULL,
    digests INTEGER NOT NULL DEFAULT 0
) STRICT;
