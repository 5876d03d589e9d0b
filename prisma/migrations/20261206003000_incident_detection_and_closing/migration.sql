-- Mass incidents (SPEC §16, docs/incidents.md), cheaper and exact detection, and closing an incident.
--
-- incident_filing_count: code-appeal filings per province, issuing unit, reason key and hour, written by each filing
-- in its own transaction (lib/incidents/detect-incident.ts). Summed over the policy's window it bounds the count from
-- above, so a filing far below the threshold never scans appeal_case. Its key row (hour_start = the epoch) holds the
-- key's total and is the lock every filing of the key takes until commit: a filing that runs alongside the one opening
-- an incident waits for it and then joins the incident. Distributed by province_code with the cases (docs/scaling.md).
CREATE TABLE "incident_filing_count" (
    "province_code" VARCHAR(2) NOT NULL,
    "issuing_unit_code" CHAR(6) NOT NULL,
    "reason_key" TEXT NOT NULL,
    "hour_start" TIMESTAMPTZ(3) NOT NULL,
    "filings" INTEGER NOT NULL,
    -- On the key row only: the key's open incident as last set under its lock (a hint: mass_incident decides).
    "open_incident_id" UUID,

    CONSTRAINT "incident_filing_count_pkey" PRIMARY KEY ("province_code","issuing_unit_code","reason_key","hour_start")
);

-- Closing: a supervisor closes a handled incident with a reason; matching filings afterwards open a new one.
ALTER TABLE "mass_incident" ADD COLUMN "closed_at" TIMESTAMPTZ(3),
    ADD COLUMN "closed_by_id" UUID,
    ADD COLUMN "close_reason" TEXT;
ALTER TABLE "mass_incident" ADD CONSTRAINT "mass_incident_closed_check"
    CHECK (("status" = 'CLOSED') = ("closed_at" IS NOT NULL));

-- The filings already made within the longest window a policy may set (720 hours, CHECK on incident_policy), by
-- hour (date_bin is immutable: Citus runs it on the shards), and each key's total.
INSERT INTO "incident_filing_count" ("province_code", "issuing_unit_code", "reason_key", "hour_start", "filings")
SELECT c."province_code", c."issuing_unit_code",
       CASE WHEN r."validity" = 'VALID' THEN r."code" ELSE 'NO_VALID_REASON' END,
       date_bin('1 hour', c."filed_at", TIMESTAMPTZ '1970-01-01 00:00:00+00'), count(*)
  FROM "appeal_case" c
  LEFT JOIN "reason" r ON r."catalogue_version_id" = c."catalogue_version_id" AND r."code" = c."stated_reason_code"
 WHERE c."type" = 'CODE_APPEAL' AND c."filed_at" > CURRENT_TIMESTAMP - interval '721 hours'
 GROUP BY 1, 2, 3, 4;

INSERT INTO "incident_filing_count" ("province_code", "issuing_unit_code", "reason_key", "hour_start", "filings")
SELECT "province_code", "issuing_unit_code", "reason_key", TIMESTAMPTZ '1970-01-01 00:00:00+00', sum("filings")
  FROM "incident_filing_count" GROUP BY 1, 2, 3;

UPDATE "incident_filing_count" f SET "open_incident_id" = m."id"
  FROM "mass_incident" m
 WHERE m."province_code" = f."province_code" AND m."issuing_unit_code" = f."issuing_unit_code"
   AND m."reason_key" = f."reason_key" AND m."status" = 'OPEN' AND f."hour_start" = TIMESTAMPTZ '1970-01-01 00:00:00+00';

-- Group interim relief (SPEC §15, §16): a supervisor grants relief to the selected cases of an incident, unasked; the
-- relief row's reason then says so (lib/cases/rules/interim-relief.ts, RELIEF_ROW_REASONS).
ALTER TABLE "interim_relief" DROP CONSTRAINT "interim_relief_reason_check";
ALTER TABLE "interim_relief" ADD CONSTRAINT "interim_relief_reason_check"
    CHECK ("reason" IN ('MEDICAL_CARE', 'WORK', 'TRAVEL', 'MASS_INCIDENT'));
