-- Distribution keys (docs/scaling.md): every primary and unique key of a table distributed by province_code includes
-- province_code, and every foreign key between two such tables includes it on both sides, so Citus can distribute
-- and colocate them. lib/db/distribution.ts classifies each table; test/db/distribution.test.ts enforces the rule.
-- Written to run on a database that already holds cases: foreign keys are dropped first and re-added last.

-- DropForeignKey
ALTER TABLE "case_exclusion" DROP CONSTRAINT "case_exclusion_case_id_fkey";
ALTER TABLE "evidence" DROP CONSTRAINT "evidence_case_id_fkey";
ALTER TABLE "information_request" DROP CONSTRAINT "information_request_case_id_fkey";
ALTER TABLE "decision" DROP CONSTRAINT "decision_case_id_fkey";
ALTER TABLE "decision" DROP CONSTRAINT "decision_supersedes_id_fkey";
ALTER TABLE "webhook_delivery" DROP CONSTRAINT "webhook_delivery_outbox_event_id_fkey";
-- A case's code assignment lives in the issuing province's system (code_assignment.province_code), which is not the
-- province whose pool holds the case: the pair is not colocated, so the reference is checked by the application.
ALTER TABLE "appeal_case" DROP CONSTRAINT "appeal_case_code_assignment_id_fkey";

-- Rows of a case carry the case's province (the transfer used to copy it by hand); make sure they agree before the
-- composite foreign keys check it.
UPDATE "evidence" e SET "province_code" = c."province_code" FROM "appeal_case" c WHERE c."id" = e."case_id" AND e."province_code" <> c."province_code";
UPDATE "information_request" r SET "province_code" = c."province_code" FROM "appeal_case" c WHERE c."id" = r."case_id" AND r."province_code" <> c."province_code";
UPDATE "decision" d SET "province_code" = c."province_code" FROM "appeal_case" c WHERE c."id" = d."case_id" AND d."province_code" <> c."province_code";
UPDATE "case_exclusion" x SET "province_code" = c."province_code" FROM "appeal_case" c WHERE c."id" = x."case_id" AND x."province_code" <> c."province_code";
UPDATE "notification" n SET "province_code" = c."province_code" FROM "appeal_case" c WHERE c."id" = n."case_id" AND n."province_code" <> c."province_code";
UPDATE "webhook_delivery" w SET "province_code" = o."province_code" FROM "outbox_event" o WHERE o."id" = w."outbox_event_id" AND w."province_code" <> o."province_code";

-- CreateTable
-- Idempotency keys of filings, distributed by the key itself: the payload decides the province, so a key unique only
-- per province could not refuse "same key, other payload". Written in the filing transaction, before the case.
CREATE TABLE "filing_idempotency_key" (
    "key" TEXT NOT NULL,
    "citizen_id" UUID NOT NULL,
    "payload_hash" TEXT NOT NULL,
    "case_id" UUID NOT NULL,
    "province_code" CHAR(2) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "filing_idempotency_key_pkey" PRIMARY KEY ("key")
);

INSERT INTO "filing_idempotency_key" ("key", "citizen_id", "payload_hash", "case_id", "province_code", "created_at")
SELECT "idempotency_key", "citizen_id", "payload_hash", "id", "province_code", "created_at" FROM "appeal_case";

-- appeal_case: (province_code, id); lookups by id alone (citizens, national supervisors) and by reference alone
-- (the status page: a transferred case keeps the reference, and the province code in it, it was filed with) use
-- plain indexes.
ALTER TABLE "appeal_case" DROP CONSTRAINT "appeal_case_pkey",
ADD CONSTRAINT "appeal_case_pkey" PRIMARY KEY ("province_code", "id");
DROP INDEX "appeal_case_reference_key";
DROP INDEX "appeal_case_idempotency_key_key";
CREATE INDEX "appeal_case_id_idx" ON "appeal_case"("id");
CREATE INDEX "appeal_case_reference_idx" ON "appeal_case"("reference");
CREATE UNIQUE INDEX "appeal_case_province_code_reference_key" ON "appeal_case"("province_code", "reference");
CREATE UNIQUE INDEX "appeal_case_province_code_idempotency_key_key" ON "appeal_case"("province_code", "idempotency_key");

-- Children of a case.
ALTER TABLE "evidence" DROP CONSTRAINT "evidence_pkey",
ADD CONSTRAINT "evidence_pkey" PRIMARY KEY ("province_code", "id");

ALTER TABLE "information_request" DROP CONSTRAINT "information_request_pkey",
ADD CONSTRAINT "information_request_pkey" PRIMARY KEY ("province_code", "id");

ALTER TABLE "decision" DROP CONSTRAINT "decision_pkey",
ADD CONSTRAINT "decision_pkey" PRIMARY KEY ("province_code", "id");
DROP INDEX "decision_case_id_level_key";
DROP INDEX "decision_supersedes_id_key";
CREATE UNIQUE INDEX "decision_province_code_case_id_level_key" ON "decision"("province_code", "case_id", "level");
CREATE UNIQUE INDEX "decision_province_code_supersedes_id_key" ON "decision"("province_code", "supersedes_id");

ALTER TABLE "case_exclusion" DROP CONSTRAINT "case_exclusion_pkey",
ADD CONSTRAINT "case_exclusion_pkey" PRIMARY KEY ("province_code", "case_id", "reviewer_id");

ALTER TABLE "notification" DROP CONSTRAINT "notification_pkey",
ADD CONSTRAINT "notification_pkey" PRIMARY KEY ("province_code", "id");

-- Integration rows, distributed by the province whose system they belong to or are addressed to, which need not be
-- the province holding the case: no foreign key from them to appeal_case.
ALTER TABLE "outbox_event" DROP CONSTRAINT "outbox_event_pkey",
ADD CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("province_code", "id");

ALTER TABLE "webhook_delivery" DROP CONSTRAINT "webhook_delivery_pkey",
ADD CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("province_code", "id");

ALTER TABLE "code_assignment" DROP CONSTRAINT "code_assignment_pkey",
ADD CONSTRAINT "code_assignment_pkey" PRIMARY KEY ("province_code", "id");

-- AddForeignKey: colocated, and ON UPDATE CASCADE so that on one PostgreSQL a transfer (UPDATE appeal_case SET
-- province_code) carries the case's rows along; on Citus the transfer becomes a move (docs/scaling.md).
ALTER TABLE "case_exclusion" ADD CONSTRAINT "case_exclusion_province_code_case_id_fkey" FOREIGN KEY ("province_code", "case_id") REFERENCES "appeal_case"("province_code", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_province_code_case_id_fkey" FOREIGN KEY ("province_code", "case_id") REFERENCES "appeal_case"("province_code", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "information_request" ADD CONSTRAINT "information_request_province_code_case_id_fkey" FOREIGN KEY ("province_code", "case_id") REFERENCES "appeal_case"("province_code", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "decision" ADD CONSTRAINT "decision_province_code_case_id_fkey" FOREIGN KEY ("province_code", "case_id") REFERENCES "appeal_case"("province_code", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "decision" ADD CONSTRAINT "decision_province_code_supersedes_id_fkey" FOREIGN KEY ("province_code", "supersedes_id") REFERENCES "decision"("province_code", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "notification" ADD CONSTRAINT "notification_province_code_case_id_fkey" FOREIGN KEY ("province_code", "case_id") REFERENCES "appeal_case"("province_code", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_province_code_outbox_event_id_fkey" FOREIGN KEY ("province_code", "outbox_event_id") REFERENCES "outbox_event"("province_code", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
