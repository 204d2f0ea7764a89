-- The workbench counts what an office dispatched and is to approve or follow up, and what
-- was escalated to a leader; each bucket is one index range instead of a scan of the states.
CREATE INDEX cases_dispatcher_state ON cases (dispatcher_id, state);
CREATE INDEX cases_escalated_state ON cases (escalated_to_id, state);
