-- Interim relief (SPEC §15): a citizen's request for a temporary correction of their code before the decision, its
-- grant or refusal, the temporary order and how it ended (made permanent or reverted by the decision, or reverted on
-- expiry). Case data: held with its case's province (composite foreign key, cascaded by a transfer). Values are TEXT
-- with CHECK constraints (no new enum types: docs/scaling.md); the lists live in lib/cases/rules/interim-relief.ts.

-- Temporary correction orders and their reverts are outbox events of their own kind: they carry an expiry, and they
-- must not count as the decision's correction order (effectuation, the 2-hour board).
ALTER TYPE "OutboxKind" ADD VALUE 'INTERIM_RELIEF_ORDER';

-- CreateTable
CREATE TABLE "interim_relief" (
    "id" UUID NOT NULL,
    "province_code" CHAR(2) NOT NULL,
    "case_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT,
    "status" TEXT NOT NULL DEFAULT 'REQUESTED',
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,
    "decided_by_role" TEXT,
    "decision_reason" TEXT,
    "automatic" BOOLEAN NOT NULL DEFAULT false,
    "from_colour" "CodeColour" NOT NULL,
    "to_colour" "CodeColour",
    "expires_at" TIMESTAMPTZ(3),
    "order_id" UUID,
    "order_confirmed_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "end_cause" TEXT,
    "revert_order_id" UUID,
    "revert_confirmed_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "interim_relief_pkey" PRIMARY KEY ("province_code","id"),
    CONSTRAINT "interim_relief_reason_check" CHECK ("reason" IN ('MEDICAL_CARE', 'WORK', 'TRAVEL')),
    CONSTRAINT "interim_relief_status_check"
        CHECK ("status" IN ('REQUESTED', 'GRANTED', 'REFUSED', 'PERMANENT', 'REVERTED', 'LAPSED')),
    CONSTRAINT "interim_relief_end_cause_check"
        CHECK ("end_cause" IS NULL OR "end_cause" IN ('DECISION_CORRECTS', 'DECISION_UPHOLDS', 'EXPIRED', 'WITHDRAWN')),
    CONSTRAINT "interim_relief_detail_check" CHECK ("detail" IS NULL OR char_length("detail") <= 500)
);

-- At most one open request or active relief per case.
CREATE UNIQUE INDEX "interim_relief_open_key" ON "interim_relief"("province_code", "case_id")
    WHERE "status" IN ('REQUESTED', 'GRANTED');

-- CreateIndex
CREATE INDEX "interim_relief_province_code_case_id_idx" ON "interim_relief"("province_code", "case_id");

-- The expiry sweep and the supervisors' waiting list, per province.
CREATE INDEX "interim_relief_province_code_status_expires_at_idx" ON "interim_relief"("province_code", "status", "expires_at");

-- AddForeignKey
ALTER TABLE "interim_relief" ADD CONSTRAINT "interim_relief_province_code_case_id_fkey" FOREIGN KEY ("province_code", "case_id") REFERENCES "appeal_case"("province_code", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

