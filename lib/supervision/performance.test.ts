// How the supervision queries scale: ~50,000 generated cases (SUPERVISION_PERF_CASES for more), about 1 % of them
// open and the rest decided over 180 days, with decisions, correction orders and audit events. EXPLAIN ANALYZE
// timings of the analytics read from the pre-aggregated table against the same figures grouped from the raw tables,
// of the refresh, the board and the audit view, printed for docs/supervision.md and bounded loosely, so that a
// regression that loses an index fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { rawClient, resetCaseData } from '@/test/support/db';
import { getAuthorityTable, getRecognitionMatrix, getWeeklyTrend, resolveAnalyticsFilters } from './analytics';
import { findAuditPage } from './audit-log';
import { countBoardCases, getDeadlineBoard, listBoardCases, listUnconfirmedCorrections, listWorkload } from './board';
import { refreshSupervisionStats } from './refresh-stats';
import { getTransparencyReport } from './transparency';
import { type Actor } from '@/lib/auth/actor';

const CASES = Number(process.env.SUPERVISION_PERF_CASES ?? 50_000);
const AUDIT_EVENTS = CASES * 2;
const timings: [string, number][] = [];
let national: Actor;
let anhui: Actor;

async function sql(text: string, values: unknown[] = []) {
  const client = await rawClient();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** Execution time reported by EXPLAIN ANALYZE (second run, warm cache), and the plan for the record. */
async function explain(label: string, text: string, values: unknown[] = []): Promise<number> {
  let ms = 0;
  let plan = '';
  for (let run = 0; run < 2; run += 1) {
    const { rows } = await sql(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
    plan = rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
    ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
  }
  timings.push([`${label} (EXPLAIN ANALYZE)`, ms]);
  if (process.env.SUPERVISION_PERF_PLANS) console.log(`\n── ${label}\n${plan}`);
  return ms;
}

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  await run();
  const started = performance.now();
  const result = await run();
  timings.push([label, performance.now() - started]);
  return result;
}

async function generate(): Promise<void> {
  await sql(`INSERT INTO app_user (id, role, display_name, username, province_code, unit_code, capacity, updated_at)
             SELECT gen_random_uuid(), 'REVIEWER', 'perf ' || province_code, 'perf-reviewer-' || province_code, province_code,
                    province_code || '0100', 5000, now()
               FROM division WHERE level = 'PROVINCE'`);
  await sql(
    `INSERT INTO app_user (id, role, display_name, mobile, updated_at) VALUES (gen_random_uuid(), 'CITIZEN', 'perf citizen', '13900000000', now())`,
  );
  await sql(
    `
    WITH p AS (SELECT array_agg(province_code ORDER BY province_code) AS codes FROM division WHERE level = 'PROVINCE'),
         cat AS (SELECT max(id) AS id FROM reason_catalogue_version),
         citizen AS (SELECT id FROM app_user WHERE mobile = '13900000000'),
         g AS (
           SELECT g, p.codes[1 + g % 31] AS prov,
                  CASE WHEN g % 10 = 0 THEN 'RECOGNITION_COMPLAINT' ELSE 'CODE_APPEAL' END AS type,
                  CASE WHEN g % 10 = 0 THEN p.codes[1 + (g / 31) % 31] ELSE p.codes[1 + g % 31] END AS iss,
                  -- About 1 % of cases are open (filed in the last three days, some past their deadline); the rest
                  -- were filed over 180 days and are decided, closed or withdrawn.
                  CASE WHEN g % 100 = 0 THEN now() - (g % 72) * interval '1 hour' - interval '5 minutes'
                       ELSE now() - (g % 180) * interval '1 day' - (g % 24) * interval '1 hour' - interval '3 hours' END AS filed,
                  CASE WHEN g % 100 = 0 THEN (ARRAY['SUBMITTED', 'ASSIGNED', 'ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN'])[1 + (g / 100) % 5]
                       WHEN g % 20 < 12 THEN 'CLOSED' WHEN g % 20 < 15 THEN 'DECIDED' WHEN g % 20 < 18 THEN 'FINAL'
                       ELSE 'WITHDRAWN' END AS state
             FROM generate_series(1, $1::int) AS g, p)
    INSERT INTO appeal_case (id, province_code, reference, type, state, citizen_id, colour, code_assigned_at,
                             issuing_province_code, issuing_unit_code, refusing_province_code, stated_reason_code, catalogue_version_id,
                             grounds, statement, requested_outcome, privacy_notice_version, prima_facie_overreach, assignee_id,
                             filed_at, due_at, allowed_ms, paused_ms, paused_since, deadline_inputs, deadline_explanation, at_risk_at,
                             idempotency_key, payload_hash, updated_at)
    SELECT gen_random_uuid(), g.prov, 'SS-' || g.prov || '-29990101-' || g.g, g.type::"CaseType", g.state::"CaseState", citizen.id, 'RED',
           g.filed - interval '6 hours', g.iss, g.iss || lpad((1 + g.g % 5)::text, 2, '0') || '00',
           CASE WHEN g.type = 'RECOGNITION_COMPLAINT' THEN g.prov END, 'CLOSE_CONTACT', cat.id,
           CASE WHEN g.type = 'RECOGNITION_COMPLAINT' THEN 'NOT_RECOGNISED' ELSE 'NEVER_AT_PLACE' END::"AppealGround", 'perf',
           CASE WHEN g.type = 'RECOGNITION_COMPLAINT' THEN 'RECOGNISE' ELSE 'REVOKE' END::"RequestedOutcome", '2026-01', g.g % 7 = 0,
           CASE WHEN g.state IN ('ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN', 'CLOSED', 'DECIDED') THEN
             (SELECT id FROM app_user u WHERE u.username = 'perf-reviewer-' || g.prov) END,
           g.filed, g.filed + interval '24 hours', 86400000, 0, CASE WHEN g.state = 'AWAITING_CITIZEN' THEN g.filed + interval '2 hours' END,
           '{}', 'perf', g.filed + interval '18 hours', 'perf-' || g.g, 'perf', g.filed
      FROM g, cat, citizen`,
    [CASES],
  );
  await sql(`
    INSERT INTO decision (id, case_id, province_code, level, outcome, rule_code, reasons, decided_by_id, decided_at, deadline_at)
    SELECT gen_random_uuid(), c.id, c.province_code, 'FIRST', (ARRAY['UPHELD', 'DOWNGRADED', 'REVOKED'])[1 + abs(hashtext(c.id::text)) % 3]::"DecisionOutcome",
           'CLOSE_CONTACT', 'perf reasons for the decision', u.id, c.filed_at + (1 + abs(hashtext(c.reference)) % 40) * interval '1 hour', c.due_at
      FROM appeal_case c JOIN app_user u ON u.username = 'perf-reviewer-' || c.province_code
     WHERE c.state IN ('CLOSED', 'DECIDED', 'FINAL')`);
  await sql(`
    INSERT INTO decision (id, case_id, province_code, level, outcome, rule_code, reasons, decided_by_id, decided_at, deadline_at, supersedes_id)
    SELECT gen_random_uuid(), f.case_id, f.province_code, 'SECOND', 'REVOKED', 'CLOSE_CONTACT', 'perf second-level reasons', f.decided_by_id,
           f.decided_at + interval '3 days', f.decided_at + interval '7 days', f.id
      FROM decision f JOIN appeal_case c ON c.id = f.case_id WHERE c.state = 'FINAL'`);
  await sql(`
    INSERT INTO outbox_event (id, province_code, kind, case_id, payload, status, attempts, next_attempt_at, delivered_at, created_at, confirmed_at)
    SELECT gen_random_uuid(), d.province_code, 'CORRECTION_ORDER', d.case_id, '{}', 'SENT', 1, d.decided_at, d.decided_at + interval '1 minute',
           d.decided_at, CASE WHEN abs(hashtext(d.id::text)) % 50 = 0 THEN NULL ELSE d.decided_at + interval '30 minutes' END
      FROM decision d WHERE d.outcome IN ('DOWNGRADED', 'REVOKED')`);
  await sql(`
    INSERT INTO outbox_event (id, province_code, kind, case_id, payload, status, attempts, next_attempt_at, created_at)
    SELECT gen_random_uuid(), c.province_code, 'STATUS_CHANGED', c.id, '{}', 'SENT', 1, c.filed_at, c.filed_at FROM appeal_case c`);
  await sql(
    `
    WITH p AS (SELECT array_agg(province_code ORDER BY province_code) AS codes FROM division WHERE level = 'PROVINCE')
    INSERT INTO audit_event (chain, seq, occurred_at, actor_role, action, after, prev_hash, hash)
    SELECT p.codes[1 + g % 31], 1 + g / 31, now() - interval '180 days' + (g / 31) * interval '1 minute', 'SYSTEM',
           (ARRAY['CASE_FILED', 'CASE_ASSIGNED', 'REVIEW_STARTED', 'CASE_DECIDED', 'EXPORT_CREATED'])[1 + g % 5], '{}', repeat('0', 64), repeat('0', 64)
      FROM generate_series(0, $1::int - 1) AS g, p`,
    [AUDIT_EVENTS],
  );
  await sql('ANALYZE');
}

beforeAll(async () => {
  await resetCaseData();
  const started = performance.now();
  await generate();
  timings.push([`generate ${CASES} cases, ${AUDIT_EVENTS} audit events`, performance.now() - started]);
  const supervisor = await getPrisma().user.create({
    data: { role: 'SUPERVISOR', displayName: 'perf national', username: 'perf-national' },
  });
  national = { id: supervisor.id, role: 'SUPERVISOR', provinceCode: null };
  anhui = { id: supervisor.id, role: 'SUPERVISOR', provinceCode: '34' };
}, 600_000);

afterAll(() => {
  console.log(
    `\nSupervision timings on ${CASES} cases (ms):\n${timings.map(([label, ms]) => `  ${ms.toFixed(1).padStart(9)}  ${label}`).join('\n')}\n`,
  );
});

describe(`supervision queries on ${CASES} cases`, () => {
  it('build the pre-aggregated statistics once, then refresh only what changed', async () => {
    let started = performance.now();
    await refreshSupervisionStats({ full: true });
    timings.push(['full rebuild of supervision_daily_stat', performance.now() - started]);
    const { rows } = await sql('SELECT count(*)::int AS count FROM supervision_daily_stat');
    timings.push([`  (stat rows: ${rows[0].count})`, 0]);
    await sql(`UPDATE appeal_case SET updated_at = now() - interval '1 hour'`);
    await sql('VACUUM ANALYZE appeal_case');
    await refreshSupervisionStats();
    await sql(
      `UPDATE appeal_case SET version = version + 1, updated_at = now() WHERE id IN (SELECT id FROM appeal_case ORDER BY filed_at DESC LIMIT 100)`,
    );
    started = performance.now();
    const result = await refreshSupervisionStats();
    timings.push([
      `incremental refresh after 100 changed cases (${result.groups} groups rebuilt)`,
      performance.now() - started,
    ]);
    started = performance.now();
    await refreshSupervisionStats();
    timings.push(['incremental refresh, nothing new outside the margin', performance.now() - started]);
  }, 600_000);

  it('read the analytics from the pre-aggregated table much faster than grouping the raw tables', async () => {
    const raw = await explain(
      'analytics grouped from raw appeal_case + decision (national, all time)',
      `SELECT c.issuing_province_code, count(*), count(f.id),
              count(*) FILTER (WHERE COALESCE(s.outcome, f.outcome) IN ('DOWNGRADED', 'REVOKED')), count(*) FILTER (WHERE c.prima_facie_overreach),
              count(*) FILTER (WHERE f.decided_at <= f.deadline_at),
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.decided_at - c.filed_at)) FILTER (WHERE f.id IS NOT NULL)
         FROM appeal_case c
         LEFT JOIN decision f ON f.case_id = c.id AND f.level = 'FIRST'
         LEFT JOIN decision s ON s.case_id = c.id AND s.level = 'SECOND'
        WHERE c.type = 'CODE_APPEAL'
        GROUP BY 1`,
    );
    const counts = await explain(
      'analytics counts from supervision_daily_stat (national, all time)',
      `SELECT d.issuing_province_code, sum(d.received), sum(d.decided), sum(d.overturned), sum(d.overreach), sum(d.decided_within_deadline)
         FROM supervision_daily_stat d WHERE d.type = 'CODE_APPEAL' GROUP BY GROUPING SETS ((d.issuing_province_code), ())`,
    );
    const medians = await explain(
      'analytics medians from supervision_daily_stat (national, all time)',
      `SELECT d.issuing_province_code, percentile_cont(0.5) WITHIN GROUP (ORDER BY s)
         FROM supervision_daily_stat d CROSS JOIN LATERAL unnest(d.decision_seconds) AS s
        WHERE d.type = 'CODE_APPEAL' GROUP BY GROUPING SETS ((d.issuing_province_code), ())`,
    );
    await explain(
      'analytics counts from supervision_daily_stat (one province, 12 weeks)',
      `SELECT d.issuing_unit_code, sum(d.received), sum(d.decided), sum(d.overturned)
         FROM supervision_daily_stat d WHERE d.province_code = '34' AND d.day >= (now() - interval '84 days')::date AND d.type = 'CODE_APPEAL'
        GROUP BY GROUPING SETS ((d.issuing_unit_code), ())`,
    );
    expect(counts + medians).toBeLessThan(raw);
    const allTime = resolveAnalyticsFilters({ type: 'CODE_APPEAL' }, { from: true, to: true });
    const table = await timed('getAuthorityTable national all time (Prisma, end to end)', () =>
      getAuthorityTable(national, allTime),
    );
    expect(table.total.received).toBe(CASES - CASES / 10);
    await timed('getAuthorityTable one province, units, all time', () =>
      getAuthorityTable(anhui, { ...allTime, province: '34' }),
    );
    await timed('getWeeklyTrend national, 12 weeks', () =>
      getWeeklyTrend(national, resolveAnalyticsFilters({}, { from: false, to: false })),
    );
    await timed('getRecognitionMatrix national, all time', () => getRecognitionMatrix(national, allTime));
    const report = await timed('getTransparencyReport (31 provinces, uncached)', () => getTransparencyReport());
    expect(report.provinces).toHaveLength(31);
  }, 300_000);

  it('list the board and the audit view through indexes', async () => {
    await explain(
      'board: overdue open cases, national, first 50 by deadline',
      `SELECT id, reference, due_at FROM appeal_case
        WHERE state IN ('SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN', 'SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW')
          AND ((paused_since IS NULL AND due_at < now()) OR (paused_since IS NOT NULL AND due_at < paused_since))
        ORDER BY due_at, prima_facie_overreach DESC, reference LIMIT 50`,
    );
    await explain(
      'board: count of overdue open cases, national',
      `SELECT count(*) FROM appeal_case
        WHERE state IN ('SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN', 'SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW')
          AND ((paused_since IS NULL AND due_at < now()) OR (paused_since IS NOT NULL AND due_at < paused_since))`,
    );
    await explain(
      'board: corrections not confirmed within 2 hours, one province',
      `SELECT c.reference, o.created_at FROM outbox_event o JOIN appeal_case c ON c.id = o.case_id
        WHERE o.kind = 'CORRECTION_ORDER' AND o.confirmed_at IS NULL AND o.created_at <= now() - interval '2 hours' AND c.province_code = '34'
          AND NOT EXISTS (SELECT 1 FROM outbox_event n WHERE n.case_id = o.case_id AND n.kind = 'CORRECTION_ORDER' AND (n.created_at, n.id) > (o.created_at, o.id))
        ORDER BY o.created_at LIMIT 50`,
    );
    await explain(
      'audit view: one chain, newest 51 events',
      `SELECT e.chain, e.seq FROM audit_event e WHERE e.chain = '34' ORDER BY e.occurred_at DESC, e.chain DESC, e.seq DESC LIMIT 51`,
    );
    await explain(
      'audit view: every chain, one action, newest 51 events',
      `SELECT e.chain, e.seq FROM audit_event e WHERE e.action = 'EXPORT_CREATED' ORDER BY e.occurred_at DESC, e.chain DESC, e.seq DESC LIMIT 51`,
    );
    for (const list of ['overdue', 'at-risk', 'unassigned', 'waiting'] as const) {
      await timed(`  listBoardCases ${list}, national, 50 rows`, () => listBoardCases(national, list, { limit: 50 }));
      await timed(`  countBoardCases ${list}, national`, () => countBoardCases(national, list));
    }
    await timed('  listUnconfirmedCorrections national, 50 rows', () =>
      listUnconfirmedCorrections(national, { limit: 50 }),
    );
    await timed('  listWorkload national', () => listWorkload(national));
    const board = await timed('getDeadlineBoard national (all five lists, counts, workload)', () =>
      getDeadlineBoard(national),
    );
    expect(board.counts.overdue).toBeGreaterThan(0);
    await timed('getDeadlineBoard one province', () => getDeadlineBoard(anhui));
    const page = await timed('findAuditPage national, first page', () => findAuditPage(national, {}));
    await timed('findAuditPage national, page after the first', () =>
      findAuditPage(national, { cursor: page.nextCursor ?? undefined }),
    );
    await timed('findAuditPage one chain, one action', () => findAuditPage(anhui, { action: 'CASE_DECIDED' }));
    for (const [label, ms] of timings)
      if (!label.startsWith('generate') && !label.startsWith('full rebuild'))
        expect(ms, label).toBeLessThan(CASES <= 50_000 ? 1500 : 10_000);
  }, 300_000);
});
