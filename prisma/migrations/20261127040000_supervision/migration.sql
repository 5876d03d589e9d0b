-- Supervision (SPEC §12, §14): what keeps the supervisors' board, audit view and overreach analytics fast at
-- 1,000,000 cases (docs/supervision.md explains the choice and the measured timings).

-- Analytics read a pre-aggregated table, one row per filing day (Asia/Shanghai) and authority group, instead of
-- grouping every case and decision on each page view. lib/supervision/refresh-stats.ts rebuilds only the groups (filing
-- day × issuing authority × type) of cases changed since its last run (found through appeal_case.updated_at), under an
-- advisory lock, so several app instances never do the same work twice. decision_seconds keeps every first-decision
-- duration of the group, so medians stay exact (medians cannot be summed).
CREATE TABLE "supervision_daily_stat" (
    "day" DATE NOT NULL,
    "province_code" CHAR(2) NOT NULL,
    "issuing_province_code" CHAR(2) NOT NULL,
    "issuing_unit_code" CHAR(6) NOT NULL,
    "type" "CaseType" NOT NULL,
    "refusing_province_code" VARCHAR(2) NOT NULL DEFAULT '',
    "received" INTEGER NOT NULL,
    "decided" INTEGER NOT NULL,
    "overturned" INTEGER NOT NULL,
    "overreach" INTEGER NOT NULL,
    "decided_within_deadline" INTEGER NOT NULL,
    "decision_seconds" INTEGER[],

    CONSTRAINT "supervision_daily_stat_pkey" PRIMARY KEY ("day","province_code","issuing_province_code","issuing_unit_code","type","refusing_province_code")
);

CREATE INDEX "supervision_daily_stat_province_code_day_idx" ON "supervision_daily_stat"("province_code", "day");

-- One row: how far the pre-aggregation has caught up.
CREATE TABLE "supervision_stats_refresh" (
    "id" INTEGER NOT NULL,
    "watermark" TIMESTAMPTZ(3) NOT NULL,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL,
    "full_rebuild_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "supervision_stats_refresh_pkey" PRIMARY KEY ("id")
);

-- The refresh finds changed cases by updated_at, then re-reads only their authority groups on their filing days.
CREATE INDEX "appeal_case_updated_at_idx" ON "appeal_case"("updated_at");
CREATE INDEX "appeal_case_issuing_filed_idx" ON "appeal_case"("issuing_province_code", "issuing_unit_code", "filed_at");

-- The national board lists open cases across provinces by deadline (a province's board uses
-- appeal_case_province_code_state_due_at_idx); open cases are a small share of all cases.
CREATE INDEX "appeal_case_open_due_idx" ON "appeal_case" ("due_at")
  WHERE "state" IN ('SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN', 'SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW');

-- Corrections not confirmed within 2 hours: only unconfirmed correction orders, a small share of the outbox.
CREATE INDEX "outbox_event_unconfirmed_correction_idx" ON "outbox_event" ("created_at")
  WHERE "kind" = 'CORRECTION_ORDER' AND "confirmed_at" IS NULL;

-- The audit view pages through one chain by time (keyset on occurred_at, chain, seq) and filters by action.
CREATE INDEX "audit_event_chain_occurred_at_seq_idx" ON "audit_event"("chain", "occurred_at", "seq");
CREATE INDEX "audit_event_action_occurred_at_idx" ON "audit_event"("action", "occurred_at");
