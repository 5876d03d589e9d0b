-- Administration and security hardening (SPEC §10, §11): temporary passwords that must be changed, the TOTP second
-- factor of staff (encrypted secret, replay guard, one-time recovery codes kept as keyed hashes), the second-factor
-- time of each session, and the retention job's erasure marks on cases and evidence.

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "must_change_password" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "totp_enabled_at" TIMESTAMPTZ(3),
ADD COLUMN     "totp_last_time_step" INTEGER,
ADD COLUMN     "totp_secret_cipher" TEXT;

-- AlterTable
ALTER TABLE "session" ADD COLUMN     "second_factor_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "appeal_case" ADD COLUMN     "personal_data_erased_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "evidence" ADD COLUMN     "erased_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "recovery_code" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "code_hash" CHAR(64) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recovery_code_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "recovery_code_user_id_idx" ON "recovery_code"("user_id");

-- AddForeignKey
ALTER TABLE "recovery_code" ADD CONSTRAINT "recovery_code_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateIndex
-- The retention job reads only closed cases whose personal data is still there.
CREATE INDEX "appeal_case_retention_idx" ON "appeal_case"("closed_at") WHERE closed_at IS NOT NULL AND personal_data_erased_at IS NULL;
