-- Monthly rollups for the questions a dashboard asks most: a whole month by area down to grids,
-- and a whole month by district and category. A month of the daily rollups in the scope '' is
-- one row per case and day (a day's cases rarely share place, unit, category, channel, kind,
-- urgency and state); these hold a tenth to a twentieth of that. Kept, like the daily rollups,
-- by the case repository in the transaction that changes a case, for the scopes '' and the top
-- two levels of the org tree only (domain/rollup_table.hpp): deeper scopes have few rows.
-- month: the day number of the month's first day (China time).
CREATE TABLE case_rollup_month_areas (
    scope TEXT NOT NULL,
    month INTEGER NOT NULL,
    area_district INTEGER NOT NULL,
    area_street INTEGER NOT NULL,
    area_community INTEGER NOT NULL,
    area_grid INTEGER NOT NULL,
    state TEXT NOT NULL,
    cases INTEGER NOT NULL,
    PRIMARY KEY (scope, month, area_district, area_street, area_community, area_grid, state)
) STRICT, WITHOUT ROWID;

CREATE TABLE case_rollup_month_categories (
    scope TEXT NOT NULL,
    month INTEGER NOT NULL,
    area_district INTEGER NOT NULL,
    category_code TEXT NOT NULL,
    state TEXT NOT NULL,
    cases INTEGER NOT NULL,
    PRIMARY KEY (scope, month, area_district, category_code, state)
) STRICT, WITHOUT ROWID;

-- From the daily rollups already stored.
INSERT INTO case_rollup_month_areas
SELECT scope, CAST(julianday(date(day * 86400, 'unixepoch', 'start of month')) - 2440587.5
                   AS INTEGER),
       area_district, area_street, area_community, area_grid, state, SUM(cases)
FROM case_rollups
WHERE length(scope) - length(replace(scope, '/', '')) <= 3
GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO case_rollup_month_categories
SELECT scope, CAST(julianday(date(day * 86400, 'unixepoch', 'start of month')) - 2440587.5
                   AS INTEGER),
       area_district, category_code, state, SUM(cases)
FROM case_rollups
WHERE length(scope) - length(replace(scope, '/', '')) <= 3
GROUP BY 1, 2, 3, 4, 5;
