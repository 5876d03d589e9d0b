-- SMS through real providers (SPEC §11, §18): notifications are claimed with a lease (no row lock is held while the
-- provider answers), and every call to a provider is recorded with its outcome (masked number, never the text).
ALTER TABLE "notification" ADD COLUMN "locked_until" TIMESTAMPTZ(3),
                           ADD COLUMN "last_error" TEXT;

CREATE TYPE "SmsDeliveryOutcome" AS ENUM ('SENT', 'FAILED');

CREATE TABLE "sms_delivery" (
    "id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "mobile_masked" VARCHAR(11) NOT NULL,
    "notification_id" UUID,
    "outcome" "SmsDeliveryOutcome" NOT NULL,
    "error_code" TEXT,
    "provider_code" TEXT,
    "provider_message_id" TEXT,
    "duration_ms" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sms_delivery_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "sms_delivery_created_at_idx" ON "sms_delivery"("created_at");
CREATE INDEX "sms_delivery_outcome_created_at_idx" ON "sms_delivery"("outcome", "created_at");
