-- The supervisor's board and home at a million cases (SPEC §12): counts from an index or from maintained counters,
-- never from reading every case.

-- Open cases by pool province and deadline, with every column the board's counts and the workload read, so those are
-- index-only scans: overdue (due_at, paused_since), at risk (at_risk_at), per reviewer (assignee_id, state). With
-- PostgreSQL's skip scan the national board uses the same index, province by province.
CREATE INDEX "appeal_case_open_deadline_idx" ON "appeal_case" ("province_code", "due_at", "paused_since", "at_risk_at", "assignee_id", "state")
  WHERE "state" IN ('SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN', 'SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW');

-- Cases per pool province and state. Triggers on appeal_case append a +1/-1 row to case_state_delta for every
-- insert, delete, state change and transfer (insert-only: concurrent writers never wait on each other); a compaction
-- folds the deltas into case_state_count. The count is case_state_count plus the deltas not yet folded in.
CREATE TABLE "case_state_count" (
    "province_code" CHAR(2) NOT NULL,
    "state" "CaseState" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "case_state_count_pkey" PRIMARY KEY ("province_code","state")
);

CREATE TABLE "case_state_delta" (
    "id" BIGSERIAL NOT NULL,
    "province_code" CHAR(2) NOT NULL,
    "state" "CaseState" NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "case_state_delta_pkey" PRIMARY KEY ("province_code","id")
);

CREATE FUNCTION "appeal_case_count_states"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO case_state_delta (province_code, state, delta) VALUES (OLD.province_code, OLD.state, -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO case_state_delta (province_code, state, delta) VALUES (NEW.province_code, NEW.state, 1);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "appeal_case_count_states_insert_delete" AFTER INSERT OR DELETE ON "appeal_case"
  FOR EACH ROW EXECUTE FUNCTION "appeal_case_count_states"();

CREATE TRIGGER "appeal_case_count_states_update" AFTER UPDATE OF "state", "province_code" ON "appeal_case"
  FOR EACH ROW WHEN (OLD."state" IS DISTINCT FROM NEW."state" OR OLD."province_code" IS DISTINCT FROM NEW."province_code")
  EXECUTE FUNCTION "appeal_case_count_states"();

CREATE FUNCTION "appeal_case_reset_state_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM case_state_delta;
  DELETE FROM case_state_count;
  RETURN NULL;
END
$$;

CREATE TRIGGER "appeal_case_reset_state_counts" AFTER TRUNCATE ON "appeal_case"
  FOR EACH STATEMENT EXECUTE FUNCTION "appeal_case_reset_state_counts"();

-- The cases already there.
INSERT INTO "case_state_count" ("province_code", "state", "count")
SELECT "province_code", "state", count(*)::int FROM "appeal_case" GROUP BY 1, 2;
