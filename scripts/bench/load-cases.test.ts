// The benchmark loader writes cases by the lifecycle's rules (lib/cases/rules/case-row.ts): every state present, a
// first decision exactly on the states that have one, the sweep's marks exactly where the clock runs past them, and
// audit chains that verify.
import { describe, expect, it } from 'vitest';
import { verifyAuditChains } from '@/lib/audit/verify';
import { caseRowShape, sweepMarks } from '@/lib/cases/rules/case-row';
import { CASE_STATES } from '@/lib/cases/rules/transitions';
import type { CaseState } from '@/lib/db/generated/enums';
import { getPrisma } from '@/lib/db/client';
import { loadBenchData } from './load-cases';

describe('loadBenchData', () => {
  it('loads cases shaped by the lifecycle rules', async () => {
    const now = new Date('2026-12-01T04:00:00Z');
    const result = await loadBenchData(process.env.DATABASE_OWNER_URL!, { cases: 3000, now });
    expect(result.cases).toBe(3000);
    const rows = await getPrisma().case.findMany({
      select: {
        id: true,
        state: true,
        dueAt: true,
        atRiskAt: true,
        atRiskMarkedAt: true,
        overdueMarkedAt: true,
        pausedSince: true,
        filedAt: true,
        allowedMs: true,
        _count: { select: { decisions: true } },
      },
    });
    expect(rows).toHaveLength(3000);
    expect(new Set(rows.map((row) => row.state))).toEqual(new Set(CASE_STATES));
    const wrong = rows.filter((row) => {
      const shape = caseRowShape(row.state as CaseState);
      const marks = sweepMarks(row.state as CaseState, row, now);
      return (
        row._count.decisions !== (shape.decided ? 1 : 0) ||
        (row.pausedSince !== null) !== shape.paused ||
        row.dueAt.getTime() - row.filedAt.getTime() !== Number(row.allowedMs) ||
        row.atRiskMarkedAt?.getTime() !== marks.atRiskMarkedAt?.getTime() ||
        row.overdueMarkedAt?.getTime() !== marks.overdueMarkedAt?.getTime()
      );
    });
    expect(wrong).toEqual([]);
    expect(rows.some((row) => row.overdueMarkedAt !== null)).toBe(true);
    expect((await verifyAuditChains(process.env.DATABASE_URL!)).intact).toBe(true);
  }, 120_000);
});
