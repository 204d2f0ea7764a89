-- Names people search and answers people have read.
--
-- org_unit_search: the index tokens (text::IndexTokens) of each unit's name, short name and code,
-- so that a picker finds 住建局 or 永前 by any part of the name through the full-text index
-- instead of scanning every unit. Rows are written by the org repository; units that existed
-- before this migration are indexed at start (OrgService::IndexUnitNames).
CREATE VIRTUAL TABLE org_unit_search USING fts5(tokens, tokenize = "unicode61 remove_diacritics 0");

-- case_reads: when a person last opened a case. A case's answer is unread by its creator while
-- the answer event is newer than their last opening (docs/api.md, "Homes").
CREATE TABLE case_reads (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    read_at INTEGER NOT NULL,
    PRIMARY KEY (case_id, user_id)
) STRICT, WITHOUT ROWID;
