-- Where staff and citizens live (docs/scaling.md): app_user is a reference table (a copy on every Citus node, written
-- at sign-up, sign-in and by administrators), so the reviewer's load, written by every assignment, moves out of it into
-- reviewer_load, distributed by the province of the cases counted: routing's lock and counter update then sit on the
-- case's own shard, and a filing writes no row that every node must commit. A reviewer has one row per province in
-- whose cases they work (normally their own): every reviewer gets theirs here.
CREATE TABLE "reviewer_load" (
    "province_code" VARCHAR(2) NOT NULL,
    "user_id" UUID NOT NULL,
    "open_case_count" INTEGER NOT NULL DEFAULT 0,
    "last_assigned_at" TIMESTAMPTZ(3),

    CONSTRAINT "reviewer_load_pkey" PRIMARY KEY ("province_code","user_id")
);

CREATE INDEX "reviewer_load_user_id_idx" ON "reviewer_load"("user_id");

ALTER TABLE "reviewer_load" ADD CONSTRAINT "reviewer_load_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;

INSERT INTO "reviewer_load" ("province_code", "user_id", "open_case_count", "last_assigned_at")
SELECT "province_code", "id", "open_case_count", "last_assigned_at"
  FROM "app_user" WHERE "province_code" IS NOT NULL AND ("role" = 'REVIEWER' OR "open_case_count" <> 0 OR "last_assigned_at" IS NOT NULL);

ALTER TABLE "app_user" DROP COLUMN "open_case_count", DROP COLUMN "last_assigned_at";
