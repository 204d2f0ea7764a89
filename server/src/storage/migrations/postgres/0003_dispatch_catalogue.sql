-- The dispatch catalogue (派单目录): suggested lead and assisting units per category and
-- routing level; unit codes may hold "{district}" for the routing district's code.
CREATE TABLE dispatch_catalogue (
    category_code TEXT NOT NULL REFERENCES categories (code),
    level TEXT NOT NULL CHECK (level IN ('city', 'district')),
    lead_unit TEXT NOT NULL,
    assisting_units TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (category_code, level)
);
