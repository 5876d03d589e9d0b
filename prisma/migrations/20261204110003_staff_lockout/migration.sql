-- Staff lockout per account and source (SPEC §11; issue 14): wrong passwords and second factors lock one account for
-- one source address only, with a back-off that doubles per lockout, so a stranger elsewhere cannot keep a member of
-- staff locked out. Replaces the account-wide app_user.failed_login_count / locked_until (no longer written).
-- The runtime role gets its rights from the default privileges of 20261204110001_least_privilege.
CREATE TABLE "staff_lockout" (
    "user_id" UUID NOT NULL,
    "source" VARCHAR(64) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockouts" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "last_failure_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "staff_lockout_pkey" PRIMARY KEY ("user_id","source")
);

CREATE INDEX "staff_lockout_last_failure_at_idx" ON "staff_lockout"("last_failure_at");
