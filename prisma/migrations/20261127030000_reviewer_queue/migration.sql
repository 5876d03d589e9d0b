-- Reviewer queue (lib/cases/queue.ts): every page is a handful of bounded index range scans, one per urgency segment
-- (overdue × prima facie overreach), read from the keyset position onwards, so page 1,000 costs what page 1 does.
-- Each index ends with (due_at, id): the time left and the tie-break the keyset cursor carries.

-- The province pool: unassigned SUBMITTED cases (their clock never pauses).
CREATE INDEX "appeal_case_pool_queue_idx" ON "appeal_case" ("province_code", "prima_facie_overreach", "due_at", "id")
  WHERE "state" = 'SUBMITTED' AND "assignee_id" IS NULL;

-- The same pool filtered by issuing unit (a county can be a thin slice of a million-case pool).
CREATE INDEX "appeal_case_pool_unit_queue_idx" ON "appeal_case" ("province_code", "issuing_unit_code", "prima_facie_overreach", "due_at", "id")
  WHERE "state" = 'SUBMITTED' AND "assignee_id" IS NULL;

-- A reviewer's own first-level cases whose clock runs.
CREATE INDEX "appeal_case_mine_queue_idx" ON "appeal_case" ("assignee_id", "prima_facie_overreach", "due_at", "id")
  WHERE "paused_since" IS NULL AND "state" IN ('ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN');

-- …and those whose clock is paused (awaiting the citizen). They sort by the time left when the clock stopped
-- (due_at - paused_since), which no plain index holds; they are few per reviewer and are sorted per page.
CREATE INDEX "appeal_case_mine_paused_idx" ON "appeal_case" ("assignee_id", "prima_facie_overreach")
  WHERE "paused_since" IS NOT NULL AND "state" IN ('ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN');
