// The seed against a real PostgreSQL: reference data, demo accounts, ~200 consistent demo cases, gapless audit chains,
// no ID number in the clear, the production guard, and a second run that duplicates nothing.
import chineseDays from 'chinese-days';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditHash, GENESIS_HASH, type JsonValue } from '@/lib/audit/canonical';
import { verifyAuditChains } from '@/lib/audit/verify';
import { verifyPassword } from '@/lib/auth/password';
import { readDeadlineInputs } from '@/lib/cases/rules/deadlines';
import { assessOverreach } from '@/lib/cases/rules/overreach';
import { isValidResidentId } from '@/lib/cases/rules/resident-id';
import { CASE_STATES, TRANSITIONS } from '@/lib/cases/rules/transitions';
import { endOfShanghaiDay } from '@/lib/cases/rules/working-days';
import { getPrisma } from '@/lib/db/client';
import { decryptIdNumber } from '@/lib/pii/id-number';
import { rawClient, resetCaseData } from '@/test/support/db';
import { DEMO_CITIZENS, DEMO_PASSWORD, DEMO_STAFF, formatDemoSignIns } from './demo-accounts';
import { listDemoIdNumbers } from './demo-cases';
import { DEMO_INCIDENT, listDemoIncidentIdNumbers } from './demo-incident';
import { CALENDAR_YEARS, REASONS_V1 } from './reference-data';
import { seed } from './seed';

const ALL_STATES = CASE_STATES;
const ALL_GROUNDS = [
  'NEVER_AT_PLACE',
  'IDENTITY_MIX_UP',
  'NEGATIVE_TEST_NOT_SYNCED',
  'ISOLATION_COMPLETED',
  'STRICTER_THAN_STANDARD',
  'NON_EPIDEMIC_REASON',
  'NOT_RECOGNISED',
  'OTHER',
];
const DEMO_PROVINCE_CODES = ['31', '34', '41', '42', '44'];

const TABLES = [
  'division',
  'reason',
  'calendar_day',
  'calendar_version',
  'deadline_policy',
  'app_user',
  'appeal_case',
  'decision',
  'information_request',
  'outbox_event',
  'audit_event',
  'reference_counter',
];

async function countRows(db: pg.Client): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    counts[table] = Number(rows[0]?.n);
  }
  return counts;
}

let db: pg.Client;
let seedSeconds = 0;

beforeAll(async () => {
  await resetCaseData();
  db = await rawClient();
});

afterAll(async () => {
  await db.end();
});

describe('seed guard', () => {
  it('refuses NODE_ENV=production without force and writes nothing', async () => {
    const before = await countRows(db);
    vi.stubEnv('NODE_ENV', 'production');
    try {
      await expect(seed({ force: false })).rejects.toThrow(/production/);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(await countRows(db)).toEqual(before);
    expect(before.app_user).toBe(0);
  });
});

describe('seeded database', () => {
  beforeAll(async () => {
    const started = performance.now();
    await seed({ force: false });
    seedSeconds = (performance.now() - started) / 1000;
    console.log(`seed took ${seedSeconds.toFixed(1)} s`);
  }, 120_000);

  it('takes well under a minute', () => {
    expect(seedSeconds).toBeLessThan(60);
  });

  describe('reference data', () => {
    it('has the divisions of the data package', async () => {
      const { rows } = await db.query<{ level: string; n: string }>(
        'SELECT level, count(*) AS n FROM division GROUP BY level',
      );
      const byLevel = Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
      expect(byLevel.PROVINCE).toBe(31);
      expect(byLevel.CITY).toBeGreaterThan(300);
      expect(byLevel.COUNTY).toBeGreaterThan(2800);
      const { rows: samples } = await db.query<{
        code: string;
        name: string;
        parent_code: string | null;
        province_code: string;
      }>(
        "SELECT code, name, parent_code, province_code FROM division WHERE code IN ('340000', '340100', '340104', '310100') ORDER BY code",
      );
      expect(samples).toEqual([
        { code: '310100', name: '市辖区', parent_code: '310000', province_code: '31' },
        { code: '340000', name: '安徽省', parent_code: null, province_code: '34' },
        { code: '340100', name: '合肥市', parent_code: '340000', province_code: '34' },
        { code: '340104', name: '蜀山区', parent_code: '340100', province_code: '34' },
      ]);
      const { rows: orphans } = await db.query(
        "SELECT d.code FROM division d LEFT JOIN division p ON p.code = d.parent_code WHERE d.level <> 'PROVINCE' AND p.code IS NULL",
      );
      expect(orphans).toEqual([]);
    });

    it('has reason catalogue v1 with the national maximum colours', async () => {
      const { rows } = await db.query<{ code: string; max_colour: string | null; validity: string }>(
        'SELECT r.code, r.max_colour, r.validity FROM reason r JOIN reason_catalogue_version v ON v.id = r.catalogue_version_id WHERE v.version = 1 ORDER BY r.sort_order',
      );
      expect(rows).toEqual([
        { code: 'CONFIRMED_OR_ASYMPTOMATIC', max_colour: 'RED', validity: 'VALID' },
        { code: 'CLOSE_CONTACT', max_colour: 'RED', validity: 'VALID' },
        { code: 'HIGH_RISK_AREA', max_colour: 'RED', validity: 'VALID' },
        { code: 'SECONDARY_CLOSE_CONTACT', max_colour: 'YELLOW', validity: 'VALID' },
        { code: 'SPATIOTEMPORAL_COMPANION', max_colour: 'YELLOW', validity: 'VALID' },
        { code: 'MEDIUM_RISK_AREA', max_colour: 'YELLOW', validity: 'VALID' },
        { code: 'FEVER_CLINIC_VISIT', max_colour: 'YELLOW', validity: 'VALID' },
        { code: 'TEST_OVERDUE', max_colour: 'GREEN', validity: 'VALID' },
        { code: 'NO_REASON_STATED', max_colour: null, validity: 'NO_REASON' },
        { code: 'NON_EPIDEMIC', max_colour: null, validity: 'NON_EPIDEMIC' },
      ]);
    });

    it('has a calendar version for every year with holidays and 调休 working weekends', async () => {
      const { rows: versions } = await db.query<{ year: number; source: string }>(
        'SELECT year, source FROM calendar_version WHERE version = 1 ORDER BY year',
      );
      expect(versions.map((v) => v.year)).toEqual([...CALENDAR_YEARS]);
      for (const v of versions) expect(v.source).toMatch(/^chinese-days@\d+\.\d+\.\d+$/);

      const kindOf = async (date: string): Promise<{ kind: string; name: string } | undefined> => {
        const { rows } = await db.query<{ kind: string; name: string }>(
          'SELECT d.kind, d.name FROM calendar_day d JOIN calendar_version v ON v.id = d.calendar_version_id WHERE v.version = 1 AND d.date = $1::date',
          [date],
        );
        return rows[0];
      };
      expect(await kindOf('2024-10-01')).toEqual({ kind: 'HOLIDAY', name: '国庆节' });
      expect(await kindOf('2024-09-29')).toEqual({ kind: 'WORKING_WEEKEND', name: '国庆节' });
      expect(await kindOf('2020-01-19')).toEqual({ kind: 'WORKING_WEEKEND', name: '春节' });
      expect(await kindOf('2024-09-28')).toBeUndefined();

      // One real make-up working day and one weekday holiday per year, straight from the package.
      for (const year of CALENDAR_YEARS) {
        const days = Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(year, 0, 1 + i))).filter(
          (d) => d.getUTCFullYear() === year,
        );
        const local = (d: Date) => new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
        const weekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;
        const workingWeekend = days.find((d) => weekend(d) && chineseDays.getDayDetail(local(d)).work);
        const weekdayHoliday = days.find((d) => !weekend(d) && chineseDays.isHoliday(local(d)));
        expect(workingWeekend, `a 调休 day in ${year}`).toBeDefined();
        expect(weekdayHoliday, `a holiday in ${year}`).toBeDefined();
        if (workingWeekend)
          expect((await kindOf(workingWeekend.toISOString().slice(0, 10)))?.kind).toBe('WORKING_WEEKEND');
        if (weekdayHoliday) expect((await kindOf(weekdayHoliday.toISOString().slice(0, 10)))?.kind).toBe('HOLIDAY');
      }
    });

    it('has the national deadline policy v1', async () => {
      const { rows } = await db.query(
        'SELECT red_hours, yellow_hours, recognition_hours, second_review_working_days, citizen_reply_hours, effective_from FROM deadline_policy WHERE province_code IS NULL',
      );
      expect(rows).toEqual([
        {
          red_hours: 24,
          yellow_hours: 48,
          recognition_hours: 48,
          second_review_working_days: 5,
          citizen_reply_hours: 72,
          effective_from: new Date('2020-02-01T00:00:00+08:00'),
        },
      ]);
    });
  });

  describe('demo accounts', () => {
    it('has exactly the demo staff, by role and province', async () => {
      const { rows } = await db.query<{
        username: string;
        role: string;
        province_code: string | null;
        unit_code: string | null;
        password_hash: string;
      }>(
        'SELECT username, role, province_code, unit_code, password_hash FROM app_user WHERE username IS NOT NULL ORDER BY username',
      );
      expect(rows.map((r) => r.username)).toEqual(DEMO_STAFF.map((s) => s.username).sort());
      const counts = new Map<string, number>();
      for (const r of rows)
        counts.set(`${r.role}:${r.province_code ?? '-'}`, (counts.get(`${r.role}:${r.province_code ?? '-'}`) ?? 0) + 1);
      for (const code of DEMO_PROVINCE_CODES) {
        expect(counts.get(`REVIEWER:${code}`)).toBe(2);
        expect(counts.get(`SUPERVISOR:${code}`)).toBe(1);
      }
      expect(counts.get('SUPERVISOR:-')).toBe(1);
      expect(counts.get('ADMIN:-')).toBe(1);
      expect(rows.length).toBe(17);

      const reviewers = rows.filter((r) => r.role === 'REVIEWER');
      const { rows: units } = await db.query<{ code: string; province_code: string }>(
        'SELECT code, province_code FROM division WHERE code = ANY($1)',
        [reviewers.map((r) => r.unit_code)],
      );
      for (const reviewer of reviewers) {
        expect(units.find((u) => u.code === reviewer.unit_code)?.province_code, reviewer.username).toBe(
          reviewer.province_code,
        );
      }
      for (const code of DEMO_PROVINCE_CODES) {
        expect(new Set(reviewers.filter((r) => r.province_code === code).map((r) => r.unit_code)).size).toBe(2);
      }
      expect(await verifyPassword(DEMO_PASSWORD, rows[0]?.password_hash ?? '')).toBe(true);
      expect(rows.every((r) => r.password_hash.startsWith('$2'))).toBe(true);
    });

    it('has the five demo citizens', async () => {
      const { rows } = await db.query<{ mobile: string; display_name: string }>(
        `SELECT mobile, display_name FROM app_user WHERE role = 'CITIZEN' AND mobile NOT LIKE '${DEMO_INCIDENT.mobilePrefix}%' ORDER BY mobile`,
      );
      expect(rows).toEqual(DEMO_CITIZENS.map((c) => ({ mobile: c.mobile, display_name: c.displayName })));
    });

    it('prints the sign-in help in Chinese and English', () => {
      const text = formatDemoSignIns();
      expect(text).toContain('reviewer-ah-1');
      expect(text).toContain('supervisor-national');
      expect(text).toContain(DEMO_PASSWORD);
      expect(text).toContain('13800000005');
      expect(text).toContain('http://localhost:3000/dev/sms');
      expect(text.indexOf('验证码')).toBeLessThan(text.indexOf('one-time code'));
    });
  });

  describe('demo cases', () => {
    type CaseRow = Record<string, unknown> & {
      id: string;
      reference: string;
      province_code: string;
      state: string;
      type: string;
      colour: string;
      grounds: string;
      stated_reason_code: string | null;
      issuing_province_code: string;
      issuing_unit_code: string;
      refusing_province_code: string | null;
      prima_facie_overreach: boolean;
      overreach_reason: string | null;
      assignee_id: string | null;
      filed_at: Date;
      due_at: Date;
      at_risk_at: Date;
      allowed_ms: string;
      paused_ms: string;
      paused_since: Date | null;
      decided_at: Date | null;
      closed_at: Date | null;
      withdrawal_reason: string | null;
      second_review_reason: string | null;
      version: number;
      code_assigned_at: Date;
      id_number_cipher: string;
      id_number_masked: string;
      statement: string;
      shanghai_day: string;
      in_incident: boolean;
    };
    let cases: CaseRow[];

    beforeAll(async () => {
      const { rows } = await db.query<CaseRow>(
        `SELECT c.*, to_char(c.filed_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') AS shanghai_day,
          EXISTS (SELECT 1 FROM case_incident ci WHERE ci.province_code = c.province_code AND ci.case_id = c.id) AS in_incident
         FROM appeal_case c ORDER BY c.reference`,
      );
      cases = rows;
    });

    it('has about 200 cases in every state, type, colour, ground and demo province', () => {
      const planned = cases.filter((c) => !c.in_incident);
      expect(planned.length).toBeGreaterThanOrEqual(180);
      expect(planned.length).toBeLessThanOrEqual(220);
      expect(new Set(cases.map((c) => c.state))).toEqual(new Set(ALL_STATES));
      expect(new Set(cases.map((c) => c.grounds))).toEqual(new Set(ALL_GROUNDS));
      expect(new Set(cases.map((c) => c.type))).toEqual(new Set(['CODE_APPEAL', 'RECOGNITION_COMPLAINT']));
      expect(new Set(cases.map((c) => c.colour))).toEqual(new Set(['RED', 'YELLOW']));
      expect(new Set(cases.map((c) => c.province_code))).toEqual(new Set(DEMO_PROVINCE_CODES));
      expect(cases.some((c) => c.stated_reason_code === null)).toBe(true);
      expect(cases.some((c) => c.stated_reason_code === 'NON_EPIDEMIC')).toBe(true);
    });

    it('holds a Zhengzhou-like mass incident: every depositor appeal in one open incident', async () => {
      const { rows } = await db.query<{
        issuing_unit_code: string;
        reason_key: string;
        case_count: number;
        linked: number;
      }>(
        `SELECT i.issuing_unit_code, i.reason_key, i.case_count,
           (SELECT count(*)::int FROM case_incident ci WHERE ci.province_code = i.province_code AND ci.incident_id = i.id) AS linked
         FROM mass_incident i WHERE i.status = 'OPEN'`,
      );
      expect(rows).toEqual([
        {
          issuing_unit_code: DEMO_INCIDENT.unitCode,
          reason_key: 'NO_VALID_REASON',
          case_count: expect.any(Number),
          linked: expect.any(Number),
        },
      ]);
      expect(rows[0]!.linked).toBe(rows[0]!.case_count);
      expect(rows[0]!.linked).toBeGreaterThanOrEqual(DEMO_INCIDENT.depositors);
    });

    it('gives unique references of the right form, consistent with the reference counters', async () => {
      expect(new Set(cases.map((c) => c.reference)).size).toBe(cases.length);
      const maxima = new Map<string, number>();
      for (const c of cases) {
        expect(c.reference).toMatch(/^SS-\d{2}-\d{8}-\d{6}$/);
        const [, province, day, sequence] = c.reference.split('-');
        expect(province).toBe(c.province_code);
        expect(day).toBe(c.shanghai_day);
        const key = `${province}-${day}`;
        maxima.set(key, Math.max(maxima.get(key) ?? 0, Number(sequence)));
      }
      const { rows } = await db.query<{ province_code: string; day: string; last_value: number }>(
        'SELECT province_code, day, last_value FROM reference_counter',
      );
      expect(new Map(rows.map((r) => [`${r.province_code}-${r.day}`, r.last_value]))).toEqual(maxima);
    });

    it('routes appeals to the issuing province and recognition complaints to the refusing one', () => {
      for (const c of cases) {
        if (c.type === 'CODE_APPEAL') {
          expect(c.issuing_province_code).toBe(c.province_code);
          expect(c.refusing_province_code).toBeNull();
        } else {
          expect(c.refusing_province_code).toBe(c.province_code);
          expect(c.issuing_province_code).not.toBe(c.province_code);
          expect(c.grounds).toBe('NOT_RECOGNISED');
        }
        expect(c.issuing_unit_code.slice(0, 2)).toBe(c.issuing_province_code);
      }
    });

    it('stores no ID number in the clear, only ciphertext, keyed hash and mask', () => {
      const raw = [...listDemoIdNumbers(), ...listDemoIncidentIdNumbers()];
      for (const c of cases) {
        expect(c.id_number_cipher).toMatch(/^v1\./);
        expect(c.id_number_masked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
        const idNumber = decryptIdNumber(c.id_number_cipher);
        expect(isValidResidentId(idNumber)).toBe(true);
        expect(raw).toContain(idNumber);
        expect(c.id_number_masked).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
        const whole = JSON.stringify(c);
        for (const number of raw) expect(whole).not.toContain(number);
        const readable = Object.fromEntries(
          Object.entries(c).filter(([key]) => !['id_number_cipher', 'id_number_hash', 'payload_hash'].includes(key)),
        );
        expect(JSON.stringify(readable)).not.toMatch(/(?<![0-9a-f])\d{17}[\dX](?![0-9a-f])/i);
        expect(c.statement.length).toBeLessThanOrEqual(2000);
        expect(c.statement).toMatch(/[\u4e00-\u9fff]{10}/);
      }
    });

    it('marks prima facie overreach per SPEC §4', () => {
      for (const c of cases) {
        const expected = assessOverreach(
          { colour: c.colour as 'RED' | 'YELLOW', statedReasonCode: c.stated_reason_code },
          REASONS_V1,
        );
        expect(c.prima_facie_overreach, c.reference).toBe(expected.primaFacie);
        expect(c.overreach_reason).toBe(expected.reason);
      }
      expect(cases.filter((c) => c.prima_facie_overreach).length).toBeGreaterThan(20);
      expect(cases.filter((c) => !c.prima_facie_overreach).length).toBeGreaterThan(20);
      const reasons = new Set(REASONS_V1.map((r) => r.code));
      for (const c of cases) if (c.stated_reason_code) expect(reasons.has(c.stated_reason_code)).toBe(true);
    });

    it('stores the current stage deadline with its inputs; open cases are comfortable, at risk or overdue', async () => {
      const now = Date.now();
      const { rows: decisions } = await db.query<{ case_id: string; level: string; deadline_at: Date }>(
        'SELECT case_id, level, deadline_at FROM decision',
      );
      const posture = { comfortable: 0, atRisk: 0, overdue: 0 };
      for (const c of cases) {
        const allowed = Number(c.allowed_ms);
        const paused = Number(c.paused_ms);
        const inputs = readDeadlineInputs(c.deadline_inputs);
        expect(inputs.policy.provinceCode).toBeNull();
        expect(c.due_at.getTime()).toBe(new Date(inputs.startAt).getTime() + allowed + paused);
        expect(c.at_risk_at.getTime()).toBe(
          new Date(inputs.startAt).getTime() + Math.floor((allowed * 3) / 4) + paused,
        );
        expect(c.deadline_explanation).toMatch(
          /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} (提交|申请复核) \+ .+ → \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 到期（.+版）$/,
        );
        if (['SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW', 'FINAL'].includes(c.state)) {
          expect(inputs.basis).toBe('WORKING_DAYS');
          if (inputs.basis === 'WORKING_DAYS') {
            expect(inputs.workingDays).toBe(5);
            expect(inputs.countedDays).toHaveLength(5);
            expect(c.due_at).toEqual(endOfShanghaiDay(inputs.countedDays[4] ?? ''));
          }
          if (c.state === 'FINAL')
            expect(decisions.find((d) => d.case_id === c.id && d.level === 'SECOND')?.deadline_at).toEqual(c.due_at);
        } else {
          expect(inputs.basis).toBe('CLOCK_HOURS');
          expect(inputs.startAt).toBe(c.filed_at.toISOString());
          expect(allowed).toBe((c.type === 'CODE_APPEAL' && c.colour === 'RED' ? 24 : 48) * 3_600_000);
          const first = decisions.find((d) => d.case_id === c.id && d.level === 'FIRST');
          if (first) expect(first.deadline_at).toEqual(c.due_at);
        }
        expect(c.code_assigned_at.getTime()).toBeLessThan(c.filed_at.getTime());
        expect(c.code_assigned_at.getTime()).toBeGreaterThanOrEqual(new Date('2020-02-01T00:00:00+08:00').getTime());
        expect(c.filed_at.getTime()).toBeLessThan(now);
        const overdueMarkedAt = c.overdue_marked_at as Date | null;
        const atRiskMarkedAt = c.at_risk_marked_at as Date | null;
        if (overdueMarkedAt) expect(overdueMarkedAt.getTime()).toBeGreaterThan(c.due_at.getTime());
        if (atRiskMarkedAt) expect(atRiskMarkedAt.getTime()).toBeGreaterThanOrEqual(c.at_risk_at.getTime());
        if (['SUBMITTED', 'ASSIGNED', 'IN_REVIEW'].includes(c.state)) {
          if (c.due_at.getTime() < now) posture.overdue += 1;
          else if (c.at_risk_at.getTime() < now) posture.atRisk += 1;
          else posture.comfortable += 1;
          if (c.due_at.getTime() < now - 10 * 60_000) expect(overdueMarkedAt, c.reference).not.toBeNull();
          if (c.at_risk_at.getTime() < now - 10 * 60_000) expect(atRiskMarkedAt, c.reference).not.toBeNull();
          if (c.at_risk_at.getTime() > now) expect(atRiskMarkedAt, c.reference).toBeNull();
        }
      }
      expect(posture.comfortable).toBeGreaterThan(5);
      expect(posture.atRisk).toBeGreaterThan(3);
      expect(posture.overdue).toBeGreaterThan(3);
      const recent = cases.filter((c) => c.filed_at.getTime() > now - 10 * 86_400_000 - 3_600_000);
      expect(recent.length / cases.length).toBeGreaterThan(0.75);
    });

    it('keeps related rows consistent with each state', async () => {
      const { rows: decisions } = await db.query<{
        case_id: string;
        level: string;
        outcome: string;
        rule_code: string;
        reasons: string;
        decided_by_id: string;
        id: string;
        supersedes_id: string | null;
      }>('SELECT * FROM decision');
      const { rows: requests } = await db.query<{ case_id: string; replied_at: Date | null }>(
        'SELECT case_id, replied_at FROM information_request',
      );
      const { rows: outbox } = await db.query<{ case_id: string; kind: string; province_code: string }>(
        'SELECT case_id, kind, province_code FROM outbox_event',
      );
      const { rows: staff } = await db.query<{ id: string; role: string; province_code: string | null }>(
        "SELECT id, role, province_code FROM app_user WHERE role <> 'CITIZEN'",
      );
      const staffById = new Map(staff.map((s) => [s.id, s]));
      const ruleCodes = new Set(REASONS_V1.map((r) => r.code));

      for (const c of cases) {
        const first = decisions.find((d) => d.case_id === c.id && d.level === 'FIRST');
        const second = decisions.find((d) => d.case_id === c.id && d.level === 'SECOND');
        const assignee = c.assignee_id ? staffById.get(c.assignee_id) : undefined;
        if (['SUBMITTED', 'SECOND_REVIEW_REQUESTED'].includes(c.state)) expect(c.assignee_id).toBeNull();
        if (['ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN', 'DECIDED', 'CLOSED'].includes(c.state)) {
          expect(assignee?.role).toBe('REVIEWER');
          expect(assignee?.province_code).toBe(c.province_code);
        }
        if (['IN_SECOND_REVIEW', 'FINAL'].includes(c.state)) {
          expect(assignee?.role).toBe('SUPERVISOR');
          expect([c.province_code, null]).toContain(assignee?.province_code ?? null);
        }
        expect(c.withdrawal_reason !== null).toBe(c.state === 'WITHDRAWN');
        expect(c.second_review_reason !== null).toBe(
          ['SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW', 'FINAL'].includes(c.state),
        );
        if (c.state === 'AWAITING_CITIZEN') {
          expect(c.paused_since).not.toBeNull();
          expect(requests.some((r) => r.case_id === c.id && r.replied_at === null)).toBe(true);
        } else {
          expect(c.paused_since).toBeNull();
        }
        const decided = ['DECIDED', 'SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW', 'FINAL', 'CLOSED'].includes(c.state);
        expect(Boolean(first), `${c.reference} ${c.state}`).toBe(decided);
        expect(c.decided_at !== null).toBe(decided);
        expect(Boolean(second)).toBe(c.state === 'FINAL');
        expect(c.closed_at !== null).toBe(['FINAL', 'CLOSED', 'WITHDRAWN'].includes(c.state));
        if (c.state === 'CLOSED' && c.closed_at && c.decided_at) {
          expect(c.closed_at.getTime()).toBeGreaterThan(c.decided_at.getTime() + 15 * 86_400_000);
        }
        if (first) {
          const firstDecider = staffById.get(first.decided_by_id);
          expect(firstDecider?.role).toBe('REVIEWER');
          expect(firstDecider?.province_code).toBe(c.province_code);
          if (['DECIDED', 'CLOSED'].includes(c.state)) expect(first.decided_by_id).toBe(c.assignee_id);
          expect(ruleCodes.has(first.rule_code)).toBe(true);
          if (first.outcome !== 'UPHELD') {
            expect(
              outbox.some(
                (o) =>
                  o.case_id === c.id && o.kind === 'CORRECTION_ORDER' && o.province_code === c.issuing_province_code,
              ),
            ).toBe(true);
          }
          if (first.outcome === 'DOWNGRADED') expect(c.colour).toBe('RED');
        }
        if (second && first) {
          expect(second.supersedes_id).toBe(first.id);
          expect(second.decided_by_id).not.toBe(first.decided_by_id);
          const decider = staffById.get(second.decided_by_id);
          expect(decider?.role).toBe('SUPERVISOR');
          expect([c.province_code, null]).toContain(decider?.province_code ?? null);
        }
      }
      for (const d of decisions.filter((x) => x.level === 'FIRST'))
        expect([...d.reasons].length).toBeGreaterThanOrEqual(20);
      expect(new Set(decisions.map((d) => d.outcome))).toEqual(new Set(['UPHELD', 'DOWNGRADED', 'REVOKED']));
    });

    it('writes the history as gapless, correctly hashed chains in time order', async () => {
      const prisma = getPrisma();
      const events = await prisma.auditEvent.findMany({ orderBy: [{ chain: 'asc' }, { seq: 'asc' }] });
      const chains = new Map<string, typeof events>();
      for (const e of events) chains.set(e.chain, [...(chains.get(e.chain) ?? []), e]);
      expect([...chains.keys()].sort()).toEqual([...DEMO_PROVINCE_CODES, 'national'].sort());
      for (const [chain, list] of chains) {
        let prevHash = GENESIS_HASH;
        let prevTime = 0;
        list.forEach((e, index) => {
          expect(e.seq, `${chain} seq`).toBe(BigInt(index + 1));
          expect(e.prevHash, `${chain}#${e.seq} prev_hash`).toBe(prevHash);
          const recomputed = auditHash(prevHash, {
            chain: e.chain,
            seq: e.seq,
            occurredAt: e.occurredAt,
            actorId: e.actorId,
            actorRole: e.actorRole,
            caseId: e.caseId,
            action: e.action,
            before: e.before as JsonValue | null,
            after: e.after as JsonValue | null,
            reason: e.reason,
          });
          expect(e.hash, `${chain}#${e.seq} hash`).toBe(recomputed);
          expect(e.occurredAt.getTime(), `${chain}#${e.seq} time order`).toBeGreaterThanOrEqual(prevTime);
          prevHash = e.hash;
          prevTime = e.occurredAt.getTime();
        });
        const head = await prisma.auditChainHead.findUnique({ where: { chain } });
        expect(head?.seq).toBe(BigInt(list.length));
        expect(head?.hash).toBe(prevHash);
      }

      // The chain also agrees in SQL: every event's prev_hash is the previous event's hash.
      const { rows: broken } = await db.query(
        'SELECT chain, seq FROM (SELECT chain, seq, prev_hash, lag(hash) OVER (PARTITION BY chain ORDER BY seq) AS previous, row_number() OVER (PARTITION BY chain ORDER BY seq) AS n FROM audit_event) e WHERE seq <> n OR prev_hash <> coalesce(previous, $1)',
        [GENESIS_HASH],
      );
      expect(broken).toEqual([]);

      // And the project's verifier agrees.
      const verified = await verifyAuditChains(process.env.DATABASE_URL ?? '');
      expect(verified.intact).toBe(true);
      expect(verified.events).toBe(events.length);

      // Every case has its filing event on its province's chain, and a history that ends in its state.
      const byCase = new Map<string, typeof events>();
      for (const e of events) if (e.caseId) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
      for (const c of cases) {
        const history = byCase.get(c.id) ?? [];
        expect(history[0]?.action).toBe('CASE_FILED');
        expect(history.every((e) => e.chain === c.province_code)).toBe(true);
        const transitions = history.filter(
          (e) => (e.after as { state?: string } | null)?.state && e.action !== 'CASE_FILED',
        );
        const last = transitions.at(-1)?.after as { state?: string; version?: number } | undefined;
        expect(last?.state ?? 'SUBMITTED', c.reference).toBe(c.state);
        expect(c.version, c.reference).toBe(1 + transitions.length);
        if (last) expect(last.version).toBe(c.version);
        // Every state change is one the transitions table allows, by a role it allows.
        for (const e of history) {
          const transition = Object.values(TRANSITIONS).find((candidate) => candidate.auditAction === e.action);
          if (!transition) continue;
          const from = (e.before as { state?: string } | null)?.state;
          const to = (e.after as { state?: string } | null)?.state;
          expect(transition.from as readonly string[], `${c.reference} ${e.action}`).toContain(from);
          expect(to, `${c.reference} ${e.action}`).toBe(transition.to);
          expect(transition.roles as readonly string[], `${c.reference} ${e.action}`).toContain(e.actorRole);
        }
      }
    });

    it('keeps names, mobiles and ID numbers out of audit payloads', async () => {
      const { rows } = await db.query<{ text: string }>(
        "SELECT concat_ws('|', before::text, after::text, reason) AS text FROM audit_event",
      );
      const names = ['张伟', '李娜', '王芳', '陈静', '黄磊', '张建国', '赵桂兰', '林晓燕'];
      const idNumbers = [...listDemoIdNumbers(), ...listDemoIncidentIdNumbers()];
      for (const { text } of rows) {
        expect(text).not.toMatch(/1380000000\d/);
        // Every demo ID number, anywhere; and any 18-character ID-shaped word (a run of digits inside a hash's hex
        // is part of a longer word, not an ID number).
        for (const number of idNumbers) expect(text).not.toContain(number);
        expect(text).not.toMatch(/(?<![0-9a-z])\d{17}[\dX](?![0-9a-z])/i);
        for (const name of names) expect(text).not.toContain(name);
      }
    });
  });

  it('duplicates nothing when run again', async () => {
    const before = await countRows(db);
    await seed({ force: false });
    expect(await countRows(db)).toEqual(before);
  }, 60_000);
});
