-- CreateEnum
CREATE TYPE "DivisionLevel" AS ENUM ('PROVINCE', 'CITY', 'COUNTY');

-- CreateEnum
CREATE TYPE "CodeColour" AS ENUM ('RED', 'YELLOW', 'GREEN');

-- CreateEnum
CREATE TYPE "ReasonValidity" AS ENUM ('VALID', 'NO_REASON', 'NON_EPIDEMIC');

-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKING_WEEKEND');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CITIZEN', 'REVIEWER', 'SUPERVISOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "OtpPurpose" AS ENUM ('SIGN_IN', 'CASE_STATUS');

-- CreateEnum
CREATE TYPE "CaseType" AS ENUM ('CODE_APPEAL', 'RECOGNITION_COMPLAINT');

-- CreateEnum
CREATE TYPE "CaseState" AS ENUM ('SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN', 'DECIDED', 'SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW', 'FINAL', 'CLOSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "AppealGround" AS ENUM ('NEVER_AT_PLACE', 'IDENTITY_MIX_UP', 'NEGATIVE_TEST_NOT_SYNCED', 'ISOLATION_COMPLETED', 'STRICTER_THAN_STANDARD', 'NON_EPIDEMIC_REASON', 'NOT_RECOGNISED', 'OTHER');

-- CreateEnum
CREATE TYPE "RequestedOutcome" AS ENUM ('DOWNGRADE', 'REVOKE', 'RECOGNISE');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('FILING', 'REPLY');

-- CreateEnum
CREATE TYPE "DecisionLevel" AS ENUM ('FIRST', 'SECOND');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('UPHELD', 'DOWNGRADED', 'REVOKED');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('SMS', 'IN_APP');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "OutboxKind" AS ENUM ('CORRECTION_ORDER', 'STATUS_CHANGED');

-- CreateTable
CREATE TABLE "division" (
    "code" CHAR(6) NOT NULL,
    "name" TEXT NOT NULL,
    "level" "DivisionLevel" NOT NULL,
    "parent_code" CHAR(6),
    "province_code" CHAR(2) NOT NULL,

    CONSTRAINT "division_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "reason_catalogue_version" (
    "id" SERIAL NOT NULL,
    "version" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reason_catalogue_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reason" (
    "id" SERIAL NOT NULL,
    "catalogue_version_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "max_colour" "CodeColour",
    "validity" "ReasonValidity" NOT NULL,
    "sort_order" INTEGER NOT NULL,

    CONSTRAINT "reason_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_version" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_day" (
    "calendar_version_id" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "calendar_day_pkey" PRIMARY KEY ("calendar_version_id","date")
);

-- CreateTable
CREATE TABLE "deadline_policy" (
    "id" SERIAL NOT NULL,
    "province_code" CHAR(2),
    "version" INTEGER NOT NULL,
    "red_hours" INTEGER NOT NULL,
    "yellow_hours" INTEGER NOT NULL,
    "recognition_hours" INTEGER NOT NULL,
    "second_review_working_days" INTEGER NOT NULL,
    "citizen_reply_hours" INTEGER NOT NULL,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deadline_policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "display_name" TEXT NOT NULL,
    "username" TEXT,
    "password_hash" TEXT,
    "mobile" VARCHAR(11),
    "province_code" CHAR(2),
    "unit_code" CHAR(6),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "capacity" INTEGER NOT NULL DEFAULT 50,
    "last_assigned_at" TIMESTAMPTZ(3),
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "otp_challenge" (
    "id" UUID NOT NULL,
    "purpose" "OtpPurpose" NOT NULL,
    "mobile" VARCHAR(11) NOT NULL,
    "case_id" UUID,
    "code_hash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "consumed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "otp_challenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "sms_message" (
    "id" UUID NOT NULL,
    "to" VARCHAR(11) NOT NULL,
    "body" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sms_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appeal_case" (
    "id" UUID NOT NULL,
    "province_code" CHAR(2) NOT NULL,
    "reference" TEXT NOT NULL,
    "type" "CaseType" NOT NULL,
    "state" "CaseState" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "citizen_id" UUID NOT NULL,
    "applicant_name" TEXT,
    "id_number_cipher" TEXT,
    "id_number_hash" TEXT,
    "id_number_masked" TEXT,
    "mobile" VARCHAR(11),
    "colour" "CodeColour" NOT NULL,
    "code_assigned_at" TIMESTAMPTZ(3) NOT NULL,
    "issuing_province_code" CHAR(2) NOT NULL,
    "issuing_unit_code" CHAR(6) NOT NULL,
    "refusing_province_code" CHAR(2),
    "stated_reason_code" TEXT,
    "catalogue_version_id" INTEGER NOT NULL,
    "grounds" "AppealGround" NOT NULL,
    "statement" TEXT NOT NULL,
    "requested_outcome" "RequestedOutcome" NOT NULL,
    "privacy_notice_version" TEXT NOT NULL,
    "prima_facie_overreach" BOOLEAN NOT NULL,
    "overreach_reason" TEXT,
    "assignee_id" UUID,
    "assigned_at" TIMESTAMPTZ(3),
    "filed_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "allowed_ms" BIGINT NOT NULL,
    "paused_ms" BIGINT NOT NULL DEFAULT 0,
    "paused_since" TIMESTAMPTZ(3),
    "deadline_inputs" JSONB NOT NULL,
    "deadline_explanation" TEXT NOT NULL,
    "at_risk_at" TIMESTAMPTZ(3) NOT NULL,
    "at_risk_marked_at" TIMESTAMPTZ(3),
    "overdue_marked_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "second_review_deadline_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "correction_sent_at" TIMESTAMPTZ(3),
    "correction_confirmed_at" TIMESTAMPTZ(3),
    "idempotency_key" TEXT NOT NULL,
    "payload_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "appeal_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reference_counter" (
    "province_code" CHAR(2) NOT NULL,
    "day" CHAR(8) NOT NULL,
    "last_value" INTEGER NOT NULL,

    CONSTRAINT "reference_counter_pkey" PRIMARY KEY ("province_code","day")
);

-- CreateTable
CREATE TABLE "case_exclusion" (
    "case_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "province_code" CHAR(2) NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_exclusion_pkey" PRIMARY KEY ("case_id","reviewer_id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "province_code" CHAR(2) NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "file_name" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "storage_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "information_request" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "province_code" CHAR(2) NOT NULL,
    "message" TEXT NOT NULL,
    "requested_by_id" UUID NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "reply_due_at" TIMESTAMPTZ(3) NOT NULL,
    "reply_text" TEXT,
    "replied_at" TIMESTAMPTZ(3),

    CONSTRAINT "information_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decision" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "province_code" CHAR(2) NOT NULL,
    "level" "DecisionLevel" NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "rule_code" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "decided_by_id" UUID NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,
    "supersedes_id" UUID,

    CONSTRAINT "decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "chain" VARCHAR(8) NOT NULL,
    "seq" BIGINT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" UUID,
    "actor_role" TEXT NOT NULL,
    "case_id" UUID,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "prev_hash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("chain","seq")
);

-- CreateTable
CREATE TABLE "audit_chain_head" (
    "chain" VARCHAR(8) NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_chain_head_pkey" PRIMARY KEY ("chain")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "province_code" CHAR(2) NOT NULL,
    "case_id" UUID,
    "channel" "NotificationChannel" NOT NULL,
    "recipient_user_id" UUID,
    "recipient_mobile" VARCHAR(11),
    "template" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_event" (
    "id" UUID NOT NULL,
    "province_code" CHAR(2) NOT NULL,
    "kind" "OutboxKind" NOT NULL,
    "case_id" UUID,
    "payload" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "division_province_code_level_idx" ON "division"("province_code", "level");

-- CreateIndex
CREATE INDEX "division_parent_code_idx" ON "division"("parent_code");

-- CreateIndex
CREATE UNIQUE INDEX "reason_catalogue_version_version_key" ON "reason_catalogue_version"("version");

-- CreateIndex
CREATE UNIQUE INDEX "reason_catalogue_version_id_code_key" ON "reason"("catalogue_version_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_version_year_version_key" ON "calendar_version"("year", "version");

-- CreateIndex
CREATE UNIQUE INDEX "deadline_policy_province_code_version_key" ON "deadline_policy"("province_code", "version");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_mobile_key" ON "app_user"("mobile");

-- CreateIndex
CREATE INDEX "app_user_role_province_code_active_idx" ON "app_user"("role", "province_code", "active");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "otp_challenge_mobile_purpose_created_at_idx" ON "otp_challenge"("mobile", "purpose", "created_at");

-- CreateIndex
CREATE INDEX "sms_message_to_created_at_idx" ON "sms_message"("to", "created_at");

-- CreateIndex
CREATE INDEX "sms_message_created_at_idx" ON "sms_message"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "appeal_case_reference_key" ON "appeal_case"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "appeal_case_idempotency_key_key" ON "appeal_case"("idempotency_key");

-- CreateIndex
CREATE INDEX "appeal_case_citizen_id_filed_at_idx" ON "appeal_case"("citizen_id", "filed_at");

-- CreateIndex
CREATE INDEX "appeal_case_province_code_state_due_at_idx" ON "appeal_case"("province_code", "state", "due_at");

-- CreateIndex
CREATE INDEX "appeal_case_assignee_id_state_idx" ON "appeal_case"("assignee_id", "state");

-- CreateIndex
CREATE INDEX "appeal_case_issuing_province_code_issuing_unit_code_idx" ON "appeal_case"("issuing_province_code", "issuing_unit_code");

-- CreateIndex
CREATE INDEX "evidence_case_id_idx" ON "evidence"("case_id");

-- CreateIndex
CREATE INDEX "information_request_case_id_idx" ON "information_request"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "decision_supersedes_id_key" ON "decision"("supersedes_id");

-- CreateIndex
CREATE UNIQUE INDEX "decision_case_id_level_key" ON "decision"("case_id", "level");

-- CreateIndex
CREATE INDEX "audit_event_case_id_idx" ON "audit_event"("case_id");

-- CreateIndex
CREATE INDEX "audit_event_occurred_at_idx" ON "audit_event"("occurred_at");

-- CreateIndex
CREATE INDEX "notification_status_created_at_idx" ON "notification"("status", "created_at");

-- CreateIndex
CREATE INDEX "notification_recipient_user_id_created_at_idx" ON "notification"("recipient_user_id", "created_at");

-- CreateIndex
CREATE INDEX "outbox_event_status_next_attempt_at_idx" ON "outbox_event"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_event_case_id_idx" ON "outbox_event"("case_id");

-- AddForeignKey
ALTER TABLE "reason" ADD CONSTRAINT "reason_catalogue_version_id_fkey" FOREIGN KEY ("catalogue_version_id") REFERENCES "reason_catalogue_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_day" ADD CONSTRAINT "calendar_day_calendar_version_id_fkey" FOREIGN KEY ("calendar_version_id") REFERENCES "calendar_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appeal_case" ADD CONSTRAINT "appeal_case_citizen_id_fkey" FOREIGN KEY ("citizen_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appeal_case" ADD CONSTRAINT "appeal_case_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appeal_case" ADD CONSTRAINT "appeal_case_catalogue_version_id_fkey" FOREIGN KEY ("catalogue_version_id") REFERENCES "reason_catalogue_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_exclusion" ADD CONSTRAINT "case_exclusion_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "appeal_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_exclusion" ADD CONSTRAINT "case_exclusion_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "appeal_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "information_request" ADD CONSTRAINT "information_request_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "appeal_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "appeal_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_supersedes_id_fkey" FOREIGN KEY ("supersedes_id") REFERENCES "decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

