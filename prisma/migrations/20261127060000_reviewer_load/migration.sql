-- Each reviewer's open-case count, kept by every case change, so routing reads one number per reviewer instead of
-- counting thousands of cases under the province's audit-chain lock (docs/benchmarks.md).
ALTER TABLE "app_user" ADD COLUMN "open_case_count" INTEGER NOT NULL DEFAULT 0;

UPDATE "app_user" u
   SET "open_case_count" = (SELECT count(*)::int FROM "appeal_case" c
                             WHERE c."assignee_id" = u."id" AND c."state" IN ('ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN'))
 WHERE u."role" = 'REVIEWER';

-- A prefix of appeal_case_issuing_filed_idx (supervision), so redundant.
DROP INDEX "appeal_case_issuing_province_code_issuing_unit_code_idx";
