-- Names people search and answers people have read.
--
-- search_tokens: the index tokens (text::IndexTokens) of each unit's name, short name and code,
-- so that a picker finds 住建局 or 永前 by any part of the name through the GIN index instead of
-- scanning every unit. Written by the org repository; units that existed before this migration
-- are indexed at start (OrgService::IndexUnitNames).
ALTER TABLE org_units ADD COLUMN search_tokens tsvector;
CREATE INDEX org_units_search ON org_units USING GIN (search_tokens);

-- case_reads: when a person last opened a case. A case's answer is unread by its creator while
-- the answer event is newer than their last opening (docs/api.md, "Homes").
CREATE TABLE case_reads (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    read_at BIGINT NOT NULL,
    PRIMARY KEY (case_id, user_id)
);
