-- Makes the schema distributable on Citus (docs/scaling.md, lib/db/distribution.ts); still plain PostgreSQL (15+).
-- Generic over the catalogue, so it converts tables added by earlier migrations without naming them:
--
-- 1. Every enumeration becomes a domain over TEXT of the same name with a CHECK on its values. Prisma reads enum
--    columns back as "col"::text; from an enum that cast calls enum_out (not IMMUTABLE), which Citus refuses in
--    RETURNING on distributed and reference tables, so every write failed. From a domain over text it is a relabel.
--    schema.prisma keeps its enums; names, values and checks stay the same. Text sorts alphabetically where the enum
--    sorted by declaration order: nothing orders by these columns.
-- 2. Every `province_code` column of type CHAR(2) becomes VARCHAR(2): Citus colocates only tables whose distribution
--    columns have the same type, and the audit chains (chain VARCHAR(8): a province code or `national`) sit with
--    their province's cases. Columns a retyped column references or is referenced by follow.
-- 3. No foreign key acts on update (Citus refuses ON UPDATE CASCADE on keys with the distribution column, and ids
--    never change): every key with an ON UPDATE action, and every key over a retyped column, is recreated with
--    ON UPDATE NO ACTION. A transfer moves a case's rows explicitly (lib/cases/engine/move-case.ts).
-- Triggers and CHECK constraints that name the converted columns are set aside and recreated (enum casts dropped
-- from their expressions); partial indexes likewise. Anything else that depends on a converted column (a view, an
-- enum argument of a function) makes this migration fail loudly rather than half-convert.

-- The TRUNCATE trigger on appeal_case emptied the counters of every province from whichever shard was truncated:
-- on Citus each shard's truncation would empty all of them. Whoever truncates the cases truncates case_state_count
-- and case_state_delta with them (test/support/db.ts does).
DROP TRIGGER IF EXISTS "appeal_case_reset_state_counts" ON "appeal_case";
DROP FUNCTION IF EXISTS "appeal_case_reset_state_counts"();

CREATE TEMPORARY TABLE citus_ready_saved (ord SERIAL, ddl TEXT NOT NULL) ON COMMIT DROP;

DO $$
DECLARE
  r RECORD;
  e RECORD;
  col RECORD;
  saved_default TEXT;
  strip CONSTANT TEXT := '::"?[A-Za-z_][A-Za-z0-9_]*"?(\[\])?';
BEGIN
  -- Columns to convert: enum-typed (and enum-array) columns and CHAR(2) province codes, then the columns linked to a
  -- retyped province code by a foreign key (either side), until nothing is added.
  CREATE TEMPORARY TABLE citus_ready_columns ON COMMIT DROP AS
    SELECT a.attrelid AS rel, a.attnum AS num, 'province'::TEXT AS why
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT a.attisdropped
       AND a.attname = 'province_code' AND a.atttypid = 'bpchar'::regtype
    UNION ALL
    SELECT a.attrelid, a.attnum, 'enum'
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_type el ON el.oid = t.typelem
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT a.attisdropped
       AND (t.typtype = 'e' OR el.typtype = 'e');
  LOOP
    INSERT INTO citus_ready_columns
      SELECT DISTINCT pair.rel, pair.num, 'province'
        FROM pg_constraint con
        CROSS JOIN LATERAL unnest(con.conkey, con.confkey) AS k(attnum, fattnum)
        CROSS JOIN LATERAL (VALUES (con.conrelid, k.attnum, con.confrelid, k.fattnum),
                                   (con.confrelid, k.fattnum, con.conrelid, k.attnum)) AS pair(rel, num, orel, onum)
        JOIN citus_ready_columns known ON known.rel = pair.orel AND known.num = pair.onum AND known.why = 'province'
        JOIN pg_attribute a ON a.attrelid = pair.rel AND a.attnum = pair.num AND a.atttypid = 'bpchar'::regtype
       WHERE con.contype = 'f'
         AND NOT EXISTS (SELECT 1 FROM citus_ready_columns c WHERE c.rel = pair.rel AND c.num = pair.num);
    EXIT WHEN NOT FOUND;
  END LOOP;

  -- Foreign keys over a converted column or with an ON UPDATE action: dropped now, recreated with ON UPDATE NO ACTION.
  FOR r IN
    SELECT con.conrelid::regclass AS tbl, con.conname, pg_get_constraintdef(con.oid) AS def
      FROM pg_constraint con
     WHERE con.contype = 'f' AND con.connamespace = current_schema()::regnamespace
       AND (con.confupdtype <> 'a'
            OR EXISTS (SELECT 1 FROM citus_ready_columns c
                        WHERE (c.rel = con.conrelid AND c.num = ANY (con.conkey))
                           OR (c.rel = con.confrelid AND c.num = ANY (con.confkey))))
     ORDER BY con.conrelid::regclass::text DESC, con.conname
  LOOP
    INSERT INTO citus_ready_saved (ddl) VALUES (format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.tbl, r.conname,
      regexp_replace(r.def, ' ON UPDATE (CASCADE|SET NULL|SET DEFAULT|RESTRICT)', '')));
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.tbl, r.conname);
  END LOOP;

  -- Triggers that depend on a converted column (UPDATE OF, WHEN): PostgreSQL cannot retype a column they name.
  FOR r IN
    SELECT DISTINCT tg.oid, tg.tgrelid::regclass AS tbl, tg.tgname, pg_get_triggerdef(tg.oid) AS def
      FROM pg_trigger tg JOIN pg_depend d ON d.classid = 'pg_trigger'::regclass AND d.objid = tg.oid
      JOIN citus_ready_columns c ON c.rel = d.refobjid AND c.num = d.refobjsubid
     WHERE NOT tg.tgisinternal
  LOOP
    INSERT INTO citus_ready_saved (ddl) VALUES (regexp_replace(r.def, strip, '', 'g'));
    EXECUTE format('DROP TRIGGER %I ON %s', r.tgname, r.tbl);
  END LOOP;

  -- CHECK constraints and partial or expression indexes that cast to an enum: their constants would keep the old
  -- type. Recreated without the casts (text against a domain over text).
  FOR r IN
    SELECT con.conrelid::regclass AS tbl, con.conname, pg_get_constraintdef(con.oid) AS def
      FROM pg_constraint con
     WHERE con.contype = 'c' AND con.conrelid <> 0 AND con.connamespace = current_schema()::regnamespace
       AND EXISTS (SELECT 1 FROM pg_depend d JOIN pg_type t ON t.oid = d.refobjid AND t.typtype = 'e'
                    WHERE d.classid = 'pg_constraint'::regclass AND d.objid = con.oid)
  LOOP
    INSERT INTO citus_ready_saved (ddl)
      VALUES (format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.tbl, r.conname, regexp_replace(r.def, strip, '', 'g')));
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.tbl, r.conname);
  END LOOP;
  FOR r IN
    SELECT i.indexrelid::regclass AS name, pg_get_indexdef(i.indexrelid) AS def
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
     WHERE c.relnamespace = current_schema()::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid)
       AND EXISTS (SELECT 1 FROM pg_depend d JOIN pg_type t ON t.oid = d.refobjid AND t.typtype = 'e'
                    WHERE d.classid = 'pg_class'::regclass AND d.objid = i.indexrelid)
  LOOP
    INSERT INTO citus_ready_saved (ddl) VALUES (regexp_replace(r.def, strip, '', 'g'));
    EXECUTE format('DROP INDEX %s', r.name);
  END LOOP;

  -- 1. Enumerations → domains over text.
  FOR e IN
    SELECT t.oid, t.typarray, t.typname, array_agg(l.enumlabel ORDER BY l.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum l ON l.enumtypid = t.oid
     WHERE t.typnamespace = current_schema()::regnamespace GROUP BY t.oid, t.typarray, t.typname ORDER BY t.typname
  LOOP
    EXECUTE format('ALTER TYPE %I RENAME TO %I', e.typname, e.typname || '_enum');
    EXECUTE format('CREATE DOMAIN %I AS TEXT CONSTRAINT %I CHECK (VALUE IN (%s))', e.typname, e.typname || '_check',
                   (SELECT string_agg(quote_literal(label), ', ') FROM unnest(e.labels) AS label));
    FOR col IN
      SELECT a.attrelid::regclass AS tbl, a.attname, a.atttypid = e.typarray AS is_array,
             pg_get_expr(d.adbin, d.adrelid) AS def
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE a.atttypid IN (e.oid, e.typarray) AND NOT a.attisdropped AND c.relkind IN ('r', 'p')
    LOOP
      IF col.def IS NOT NULL THEN
        EXECUTE format('ALTER TABLE %s ALTER COLUMN %I DROP DEFAULT', col.tbl, col.attname);
      END IF;
      IF col.is_array THEN
        EXECUTE format('ALTER TABLE %s ALTER COLUMN %I TYPE %I[] USING %I::TEXT[]', col.tbl, col.attname, e.typname,
                       col.attname);
      ELSE
        EXECUTE format('ALTER TABLE %s ALTER COLUMN %I TYPE %I USING %I::TEXT', col.tbl, col.attname, e.typname,
                       col.attname);
      END IF;
      IF col.def IS NOT NULL THEN
        saved_default := regexp_replace(col.def, strip, '', 'g');
        EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET DEFAULT %s', col.tbl, col.attname, saved_default);
      END IF;
    END LOOP;
    -- Fails (and with it the migration) if anything else still uses the enum.
    EXECUTE format('DROP TYPE %I', e.typname || '_enum');
  END LOOP;

  -- 2. CHAR(2) province codes → VARCHAR(2).
  FOR col IN
    SELECT c.rel::regclass AS tbl, a.attname
      FROM citus_ready_columns c JOIN pg_attribute a ON a.attrelid = c.rel AND a.attnum = c.num
     WHERE c.why = 'province' AND a.atttypid = 'bpchar'::regtype
  LOOP
    EXECUTE format('ALTER TABLE %s ALTER COLUMN %I TYPE VARCHAR(2)', col.tbl, col.attname);
  END LOOP;

  -- 3. Everything set aside comes back: indexes and checks, triggers, then the foreign keys (referenced tables'
  --    keys first does not matter: each references a unique key that never went away).
  FOR r IN SELECT ddl FROM citus_ready_saved ORDER BY ord DESC LOOP
    EXECUTE r.ddl;
  END LOOP;
END
$$;
