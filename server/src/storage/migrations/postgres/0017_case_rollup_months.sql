-- Monthly rollups for the questions a dashboard asks most: a whole month by area down to grids,
-- and a whole month by district and category. A month of the daily rollups in the scope '' is
-- one row per case and day (a day's cases rarely share place, unit, category, channel, kind,
-- urgency and state); these hold a tenth to a twentieth of that. Kept, like the daily rollups,
-- by the case repository in the transaction that changes a case, for the scopes '' and the top
-- two levels of the org tree only (domain/rollup_table.hpp): deeper scopes have few rows.
-- month: the day number of the month's first day (China time).
CREATE TABLE case_rollup_month_areas (
    scope TEXT NOT NULL,
    month BIGINT NOT NULL,
    area_district BIGINT NOT NULL,
    area_street BIGINT NOT NULL,
    area_community BIGINT NOT NULL,
    area_grid BIGINT NOT NULL,
    state TEXT NOT NULL,
    cases BIGINT NOT NULL,
    PRIMARY KEY (scope, month, area_district, area_street, area_community, area_grid, state)
);

CREATE TABLE case_rollup_month_categories (
    scope TEXT NOT NULL,
    month BIGINT NOT NULL,
    area_district BIGINT NOT NULL,
    category_code TEXT NOT NULL,
    state TEXT NOT NULL,
    cases BIGINT NOT NULL,
    PRIMARY KEY (scope, month, area_district, category_code, state)
);

-- From the daily rollups already stored.
INSERT INTO case_rollup_month_areas
SELECT scope, date_trunc('month', DATE '1970-01-01' + day::integer)::date - DATE '1970-01-01',
       area_district, area_street, area_community, area_grid, state, SUM(cases)
FROM case_rollups
WHERE length(scope) - length(replace(scope, '/', '')) <= 3
GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO case_rollup_month_categories
SELECT scope, date_trunc('month', DATE '1970-01-01' + day::integer)::date - DATE '1970-01-01',
       area_district, category_code, state, SUM(cases)
FROM case_rollups
WHERE length(scope) - length(replace(scope, '/', '')) <= 3
GROUP BY 1, 2, 3, 4, 5;
