-- A case waiting in the pool (SUBMITTED) has no reviewer: filing, release, transfer and a supervisor's move back to the
-- pool all leave the assignee empty (lib/cases/rules/transitions.ts), and now the database holds the rule too. So the
-- pool of a province is its SUBMITTED count, which the per-state counters keep (case_state_count): the reviewer's
-- queue page reads its numbers from counters instead of counting the pool's index entries on every view.
ALTER TABLE "appeal_case" ADD CONSTRAINT "appeal_case_pool_unassigned_check" CHECK ("state" <> 'SUBMITTED' OR "assignee_id" IS NULL);

-- The queue's and the board's counts are index-only scans, which stay index-only only on pages the visibility map
-- marks all-visible. With the default thresholds (20 % of the table) a table of a million cases is vacuumed after
-- 200,000 changed or inserted rows, so a day of filings leaves the counts fetching heap pages (measured on the
-- benchmark's data after 60,000 filings: the supervisor board 77 → 311 ms at p50). Vacuum the case table after 1 %.
ALTER TABLE "appeal_case" SET (
  autovacuum_vacuum_scale_factor = 0.01,
  autovacuum_vacuum_insert_scale_factor = 0.01,
  autovacuum_analyze_scale_factor = 0.02
);
