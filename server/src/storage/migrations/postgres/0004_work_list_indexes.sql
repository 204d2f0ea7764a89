-- Work lists filter by holder and state and page newest first; without this index a unit's
-- list read every case in the requested states (hundreds of milliseconds at a million cases).
CREATE INDEX cases_holder_state_created ON cases (holder_id, state, created_at);
