// Loads a national-scale data set for the benchmark through PostgreSQL COPY: staff, citizens, N cases with a
// realistic mix of provinces, colours, states and deadlines, their decisions, and a valid audit chain per province.
// One province (Henan, 41) carries a large share, so its pool is deep enough to page 1,000 pages in.
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { auditHash, GENESIS_HASH } from '@/lib/audit/canonical';
import { hashPassword } from '@/lib/auth/password';
import { sealIdNumber } from '@/lib/pii/id-number';
import { computeResidentIdCheckDigit } from '@/lib/cases/rules/resident-id';
import { formatReference } from '@/lib/cases/rules/reference';
import { caseDeadlineFields, caseRowShape, sweepMarks } from '@/lib/cases/rules/case-row';

export const BENCH_PASSWORD = 'Bench-2026!';
const HOUR = 3600_000;

/** A deterministic PRNG (mulberry32), so a run with the same N loads the same data apart from "now". */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let at = rnd() * total;
  for (const [value, weight] of weighted) {
    at -= weight;
    if (at <= 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

/** COPY text format: tabs and newlines escaped, null as \N. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function copyLine(row: unknown[]): string {
  return `${row.map(copyValue).join('\t')}\n`;
}

async function copyFile(client: pg.Client, table: string, columns: string[], file: string): Promise<void> {
  const sql = `COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`;
  await pipeline(createReadStream(file), client.query(copyFrom(sql)));
}

/** Rows spooled to a file while the cases stream, then copied: memory stays flat whatever N is. */
class Spool {
  private readonly out: WriteStream;
  count = 0;
  constructor(readonly file: string) {
    this.out = createWriteStream(file);
  }
  write(row: unknown[]): void {
    this.out.write(copyLine(row));
    this.count += 1;
  }
  close(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}

async function copyRows(
  client: pg.Client,
  table: string,
  columns: string[],
  rows: Iterable<unknown[]>,
): Promise<number> {
  let count = 0;
  function* lines() {
    let batch: string[] = [];
    for (const row of rows) {
      batch.push(copyLine(row).slice(0, -1));
      count += 1;
      if (batch.length === 2000) {
        yield `${batch.join('\n')}\n`;
        batch = [];
      }
    }
    if (batch.length > 0) yield `${batch.join('\n')}\n`;
  }
  const sql = `COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`;
  await pipeline(Readable.from(lines()), client.query(copyFrom(sql)));
  return count;
}

const STATE_MIX = [
  ['SUBMITTED', 12],
  ['ASSIGNED', 4],
  ['IN_REVIEW', 5],
  ['AWAITING_CITIZEN', 2],
  ['DECIDED', 10],
  ['SECOND_REVIEW_REQUESTED', 1],
  ['IN_SECOND_REVIEW', 1],
  ['FINAL', 5],
  ['CLOSED', 55],
  ['WITHDRAWN', 5],
] as const;
const REASONS = [
  ['SPATIOTEMPORAL_COMPANION', 30],
  ['CLOSE_CONTACT', 20],
  ['HIGH_RISK_AREA', 15],
  ['SECONDARY_CLOSE_CONTACT', 10],
  ['MEDIUM_RISK_AREA', 8],
  [null, 10],
  ['NON_EPIDEMIC', 7],
] as const;
const MAX: Record<string, string | null> = {
  SPATIOTEMPORAL_COMPANION: 'YELLOW',
  CLOSE_CONTACT: 'RED',
  HIGH_RISK_AREA: 'RED',
  SECONDARY_CLOSE_CONTACT: 'YELLOW',
  MEDIUM_RISK_AREA: 'YELLOW',
};
const GROUNDS = [
  'NEVER_AT_PLACE',
  'IDENTITY_MIX_UP',
  'NEGATIVE_TEST_NOT_SYNCED',
  'ISOLATION_COMPLETED',
  'STRICTER_THAN_STANDARD',
  'NON_EPIDEMIC_REASON',
  'OTHER',
];
const STATEMENTS = [
  '我当天一直在单位上班，从未去过通报的风险区域，有考勤记录和行程卡为证，请求撤销红码。',
  '核酸检测结果为阴性但未同步，健康码一直未转绿，影响正常工作和就医。',
  '我是村镇银行储户，到郑州维权前被赋红码，与疫情无关，请求依法纠正。',
  '集中隔离期满已解除，但健康码仍为黄码，无法返岗。',
];

export interface LoadResult {
  cases: number;
  decisions: number;
  auditEvents: number;
  citizens: number;
  reviewers: number;
  heavyProvince: string;
  seconds: number;
}

export async function loadBenchData(
  databaseUrl: string,
  options: { cases: number; now?: Date; log?: (line: string) => void },
): Promise<LoadResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const rnd = random(20221127);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: divisions } = await client.query<{ code: string; province_code: string; level: string }>(
      `SELECT code, province_code, level FROM division WHERE level <> 'COUNTY' ORDER BY code`,
    );
    const provinces = divisions.filter((d) => d.level === 'PROVINCE').map((d) => d.province_code);
    const citiesOf = new Map(
      provinces.map((p) => [
        p,
        divisions.filter((d) => d.level === 'CITY' && d.province_code === p).map((d) => d.code),
      ]),
    );
    const heavyProvince = '41';
    const provinceWeights = provinces.map((p) => [p, p === heavyProvince ? 40 : 2] as const);
    const {
      rows: [catalogue],
    } = await client.query<{ id: number }>(`SELECT id FROM reason_catalogue_version ORDER BY version DESC LIMIT 1`);
    const {
      rows: [policy],
    } = await client.query<{ id: number; version: number }>(
      `SELECT id, version FROM deadline_policy WHERE province_code IS NULL ORDER BY version DESC LIMIT 1`,
    );
    if (!catalogue || !policy) throw new Error('Reference data missing: run the reference seed first');

    // Staff: 20 reviewers and 1 supervisor per province, one national supervisor.
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const reviewersOf = new Map<string, string[]>();
    const staff: unknown[][] = [];
    for (const province of provinces) {
      const ids: string[] = [];
      for (let i = 1; i <= 20; i += 1) {
        const id = randomUUID();
        ids.push(id);
        const unit = citiesOf.get(province)![i % citiesOf.get(province)!.length] ?? null;
        staff.push([
          id,
          'REVIEWER',
          `审核员 ${province}-${i}`,
          `bench-reviewer-${province}-${i}`,
          passwordHash,
          province,
          unit,
          100_000,
          now,
        ]);
      }
      reviewersOf.set(province, ids);
      staff.push([
        randomUUID(),
        'SUPERVISOR',
        `督导 ${province}`,
        `bench-supervisor-${province}`,
        passwordHash,
        province,
        null,
        50,
        now,
      ]);
    }
    staff.push([
      randomUUID(),
      'SUPERVISOR',
      '全国督导',
      'bench-supervisor-national',
      passwordHash,
      null,
      null,
      50,
      now,
    ]);
    await copyRows(
      client,
      'app_user',
      [
        'id',
        'role',
        'display_name',
        'username',
        'password_hash',
        'province_code',
        'unit_code',
        'capacity',
        'updated_at',
      ],
      staff,
    );

    // Citizens: one per ten cases.
    const citizenCount = Math.max(1, Math.ceil(options.cases / 10));
    const citizens = Array.from({ length: citizenCount }, () => randomUUID());
    await copyRows(
      client,
      'app_user',
      ['id', 'role', 'display_name', 'mobile', 'updated_at'],
      citizens.map((id, i) => [id, 'CITIZEN', `申诉人 ${i}`, `13${String(100_000_000 + i).slice(-9)}`, now]),
    );
    log(`staff ${staff.length}, citizens ${citizenCount}`);

    // A few sealed identities reused across cases: encryption is measured elsewhere, not here.
    const identities = Array.from({ length: 256 }, (_, i) => {
      const first17 = `410102${1960 + (i % 40)}0${(i % 9) + 1}1${String(i % 10)}${String(i).padStart(3, '0')}`;
      return sealIdNumber(`${first17}${computeResidentIdCheckDigit(first17)}`);
    });

    const sequences = new Map<string, number>();
    const chains = new Map<string, { seq: bigint; hash: string }>();
    const spoolDir = mkdtempSync(path.join(tmpdir(), 'bench-'));
    const decisions = new Spool(path.join(spoolDir, 'decisions.tsv'));
    const events = new Spool(path.join(spoolDir, 'events.tsv'));
    const appendEvent = (
      chain: string,
      fields: {
        occurredAt: Date;
        actorId: string | null;
        actorRole: string;
        caseId: string;
        action: string;
        after: Record<string, string>;
      },
    ) => {
      const head = chains.get(chain) ?? { seq: 0n, hash: GENESIS_HASH };
      const event = {
        chain,
        seq: head.seq + 1n,
        occurredAt: fields.occurredAt,
        actorId: fields.actorId,
        actorRole: fields.actorRole,
        caseId: fields.caseId,
        action: fields.action,
        before: null,
        after: fields.after,
        reason: null,
      };
      const hash = auditHash(head.hash, event);
      events.write([
        chain,
        event.seq,
        event.occurredAt,
        event.actorId,
        event.actorRole,
        event.caseId,
        event.action,
        null,
        fields.after,
        null,
        head.hash,
        hash,
      ]);
      chains.set(chain, { seq: event.seq, hash });
    };

    function* caseRows(): Generator<unknown[]> {
      for (let n = 0; n < options.cases; n += 1) {
        const id = randomUUID();
        const state = pick(rnd, STATE_MIX);
        const type = rnd() < 0.05 ? 'RECOGNITION_COMPLAINT' : 'CODE_APPEAL';
        const issuingProvince = pick(rnd, provinceWeights);
        const refusing = type === 'RECOGNITION_COMPLAINT' ? provinces[Math.floor(rnd() * provinces.length)]! : null;
        const province = type === 'RECOGNITION_COMPLAINT' && refusing !== issuingProvince ? refusing! : issuingProvince;
        const cities = citiesOf.get(issuingProvince)!;
        const unit = cities[Math.floor(rnd() * cities.length)]!;
        const colour = type === 'RECOGNITION_COMPLAINT' || rnd() < 0.7 ? 'RED' : 'YELLOW';
        const reason = pick(rnd, REASONS);
        const max = reason ? (MAX[reason] ?? null) : null;
        const overreach =
          reason === null
            ? 'NO_REASON_STATED'
            : reason === 'NON_EPIDEMIC'
              ? 'NON_EPIDEMIC_REASON'
              : max === 'YELLOW' && colour === 'RED'
                ? 'COLOUR_ABOVE_MAXIMUM'
                : null;
        const hours = colour === 'RED' && type === 'CODE_APPEAL' ? 24 : 48;
        // The state sets, deadline schedule and sweep marks of the lifecycle (lib/cases/rules/case-row.ts).
        const shape = caseRowShape(state);
        // Open cases were filed in the last ~30 hours (some are overdue); decided ones inside their 15-day window for a
        // second-level review (older ones would have been closed by the sweep); the rest over the last 180 days.
        const ageHours = shape.open ? rnd() * 30 : shape.recentlyDecided ? 48 + rnd() * 12 * 24 : 48 + rnd() * 180 * 24;
        const filedAt = new Date(now.getTime() - ageHours * HOUR);
        const { dueAt, atRiskAt, allowedMs: allowed } = caseDeadlineFields(filedAt, hours * HOUR);
        const pausedSince = shape.paused ? new Date(filedAt.getTime() + allowed * 0.3 * rnd()) : null;
        const marks = sweepMarks(state, { dueAt, atRiskAt }, now);
        const day = formatReference(province, filedAt, 1).slice(6, 14);
        const key = `${province}${day}`;
        const seq = (sequences.get(key) ?? 0) + 1;
        sequences.set(key, seq);
        const reference = formatReference(province, filedAt, seq);
        const reviewers = reviewersOf.get(province)!;
        const assigned =
          (state !== 'SUBMITTED' && state !== 'SECOND_REVIEW_REQUESTED' && state !== 'WITHDRAWN') ||
          (state === 'WITHDRAWN' && rnd() < 0.5);
        const assigneeId = assigned ? reviewers[Math.floor(rnd() * reviewers.length)]! : null;
        const decided = shape.decided;
        const decidedAt = decided ? new Date(filedAt.getTime() + allowed * (0.2 + rnd() * 0.9)) : null;
        const outcome = decided
          ? pick(rnd, [
              ['UPHELD', 45],
              ['DOWNGRADED', 20],
              ['REVOKED', 35],
            ] as const)
          : null;
        const closedAt =
          state === 'CLOSED'
            ? new Date(decidedAt!.getTime() + 15 * 24 * HOUR)
            : state === 'FINAL' || state === 'WITHDRAWN'
              ? new Date(filedAt.getTime() + allowed)
              : null;
        const identity = identities[n % identities.length]!;
        const citizenId = citizens[n % citizens.length]!;
        const inputs = {
          basis: 'CLOCK_HOURS',
          hours,
          startAt: filedAt.toISOString(),
          startEvent: 'FILED',
          pausedMs: 0,
          timeZone: 'Asia/Shanghai',
          policy: { id: policy!.id, version: policy!.version, provinceCode: null },
          rule: hours === 24 ? 'redHours' : 'yellowHours',
        };
        if (decided) {
          const decisionId = randomUUID();
          decisions.write([
            decisionId,
            id,
            province,
            'FIRST',
            outcome,
            reason ?? 'CLOSE_CONTACT',
            '经核查申诉人提交的考勤记录、行程卡及核酸检测报告，原赋码依据不足，依法作出本决定。',
            assigneeId ?? reviewers[0],
            decidedAt,
            dueAt,
          ]);
        }
        appendEvent(province, {
          occurredAt: filedAt,
          actorId: citizenId,
          actorRole: 'CITIZEN',
          caseId: id,
          action: 'CASE_FILED',
          after: { reference, state: 'SUBMITTED' },
        });
        if (assigneeId)
          appendEvent(province, {
            occurredAt: filedAt,
            actorId: null,
            actorRole: 'SYSTEM',
            caseId: id,
            action: 'CASE_ASSIGNED',
            after: { state: 'ASSIGNED', assigneeId },
          });
        if (decided)
          appendEvent(province, {
            occurredAt: decidedAt!,
            actorId: assigneeId,
            actorRole: 'REVIEWER',
            caseId: id,
            action: 'CASE_DECIDED',
            after: { state: 'DECIDED', outcome: outcome! },
          });
        if (state === 'CLOSED')
          appendEvent(province, {
            occurredAt: closedAt!,
            actorId: null,
            actorRole: 'SYSTEM',
            caseId: id,
            action: 'CASE_CLOSED',
            after: { state },
          });
        yield [
          id,
          province,
          reference,
          type,
          state,
          citizenId,
          '张伟',
          identity.idNumberCipher,
          identity.idNumberHash,
          identity.idNumberMasked,
          '13800000001',
          colour,
          new Date(filedAt.getTime() - 6 * HOUR),
          issuingProvince,
          unit,
          refusing === issuingProvince ? null : refusing,
          reason,
          catalogue!.id,
          GROUNDS[n % GROUNDS.length],
          STATEMENTS[n % STATEMENTS.length],
          colour === 'RED' && rnd() < 0.3 ? 'DOWNGRADE' : type === 'RECOGNITION_COMPLAINT' ? 'RECOGNISE' : 'REVOKE',
          '2026-01',
          overreach !== null,
          overreach,
          assigneeId,
          assigneeId ? filedAt : null,
          filedAt,
          dueAt,
          allowed,
          0,
          pausedSince,
          inputs,
          `filed + ${hours} h`,
          atRiskAt,
          marks.atRiskMarkedAt,
          marks.overdueMarkedAt,
          decidedAt,
          decidedAt ? new Date(decidedAt.getTime() + 15 * 24 * HOUR) : null,
          closedAt,
          id,
          id,
          now,
        ];
      }
    }
    // The per-state and deadline counters are recounted once after the load (recountCaseStates, recountCaseDeadlines)
    // rather than a trigger per row.
    await client.query('ALTER TABLE appeal_case DISABLE TRIGGER appeal_case_count_states_insert_delete');
    await client.query('ALTER TABLE appeal_case DISABLE TRIGGER appeal_case_count_deadlines_insert_delete');
    const caseCount = await copyRows(
      client,
      'appeal_case',
      [
        'id',
        'province_code',
        'reference',
        'type',
        'state',
        'citizen_id',
        'applicant_name',
        'id_number_cipher',
        'id_number_hash',
        'id_number_masked',
        'mobile',
        'colour',
        'code_assigned_at',
        'issuing_province_code',
        'issuing_unit_code',
        'refusing_province_code',
        'stated_reason_code',
        'catalogue_version_id',
        'grounds',
        'statement',
        'requested_outcome',
        'privacy_notice_version',
        'prima_facie_overreach',
        'overreach_reason',
        'assignee_id',
        'assigned_at',
        'filed_at',
        'due_at',
        'allowed_ms',
        'paused_ms',
        'paused_since',
        'deadline_inputs',
        'deadline_explanation',
        'at_risk_at',
        'at_risk_marked_at',
        'overdue_marked_at',
        'decided_at',
        'second_review_deadline_at',
        'closed_at',
        'idempotency_key',
        'payload_hash',
        'updated_at',
      ],
      caseRows(),
    );
    await client.query('ALTER TABLE appeal_case ENABLE TRIGGER appeal_case_count_states_insert_delete');
    await client.query('ALTER TABLE appeal_case ENABLE TRIGGER appeal_case_count_deadlines_insert_delete');
    log(`cases ${caseCount}`);
    // Each case's idempotency key is held globally, as a filing holds it (lib/cases/submit-appeal.ts).
    await client.query(`INSERT INTO filing_idempotency_key (key, citizen_id, payload_hash, case_id, province_code, created_at)
                        SELECT idempotency_key, citizen_id, payload_hash, id, province_code, created_at FROM appeal_case
                        ON CONFLICT (key) DO NOTHING`);
    await Promise.all([decisions.close(), events.close()]);
    await copyFile(
      client,
      'decision',
      [
        'id',
        'case_id',
        'province_code',
        'level',
        'outcome',
        'rule_code',
        'reasons',
        'decided_by_id',
        'decided_at',
        'deadline_at',
      ],
      decisions.file,
    );
    log(`decisions ${decisions.count}`);
    await copyFile(
      client,
      'audit_event',
      [
        'chain',
        'seq',
        'occurred_at',
        'actor_id',
        'actor_role',
        'case_id',
        'action',
        'before',
        'after',
        'reason',
        'prev_hash',
        'hash',
      ],
      events.file,
    );
    rmSync(spoolDir, { recursive: true, force: true });
    await copyRows(
      client,
      'audit_chain_head',
      ['chain', 'seq', 'hash'],
      [...chains].map(([chain, head]) => [chain, head.seq, head.hash]),
    );
    await copyRows(
      client,
      'reference_counter',
      ['province_code', 'day', 'last_value'],
      [...sequences].map(([key, value]) => [key.slice(0, 2), key.slice(2), value]),
    );
    log(`audit events ${events.count}`);
    // As a database in use would be: hint bits set and the visibility map current (index-only scans), statistics fresh.
    await client.query('VACUUM ANALYZE');
    return {
      cases: caseCount,
      decisions: decisions.count,
      auditEvents: events.count,
      citizens: citizenCount,
      reviewers: provinces.length * 20,
      heavyProvince,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}
