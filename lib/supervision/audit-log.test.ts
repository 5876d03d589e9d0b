// The supervisors' audit view against a real PostgreSQL: keyset pages that neither skip nor repeat, filters by
// action, date and case reference, and the verify action naming the first broken event after a row is tampered with.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { appendAuditEvent } from '@/lib/audit/append';
import { publishCheckpoints } from '@/lib/audit/publish-checkpoints';
import { getPrisma } from '@/lib/db/client';
import { resetCaseData, tamperAuditHistory } from '@/test/support/db';
import { createUser } from '@/test/support/fixtures';
import { decodeCursor, findAuditPage, verifyScopeChains } from './audit-log';
import { supervisorScopeOf } from './scope';
import { insertCase } from '@/test/support/supervision-data';
import { type Actor } from '@/lib/auth/actor';

let national: Actor;
let guangdong: Actor;
let anhui: Actor;
let caseReference: string;

async function append(
  chain: string,
  count: number,
  options: { caseId?: string; start?: Date; action?: 'CASE_FILED' | 'CASE_DECIDED' } = {},
) {
  for (let i = 0; i < count; i += 1) {
    const occurredAt = options.start ? new Date(options.start.getTime() + i * 60_000) : undefined;
    await getPrisma().$transaction((tx) =>
      appendAuditEvent(tx, {
        chain,
        actorId: null,
        actorRole: 'SYSTEM',
        caseId: options.caseId ?? null,
        action: options.action ?? 'CASE_FILED',
        after: { n: i },
        occurredAt,
      }),
    );
  }
}

const tamper = tamperAuditHistory;

beforeEach(async () => {
  await resetCaseData();
  const scope = async (provinceCode: string | null) => {
    const user = await createUser('SUPERVISOR', { provinceCode });
    return supervisorScopeOf({ id: user.id, role: 'SUPERVISOR', provinceCode });
  };
  national = await scope(null);
  guangdong = await scope('44');
  anhui = await scope('34');
  const citizen = await createUser('CITIZEN');
  const planted = await insertCase({ provinceCode: '44', citizenId: citizen.id });
  caseReference = planted.reference;
  await append('44', 60, { start: new Date('2026-11-20T02:00:00Z') });
  await append('44', 5, { caseId: planted.id, action: 'CASE_DECIDED', start: new Date('2026-11-25T02:00:00Z') });
  await append('34', 70, { start: new Date('2026-11-20T02:30:00Z') });
});

describe('the audit view', () => {
  it('pages through every event in scope, newest first, without skipping or repeating one', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await findAuditPage(national, { cursor }, 50);
      seen.push(...page.rows.map((row) => `${row.chain}#${row.seq}`));
      const times = page.rows.map((row) => row.occurredAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(135);
    expect(new Set(seen).size).toBe(135);
  });

  it('filters by action, date range and case reference, within the chain in scope', async () => {
    const decided = await findAuditPage(guangdong, { action: 'CASE_DECIDED' });
    expect(decided.rows.map((row) => row.seq)).toEqual(['65', '64', '63', '62', '61']);
    expect(decided.rows.every((row) => row.caseReference === caseReference)).toBe(true);
    expect((await findAuditPage(guangdong, { reference: caseReference })).rows).toHaveLength(5);
    expect((await findAuditPage(anhui, { reference: caseReference })).rows).toHaveLength(0);
    const day = await findAuditPage(national, { from: '2026-11-25', to: '2026-11-25' });
    expect(day.rows.map((row) => row.chain)).toEqual(['44', '44', '44', '44', '44']);
    expect((await findAuditPage(national, { from: '2026-11-26' })).rows).toHaveLength(0);
  });

  it('ignores a forged cursor', () => {
    expect(decodeCursor('not-a-cursor')).toBeNull();
    expect(
      decodeCursor(Buffer.from(JSON.stringify(['2026-11-20T00:00:00Z', "34'; DROP", '1'])).toString('base64url')),
    ).toBeNull();
  });
});

describe('verify chain', () => {
  it('reports intact chains through their last event', async () => {
    expect((await verifyScopeChains(guangdong)).chains).toEqual([
      { chain: '44', intactThrough: '65', broken: null, checkpoint: null },
    ]);
  });

  it('names the first broken event after an audit row is edited in the database', async () => {
    await tamper(`UPDATE audit_event SET reason = 'edited afterwards' WHERE chain = '44' AND seq = 17`);
    const own = await verifyScopeChains(guangdong);
    expect(own.intact).toBe(false);
    expect(own.chains).toEqual([
      { chain: '44', intactThrough: '16', broken: { seq: '17', problem: 'HASH_MISMATCH' }, checkpoint: null },
    ]);
    const all = await verifyScopeChains(national);
    expect(all.chains.find((c) => c.chain === '44')?.broken).toEqual({ seq: '17', problem: 'HASH_MISMATCH' });
    expect(all.chains.find((c) => c.chain === '34')).toEqual({
      chain: '34',
      intactThrough: '70',
      broken: null,
      checkpoint: null,
    });
    // Anhui's supervisor verifies Anhui's chain only: intact.
    expect(await verifyScopeChains(anhui)).toMatchObject({
      intact: true,
      chains: [{ chain: '34', intactThrough: '70', broken: null, checkpoint: null }],
    });
  });

  it('shows the last signed checkpoint each chain matches, and a chain cut back behind it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'supervisor-checkpoints-'));
    const previous = { dir: process.env.AUDIT_CHECKPOINT_DIR, key: process.env.AUDIT_CHECKPOINT_KEY };
    process.env.AUDIT_CHECKPOINT_DIR = dir;
    process.env.AUDIT_CHECKPOINT_KEY = randomBytes(32).toString('base64');
    try {
      await publishCheckpoints(new Date('2026-12-04T02:00:00Z'));
      expect((await verifyScopeChains(guangdong)).chains).toEqual([
        { chain: '44', intactThrough: '65', broken: null, checkpoint: { seq: '65', at: '2026-12-04T02:00:00.000Z' } },
      ]);
      await tamper(`DELETE FROM audit_event WHERE chain = '44' AND seq > 60;
                    UPDATE audit_chain_head SET seq = 60, hash = (SELECT hash FROM audit_event WHERE chain = '44' AND seq = 60)
                     WHERE chain = '44'`);
      expect(await verifyScopeChains(guangdong)).toEqual({
        intact: false,
        events: 60,
        chains: [
          { chain: '44', intactThrough: '60', broken: { seq: '61', problem: 'BEHIND_CHECKPOINT' }, checkpoint: null },
        ],
      });
    } finally {
      process.env.AUDIT_CHECKPOINT_DIR = previous.dir;
      process.env.AUDIT_CHECKPOINT_KEY = previous.key;
      if (previous.dir === undefined) delete process.env.AUDIT_CHECKPOINT_DIR;
      if (previous.key === undefined) delete process.env.AUDIT_CHECKPOINT_KEY;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
