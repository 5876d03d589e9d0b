-- The citizen's rights over their data (SPEC §17): requests to correct a case's contact number or to erase a closed
-- case's personal data early, queued for the supervisors of the case's province with a deadline, and answered.

-- CreateEnum
CREATE TYPE "DataRequestKind" AS ENUM ('CORRECT_CONTACT', 'ERASE_CASE');

-- CreateEnum
CREATE TYPE "DataRequestStatus" AS ENUM ('PENDING', 'COMPLETED', 'REFUSED');

-- CreateTable
CREATE TABLE "data_rights_request" (
    "id" UUID NOT NULL,
    "province_code" CHAR(2) NOT NULL,
    "case_id" UUID NOT NULL,
    "citizen_id" UUID NOT NULL,
    "kind" "DataRequestKind" NOT NULL,
    "new_mobile" VARCHAR(11),
    "note" TEXT,
    "status" "DataRequestStatus" NOT NULL DEFAULT 'PENDING',
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "answer" TEXT,
    "answered_at" TIMESTAMPTZ(3),
    "answered_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_rights_request_pkey" PRIMARY KEY ("province_code","id")
);

-- CreateIndex
CREATE INDEX "data_rights_request_citizen_id_created_at_idx" ON "data_rights_request"("citizen_id", "created_at");

-- CreateIndex
CREATE INDEX "data_rights_request_province_code_status_due_at_idx" ON "data_rights_request"("province_code", "status", "due_at");

-- CreateIndex
CREATE INDEX "data_rights_request_case_id_idx" ON "data_rights_request"("case_id");

-- AddForeignKey
ALTER TABLE "data_rights_request" ADD CONSTRAINT "data_rights_request_province_code_case_id_fkey" FOREIGN KEY ("province_code", "case_id") REFERENCES "appeal_case"("province_code", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_rights_request" ADD CONSTRAINT "data_rights_request_citizen_id_fkey" FOREIGN KEY ("citizen_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
