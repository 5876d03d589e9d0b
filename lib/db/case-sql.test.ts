// The raw case statements read and write exactly what Prisma's model does.
import { describe, expect, it } from 'vitest';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { createUser, validFiling } from '@/test/support/fixtures';
import { rawClient } from '@/test/support/db';
import { caseColumnOf, updateCases } from './case-sql';
import { prisma, Prisma } from './client';

describe('case SQL (real PostgreSQL)', () => {
  it('names every column of appeal_case, and only those', async () => {
    const client = await rawClient();
    try {
      const { rows } = await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'appeal_case' ORDER BY column_name`,
      );
      const fields = Object.values(Prisma.CaseScalarFieldEnum).map(caseColumnOf).sort();
      expect(fields).toEqual(rows.map((row) => row.column_name));
    } finally {
      await client.end();
    }
  });

  it('reads back a filed case and an updated one as Prisma reads them', async () => {
    const citizen = await createUser('CITIZEN');
    const { case: filed } = await submitAppeal(citizen, validFiling());
    expect(filed).toEqual(await prisma.case.findFirst({ where: { id: filed.id } }));
    expect(typeof filed.allowedMs).toBe('bigint');

    const [updated, ...others] = await updateCases(
      prisma,
      { provinceCode: filed.provinceCode, ids: [filed.id], version: filed.version },
      { pausedMs: 90_000n, pausedSince: null, deadlineInputs: { note: '测试' }, overreachReason: undefined },
    );
    expect(others).toEqual([]);
    expect(updated).toEqual(await prisma.case.findFirst({ where: { id: filed.id } }));
    expect(updated).toMatchObject({
      version: filed.version + 1,
      pausedMs: 90_000n,
      deadlineInputs: { note: '测试' },
      overreachReason: filed.overreachReason,
    });
    expect(updated!.updatedAt.getTime()).toBeGreaterThanOrEqual(filed.updatedAt.getTime());

    // The version check: a stale version changes nothing.
    expect(
      await updateCases(
        prisma,
        { provinceCode: filed.provinceCode, ids: [filed.id], version: filed.version },
        { pausedMs: 1n },
      ),
    ).toEqual([]);
    // Another province holds no such case.
    expect(await updateCases(prisma, { provinceCode: '11', ids: [filed.id] }, { pausedMs: 1n })).toEqual([]);
  });
});
