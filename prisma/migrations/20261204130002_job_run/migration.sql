-- Scheduled jobs (SPEC §18): one row per job, claimed once per schedule slot across all scheduler instances, with when
-- it last ran and how it went (shown to administrators and used by the readiness check).
CREATE TYPE "JobRunStatus" AS ENUM ('RUNNING', 'OK', 'FAILED');

CREATE TABLE "job_run" (
    "name" VARCHAR(40) NOT NULL,
    "last_slot" TIMESTAMPTZ(3),
    "last_started_at" TIMESTAMPTZ(3),
    "last_finished_at" TIMESTAMPTZ(3),
    "last_succeeded_at" TIMESTAMPTZ(3),
    "last_status" "JobRunStatus",
    "last_duration_ms" INTEGER,
    "last_result" JSONB,
    "last_error" TEXT,
    "last_instance" TEXT,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "job_run_pkey" PRIMARY KEY ("name")
);
