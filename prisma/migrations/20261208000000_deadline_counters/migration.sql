-- The board's overdue and at-risk counts at a million cases (issue 18) without reading every overdue case on every
-- view. Whether a case is overdue or at risk changes with the clock, not with a write, so these counters hold open cases
-- per pool province and the UTC hour of a deadline instant; a count at `now` is the counter rows of the hours before
-- now's hour plus a live index range over now's hour only (lib/cases/views/deadline-counts.ts).
--   'due':  open cases that can be overdue (clock running, or stopped after its deadline passed), by the hour of
--           due_at; `running` tells the running clocks apart (the at-risk count subtracts those).
--   'risk': open cases with a running clock, by the hour of at_risk_at (at_risk_at <= due_at always: 75% and 100% of
--           the allowed time, paused time added to both).
-- Same pattern as case_state_count / case_state_delta (20261127080000_supervision_counts): AFTER triggers on
-- appeal_case append +1/-1 rows to the insert-only delta table, a compaction folds them into the count table.
CREATE TABLE "case_deadline_count" (
    "province_code" VARCHAR(2) NOT NULL,
    "kind" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "running" BOOLEAN NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "case_deadline_count_pkey" PRIMARY KEY ("province_code","kind","hour","running"),
    CONSTRAINT "case_deadline_count_kind_check" CHECK ("kind" IN ('due', 'risk'))
);

CREATE TABLE "case_deadline_delta" (
    "id" BIGSERIAL NOT NULL,
    "province_code" VARCHAR(2) NOT NULL,
    "kind" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "running" BOOLEAN NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "case_deadline_delta_pkey" PRIMARY KEY ("province_code","id"),
    CONSTRAINT "case_deadline_delta_kind_check" CHECK ("kind" IN ('due', 'risk'))
);

-- Each reviewer's overdue cases (the board's workload), kept the same way: open cases in a reviewer's load (ASSIGNED,
-- IN_REVIEW, AWAITING_CITIZEN) that can be overdue, per pool province, assignee and UTC hour of due_at. Read for the
-- reviewers a page shows, nationally too: the key starts with the assignee.
CREATE TABLE "reviewer_deadline_count" (
    "province_code" VARCHAR(2) NOT NULL,
    "assignee_id" UUID NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "reviewer_deadline_count_pkey" PRIMARY KEY ("assignee_id","province_code","hour")
);

CREATE TABLE "reviewer_deadline_delta" (
    "id" BIGSERIAL NOT NULL,
    "province_code" VARCHAR(2) NOT NULL,
    "assignee_id" UUID NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "reviewer_deadline_delta_pkey" PRIMARY KEY ("province_code","id")
);

-- The old row's buckets get -1 and the new row's +1, only where a bucket or membership changed; one INSERT per change.
-- The hour is the UTC hour containing the instant (epoch seconds floored to 3600: immutable, independent of TimeZone).
CREATE FUNCTION "appeal_case_count_deadlines"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o_prov VARCHAR(2); o_due BOOLEAN := FALSE; o_risk BOOLEAN := FALSE; o_running BOOLEAN; o_due_h TIMESTAMPTZ; o_risk_h TIMESTAMPTZ;
  n_prov VARCHAR(2); n_due BOOLEAN := FALSE; n_risk BOOLEAN := FALSE; n_running BOOLEAN; n_due_h TIMESTAMPTZ; n_risk_h TIMESTAMPTZ;
  o_load BOOLEAN := FALSE; o_assignee UUID; n_load BOOLEAN := FALSE; n_assignee UUID;
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.state IN ('SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN', 'SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW') THEN
    o_prov := OLD.province_code;
    o_running := OLD.paused_since IS NULL;
    o_due := o_running OR OLD.due_at < OLD.paused_since;
    o_risk := o_running;
    o_due_h := to_timestamp(floor(extract(epoch FROM OLD.due_at) / 3600) * 3600);
    o_risk_h := to_timestamp(floor(extract(epoch FROM OLD.at_risk_at) / 3600) * 3600);
    o_assignee := OLD.assignee_id;
    o_load := o_due AND o_assignee IS NOT NULL AND OLD.state IN ('ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN');
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.state IN ('SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN', 'SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW') THEN
    n_prov := NEW.province_code;
    n_running := NEW.paused_since IS NULL;
    n_due := n_running OR NEW.due_at < NEW.paused_since;
    n_risk := n_running;
    n_due_h := to_timestamp(floor(extract(epoch FROM NEW.due_at) / 3600) * 3600);
    n_risk_h := to_timestamp(floor(extract(epoch FROM NEW.at_risk_at) / 3600) * 3600);
    n_assignee := NEW.assignee_id;
    n_load := n_due AND n_assignee IS NOT NULL AND NEW.state IN ('ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN');
  END IF;
  IF o_load AND n_load AND o_prov = n_prov AND o_assignee = n_assignee AND o_due_h = n_due_h THEN
    o_load := FALSE;
    n_load := FALSE;
  END IF;
  IF o_due AND n_due AND o_prov = n_prov AND o_due_h = n_due_h AND o_running = n_running THEN
    o_due := FALSE;
    n_due := FALSE;
  END IF;
  IF o_risk AND n_risk AND o_prov = n_prov AND o_risk_h = n_risk_h THEN
    o_risk := FALSE;
    n_risk := FALSE;
  END IF;
  IF o_due OR n_due OR o_risk OR n_risk THEN
    INSERT INTO case_deadline_delta (province_code, kind, hour, running, delta)
    SELECT v.p, v.k, v.h, v.r, v.d
      FROM (VALUES (o_prov, 'due', o_due_h, o_running, -1, o_due), (n_prov, 'due', n_due_h, n_running, 1, n_due),
                   (o_prov, 'risk', o_risk_h, TRUE, -1, o_risk), (n_prov, 'risk', n_risk_h, TRUE, 1, n_risk)) v(p, k, h, r, d, keep)
     WHERE v.keep;
  END IF;
  IF o_load OR n_load THEN
    INSERT INTO reviewer_deadline_delta (province_code, assignee_id, hour, delta)
    SELECT v.p, v.a, v.h, v.d
      FROM (VALUES (o_prov, o_assignee, o_due_h, -1, o_load), (n_prov, n_assignee, n_due_h, 1, n_load)) v(p, a, h, d, keep)
     WHERE v.keep;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "appeal_case_count_deadlines_insert_delete" AFTER INSERT OR DELETE ON "appeal_case"
  FOR EACH ROW EXECUTE FUNCTION "appeal_case_count_deadlines"();

CREATE TRIGGER "appeal_case_count_deadlines_update" AFTER UPDATE OF "state", "province_code", "due_at", "at_risk_at", "paused_since", "assignee_id" ON "appeal_case"
  FOR EACH ROW WHEN (OLD."state" IS DISTINCT FROM NEW."state" OR OLD."province_code" IS DISTINCT FROM NEW."province_code"
                     OR OLD."due_at" IS DISTINCT FROM NEW."due_at" OR OLD."at_risk_at" IS DISTINCT FROM NEW."at_risk_at"
                     OR OLD."paused_since" IS DISTINCT FROM NEW."paused_since" OR OLD."assignee_id" IS DISTINCT FROM NEW."assignee_id")
  EXECUTE FUNCTION "appeal_case_count_deadlines"();

-- The cases already there (recountCaseDeadlines does the same after bulk loads).
INSERT INTO "case_deadline_count" ("province_code", "kind", "hour", "running", "count")
SELECT "province_code", 'due', to_timestamp(floor(extract(epoch FROM "due_at") / 3600) * 3600), "paused_since" IS NULL, count(*)::int
  FROM "appeal_case"
 WHERE "state" IN ('SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN', 'SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW')
   AND ("paused_since" IS NULL OR "due_at" < "paused_since")
 GROUP BY 1, 3, 4;

INSERT INTO "case_deadline_count" ("province_code", "kind", "hour", "running", "count")
SELECT "province_code", 'risk', to_timestamp(floor(extract(epoch FROM "at_risk_at") / 3600) * 3600), TRUE, count(*)::int
  FROM "appeal_case"
 WHERE "state" IN ('SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN', 'SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW')
   AND "paused_since" IS NULL
 GROUP BY 1, 3;

INSERT INTO "reviewer_deadline_count" ("province_code", "assignee_id", "hour", "count")
SELECT "province_code", "assignee_id", to_timestamp(floor(extract(epoch FROM "due_at") / 3600) * 3600), count(*)::int
  FROM "appeal_case"
 WHERE "state" IN ('ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN') AND "assignee_id" IS NOT NULL
   AND ("paused_since" IS NULL OR "due_at" < "paused_since")
 GROUP BY 1, 2, 3;
