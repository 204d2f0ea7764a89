-- The unit's own layer (二级工作网络): a member unit passes a case to one of its sections or a
-- named 承办人, and its 分管领导 signs the answer a 承办人 drafted before it leaves the unit.

-- Whether a unit's answers wait for its 分管领导; on unless an administrator switches it off.
ALTER TABLE org_units ADD COLUMN answer_approval INTEGER NOT NULL DEFAULT 1;

-- The section and the named 承办人 inside the lead unit the case was passed to.
ALTER TABLE cases ADD COLUMN assignee_unit_id BIGINT REFERENCES org_units (id);
ALTER TABLE cases ADD COLUMN assignee_user_id BIGINT REFERENCES users (id);
-- A drafted answer (result, answer_text, answer_legal_basis) waiting for the 分管领导.
ALTER TABLE cases ADD COLUMN unit_review_pending INTEGER NOT NULL DEFAULT 0;
-- The law or policy a "cannot be done" answer rests on, kept with the answer itself.
ALTER TABLE cases ADD COLUMN answer_legal_basis TEXT NOT NULL DEFAULT '';

-- The cases merged into a master, whose reporters hear its answer.
CREATE INDEX cases_master ON cases (master_case_id) WHERE master_case_id IS NOT NULL;
