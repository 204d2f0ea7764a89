-- Saved views of the case list (per user), and what the administration pages need: one
-- active direct card per community, and message templates an administrator edited (which the
-- template file loaded at every start must not overwrite).

-- A named set of case-list filters; `query` is a JSON object of filter name to value.
CREATE TABLE saved_views (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    query TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (user_id, name)
) STRICT;

-- A community has one active card at a time: the database holds to it even if two
-- administrators issue at once.
CREATE UNIQUE INDEX direct_cards_active_community ON direct_cards (community_id)
    WHERE active = 1;

ALTER TABLE message_templates ADD COLUMN edited_at INTEGER;
ALTER TABLE message_templates ADD COLUMN edited_by INTEGER REFERENCES users (id);
