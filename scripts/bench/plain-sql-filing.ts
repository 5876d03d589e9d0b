// The ceiling for the filing benchmark: the same rows a filing writes (reference, idempotency key, case, two audit
// events with their chain lock, reviewer choice, notification, status-change outbox event) as plain SQL through `pg`,
// with no HTTP, validation, ORM or session work; its statements are prepared once per connection, as the app's are.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { formatReference } from '@/lib/cases/rules/reference';

/** Where a filing's code was issued: a province and one of its cities. */
export interface FilingOrigin {
  provinceCode: string;
  unitCode: string;
}

interface Result {
  perSecond: number;
  latency: { samples: number; p50: number; p95: number; max: number };
  errors: number;
}

type Run = <R extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values?: unknown[],
) => Promise<pg.QueryResult<R>>;

/** Runs each text as a named prepared statement, as the app does (lib/db/client.ts): parsed and planned once per connection. */
const names = new Map<string, string>();
function preparedOn(client: pg.Client): Run {
  return (text, values) => {
    let name = names.get(text);
    if (name === undefined) {
      name = `c${names.size}`;
      names.set(text, name);
    }
    return client.query({ name, text, values });
  };
}

async function fileOnce(run: Run, origin: FilingOrigin, citizenId: string, catalogueId: number): Promise<void> {
  const { provinceCode, unitCode } = origin;
  const now = new Date();
  const day = formatReference(provinceCode, now, 1).slice(6, 14);
  const {
    rows: [counter],
  } = await run<{ last_value: number }>(
    `INSERT INTO reference_counter (province_code, day, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (province_code, day) DO UPDATE SET last_value = reference_counter.last_value + 1 RETURNING last_value`,
    [provinceCode, day],
  );
  const reference = formatReference(provinceCode, now, counter!.last_value);
  const id = randomUUID();
  const due = new Date(now.getTime() + 24 * 3600_000);
  await run('BEGIN');
  try {
    await run(
      `INSERT INTO filing_idempotency_key (key, citizen_id, payload_hash, case_id, province_code) VALUES ($1::text, $2, $1::text, $1::uuid, $3)`,
      [id, citizenId, provinceCode],
    );
    await run(
      `INSERT INTO appeal_case (id, province_code, reference, type, state, citizen_id, applicant_name, id_number_cipher, id_number_hash,
         id_number_masked, mobile, colour, code_assigned_at, issuing_province_code, issuing_unit_code, stated_reason_code, catalogue_version_id,
         grounds, statement, requested_outcome, privacy_notice_version, prima_facie_overreach, overreach_reason, filed_at, due_at, allowed_ms,
         deadline_inputs, deadline_explanation, at_risk_at, idempotency_key, payload_hash, updated_at)
       VALUES ($1::uuid, $2::text, $3, 'CODE_APPEAL', 'SUBMITTED', $4, '王芳', 'v1.x', 'h', '4101**********1236', '13912345678', 'RED', $5, $2, $10,
         'NON_EPIDEMIC', $6, 'NON_EPIDEMIC_REASON', '储户被赋红码，与疫情无关。', 'REVOKE', '2026-01', true, 'NON_EPIDEMIC_REASON', $7, $8, 86400000,
         '{"basis": "CLOCK_HOURS", "hours": 24}', 'filed + 24 h', $9, $1::text, $1::text, $7)`,
      [
        id,
        provinceCode,
        reference,
        citizenId,
        new Date(now.getTime() - 6 * 3600_000),
        catalogueId,
        now,
        due,
        new Date(now.getTime() + 18 * 3600_000),
        unitCode,
      ],
    );
    // The audit events, as the app writes them: collected, then appended in one statement just before COMMIT.
    const events: Record<string, unknown>[] = [];
    const audit = (action: string, after: Record<string, string>) =>
      events.push({
        occurredAt: now.toISOString(),
        actorId: citizenId,
        actorRole: 'CITIZEN',
        caseId: id,
        action,
        before: null,
        after,
        reason: null,
      });
    audit('CASE_FILED', { reference, state: 'SUBMITTED' });
    await run(
      `INSERT INTO notification (id, province_code, case_id, channel, recipient_mobile, template, params) VALUES ($1, $2, $3, 'SMS', '13912345678', 'CASE_FILED', $4)`,
      [randomUUID(), provinceCode, id, { reference }],
    );
    // The least-loaded reviewer no concurrent filing is holding, from the maintained loads (lib/cases/routing.ts).
    const {
      rows: [reviewer],
    } = await run<{ id: string }>(
      `SELECT u.id FROM app_user u JOIN reviewer_load l ON l.province_code = $1 AND l.user_id = u.id
        WHERE u.role = 'REVIEWER' AND u.active AND u.province_code = $1 AND l.open_case_count < u.capacity
        ORDER BY l.open_case_count, l.last_assigned_at NULLS FIRST LIMIT 1 FOR NO KEY UPDATE OF l SKIP LOCKED`,
      [provinceCode],
    );
    if (reviewer) {
      await run(
        `UPDATE reviewer_load SET last_assigned_at = $3, open_case_count = open_case_count + 1 WHERE province_code = $1 AND user_id = $2`,
        [provinceCode, reviewer.id, now],
      );
      await run(
        `UPDATE appeal_case SET state = 'ASSIGNED', assignee_id = $3, assigned_at = $4, version = version + 1 WHERE province_code = $1 AND id = $2`,
        [provinceCode, id, reviewer.id, now],
      );
      audit('CASE_ASSIGNED', { state: 'ASSIGNED', assigneeId: reviewer.id });
      await run(
        `INSERT INTO outbox_event (id, province_code, kind, case_id, payload) VALUES ($1, $2, 'STATUS_CHANGED', $3, $4)`,
        [randomUUID(), provinceCode, id, { reference, previousState: 'SUBMITTED', state: 'ASSIGNED' }],
      );
    }
    await run('SELECT audit_append($1, $2::jsonb)', [provinceCode, JSON.stringify(events)]);
    await run('COMMIT');
  } catch (error) {
    await run('ROLLBACK');
    throw error;
  }
}

export async function plainSqlFiling(
  databaseUrl: string,
  options: { clients: number; durationMs: number; origin: () => FilingOrigin },
): Promise<Result> {
  const setup = new pg.Client({ connectionString: databaseUrl });
  await setup.connect();
  const {
    rows: [citizen],
  } = await setup.query<{ id: string }>(`SELECT id FROM app_user WHERE role = 'CITIZEN' LIMIT 1`);
  const {
    rows: [catalogue],
  } = await setup.query<{ id: number }>(`SELECT id FROM reason_catalogue_version ORDER BY version DESC LIMIT 1`);
  await setup.end();
  const times: number[] = [];
  let errors = 0;
  const until = performance.now() + options.durationMs;
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      const run = preparedOn(client);
      try {
        while (performance.now() < until) {
          const started = performance.now();
          try {
            await fileOnce(run, options.origin(), citizen!.id, catalogue!.id);
            times.push(performance.now() - started);
          } catch (error) {
            errors += 1;
            if (errors === 1) console.log(`  first plain-SQL filing error: ${(error as Error).message}`);
          }
        }
      } finally {
        await client.end();
      }
    }),
  );
  const sorted = times.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN) * 10) / 10;
  return {
    perSecond: Math.round((times.length / (options.durationMs / 1000)) * 10) / 10,
    latency: { samples: sorted.length, p50: at(0.5), p95: at(0.95), max: at(1) },
    errors,
  };
}
