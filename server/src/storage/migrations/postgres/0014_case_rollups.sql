-- Statistics rollups: the number of cases received on each day (China time) per place, unit,
-- category, channel, kind, urgency and state. Every case counts once in the scope '' (what
-- callers who see every case read) and once in the path of every org node that contains one of
-- its stakes (case_access), so that a caller whose jurisdiction is one subtree reads that
-- subtree's rows: the case list's visibility, evaluated when the case changes. Kept by the case
-- repository in the transaction that changes the case; rows that fall to zero are deleted.
-- area_*: the division at that level on the way to the case's origin, or the origin itself when
-- it lies above that level.
CREATE TABLE case_rollups (
    scope TEXT NOT NULL,
    day BIGINT NOT NULL,
    origin_id BIGINT NOT NULL,
    holder_id BIGINT NOT NULL,
    lead_unit_id BIGINT NOT NULL,
    category_code TEXT NOT NULL,
    channel TEXT NOT NULL,
    kind TEXT NOT NULL,
    urgency TEXT NOT NULL,
    state TEXT NOT NULL,
    area_district BIGINT NOT NULL,
    area_street BIGINT NOT NULL,
    area_community BIGINT NOT NULL,
    area_grid BIGINT NOT NULL,
    cases BIGINT NOT NULL,
    PRIMARY KEY (scope, day, origin_id, holder_id, lead_unit_id, category_code, channel, kind,
                 urgency, state)
);

-- The same counts by day and state only: a year's daily trend reads 365 × 14 rows at most.
CREATE TABLE case_rollup_days (
    scope TEXT NOT NULL,
    day BIGINT NOT NULL,
    state TEXT NOT NULL,
    cases BIGINT NOT NULL,
    PRIMARY KEY (scope, day, state)
);
