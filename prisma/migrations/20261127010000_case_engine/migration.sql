-- Case engine: the deadline in force at decision time (for "decided within deadline" statistics, never moved by
-- later changes), and the citizen's own words on withdrawal and second-review requests (case data, not audit data).
ALTER TABLE "decision" ADD COLUMN "deadline_at" TIMESTAMPTZ(3) NOT NULL;
ALTER TABLE "appeal_case" ADD COLUMN "withdrawal_reason" TEXT;
ALTER TABLE "appeal_case" ADD COLUMN "second_review_reason" TEXT;

-- The deadline sweep looks only at unmarked, running clocks of open cases: partial indexes keep it proportional
-- to the work to do, not to the size of the table.
CREATE INDEX "appeal_case_sweep_at_risk_idx" ON "appeal_case" ("at_risk_at")
  WHERE "at_risk_marked_at" IS NULL AND "paused_since" IS NULL
    AND "state" IN ('SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW');
CREATE INDEX "appeal_case_sweep_overdue_idx" ON "appeal_case" ("due_at")
  WHERE "overdue_marked_at" IS NULL AND "paused_since" IS NULL
    AND "state" IN ('SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW');
CREATE INDEX "appeal_case_sweep_close_idx" ON "appeal_case" ("second_review_deadline_at") WHERE "state" = 'DECIDED';
