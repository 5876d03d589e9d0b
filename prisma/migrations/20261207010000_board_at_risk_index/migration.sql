-- The deadline board's at-risk count (issue 18): running clocks of open cases by province and the time they reach
-- 75% of their allowed time, so the count reads the clocks past that point (at risk, or overdue and filtered out by
-- due_at) instead of every open case not yet due through appeal_case_open_deadline_idx. A province's count is one
-- range of it; the national count one range per province (PostgreSQL's skip scan; on Citus one per shard).
CREATE INDEX "appeal_case_at_risk_idx" ON "appeal_case" ("province_code", "at_risk_at", "due_at")
  WHERE "paused_since" IS NULL
    AND "state" IN ('SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN', 'SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW');

