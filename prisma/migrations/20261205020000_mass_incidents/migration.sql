-- Mass incidents (SPEC §16): many appeals against one issuing unit for one stated reason in a short window are one
-- incident. Detection runs inside the filing transaction (lib/incidents/detect-incident.ts); supervisors handle an
-- incident as a group. Case data is distributed by province_code (docs/scaling.md); no ENUM types, no triggers.

-- CreateTable
CREATE TABLE "incident_policy" (
    "id" SERIAL NOT NULL,
    "province_code" CHAR(2),
    "version" INTEGER NOT NULL,
    "threshold" INTEGER NOT NULL,
    "window_hours" INTEGER NOT NULL,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_policy_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "incident_policy_threshold_check" CHECK ("threshold" BETWEEN 2 AND 100000),
    CONSTRAINT "incident_policy_window_hours_check" CHECK ("window_hours" BETWEEN 1 AND 720)
);

-- CreateIndex
CREATE UNIQUE INDEX "incident_policy_province_code_version_key" ON "incident_policy"("province_code", "version");

-- The national default (a province may publish its own): 20 appeals against one unit for one reason within 24 hours.
INSERT INTO "incident_policy" ("province_code", "version", "threshold", "window_hours", "effective_from")
VALUES (NULL, 1, 20, 24, '2020-01-01T00:00:00+08:00');

-- CreateTable
CREATE TABLE "mass_incident" (
    "id" UUID NOT NULL,
    "province_code" CHAR(2) NOT NULL,
    "issuing_unit_code" CHAR(6) NOT NULL,
    "reason_key" TEXT NOT NULL,
    "escalation" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "case_count" INTEGER NOT NULL,
    "first_filed_at" TIMESTAMPTZ(3) NOT NULL,
    "last_filed_at" TIMESTAMPTZ(3) NOT NULL,
    "detected_at" TIMESTAMPTZ(3) NOT NULL,
    "threshold" INTEGER NOT NULL,
    "window_hours" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mass_incident_pkey" PRIMARY KEY ("province_code","id"),
    CONSTRAINT "mass_incident_escalation_check" CHECK ("escalation" IN ('PROVINCIAL', 'NATIONAL')),
    CONSTRAINT "mass_incident_status_check" CHECK ("status" IN ('OPEN', 'CLOSED'))
);

-- CreateIndex
CREATE INDEX "mass_incident_province_code_status_last_filed_at_idx" ON "mass_incident"("province_code", "status", "last_filed_at");

-- CreateIndex: one open incident per unit and reason (concurrent filings crossing the threshold create one).
CREATE UNIQUE INDEX "mass_incident_open_key" ON "mass_incident"("province_code", "issuing_unit_code", "reason_key") WHERE status = 'OPEN';

-- CreateTable
CREATE TABLE "case_incident" (
    "province_code" CHAR(2) NOT NULL,
    "case_id" UUID NOT NULL,
    "incident_id" UUID NOT NULL,
    "filed_at" TIMESTAMPTZ(3) NOT NULL,
    "linked_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "case_incident_pkey" PRIMARY KEY ("province_code","case_id")
);

-- CreateIndex
CREATE INDEX "case_incident_province_code_incident_id_filed_at_idx" ON "case_incident"("province_code", "incident_id", "filed_at");

-- AddForeignKey
ALTER TABLE "case_incident" ADD CONSTRAINT "case_incident_province_code_case_id_fkey" FOREIGN KEY ("province_code", "case_id") REFERENCES "appeal_case"("province_code", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AlterTable: a decision taken as part of a group names its incident.
ALTER TABLE "decision" ADD COLUMN "incident_id" UUID;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_province_code_incident_id_fkey" FOREIGN KEY ("province_code", "incident_id") REFERENCES "mass_incident"("province_code", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateIndex: detection counts a unit's recent code appeals for one reason (a bounded range of this index).
CREATE INDEX "appeal_case_incident_detect_idx" ON "appeal_case"("province_code", "issuing_unit_code", "filed_at", "stated_reason_code") WHERE type = 'CODE_APPEAL';
