-- The deadline sweep first asks which provinces have clocks to mark (lib/db/provinces.ts: SELECT DISTINCT
-- province_code), then claims one province at a time. Its partial indexes held only the deadline instant, so that
-- question had to read each row's province from the table; PostgreSQL, which estimates the instant's range over the
-- whole table (closed cases included) instead of over the few unmarked clocks in the index, then read all of
-- appeal_case instead: 0.6-0.7 s per kind, on every sweep, at 1,000,000 cases (docs/benchmarks.md, "Session 15").
-- With the province in the index, the question is an index-only scan of the clocks past their instant.
DROP INDEX "appeal_case_sweep_at_risk_idx";
CREATE INDEX "appeal_case_sweep_at_risk_idx" ON "appeal_case" ("at_risk_at", "province_code")
  WHERE "at_risk_marked_at" IS NULL AND "paused_since" IS NULL
    AND "state" IN ('SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW');
DROP INDEX "appeal_case_sweep_overdue_idx";
CREATE INDEX "appeal_case_sweep_overdue_idx" ON "appeal_case" ("due_at", "province_code")
  WHERE "overdue_marked_at" IS NULL AND "paused_since" IS NULL
    AND "state" IN ('SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW');
