-- Integration with provincial health-code systems (SPEC §9): province systems and their API keys, the replay
-- window of signed requests, pushed code assignments (matched against filings), the webhook delivery log, and
-- effectuation: when a correction order was confirmed.

-- AlterTable
ALTER TABLE "appeal_case" ADD COLUMN     "code_assignment_id" UUID;

-- AlterTable
ALTER TABLE "outbox_event" ADD COLUMN     "confirmed_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "province_system" (
    "province_code" CHAR(2) NOT NULL,
    "name" TEXT NOT NULL,
    "webhook_url" TEXT,
    "webhook_secret_cipher" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "province_system_pkey" PRIMARY KEY ("province_code")
);

-- CreateTable
CREATE TABLE "api_key" (
    "id" UUID NOT NULL,
    "key_id" TEXT NOT NULL,
    "province_code" CHAR(2) NOT NULL,
    "name" TEXT NOT NULL,
    "secret_cipher" TEXT NOT NULL,
    "secret_fingerprint" CHAR(64) NOT NULL,
    "rate_limit_per_minute" INTEGER NOT NULL DEFAULT 600,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_request_nonce" (
    "signature" CHAR(64) NOT NULL,
    "key_id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "api_request_nonce_pkey" PRIMARY KEY ("signature")
);

-- CreateTable
CREATE TABLE "code_assignment" (
    "id" UUID NOT NULL,
    "province_code" CHAR(2) NOT NULL,
    "record_id" TEXT NOT NULL,
    "person_pseudonym" TEXT NOT NULL,
    "colour" "CodeColour" NOT NULL,
    "reason_code" TEXT NOT NULL,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL,
    "issuing_unit_code" CHAR(6) NOT NULL,
    "payload_hash" CHAR(64) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "code_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_delivery" (
    "id" UUID NOT NULL,
    "outbox_event_id" UUID NOT NULL,
    "province_code" CHAR(2) NOT NULL,
    "attempt" INTEGER NOT NULL,
    "attempted_at" TIMESTAMPTZ(3) NOT NULL,
    "http_status" INTEGER,
    "error" TEXT,
    "duration_ms" INTEGER NOT NULL,
    "delivered" BOOLEAN NOT NULL,

    CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_key_key_id_key" ON "api_key"("key_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_key_secret_fingerprint_key" ON "api_key"("secret_fingerprint");

-- CreateIndex
CREATE INDEX "api_key_province_code_idx" ON "api_key"("province_code");

-- CreateIndex
CREATE INDEX "api_request_nonce_expires_at_idx" ON "api_request_nonce"("expires_at");

-- CreateIndex
CREATE INDEX "code_assignment_match_idx" ON "code_assignment"("province_code", "issuing_unit_code", "colour", "assigned_at");

-- CreateIndex
CREATE UNIQUE INDEX "code_assignment_province_code_record_id_key" ON "code_assignment"("province_code", "record_id");

-- CreateIndex
CREATE INDEX "webhook_delivery_outbox_event_id_attempted_at_idx" ON "webhook_delivery"("outbox_event_id", "attempted_at");

-- CreateIndex
CREATE INDEX "webhook_delivery_province_code_attempted_at_idx" ON "webhook_delivery"("province_code", "attempted_at");

-- AddForeignKey
ALTER TABLE "appeal_case" ADD CONSTRAINT "appeal_case_code_assignment_id_fkey" FOREIGN KEY ("code_assignment_id") REFERENCES "code_assignment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_province_code_fkey" FOREIGN KEY ("province_code") REFERENCES "province_system"("province_code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_outbox_event_id_fkey" FOREIGN KEY ("outbox_event_id") REFERENCES "outbox_event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

