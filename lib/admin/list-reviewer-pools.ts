// Reviewer pools per province (SPEC §6): how many reviewers are active, their combined capacity, the open cases they
// hold and the cases waiting unassigned in the pool.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { REVIEWER_LOAD_STATES } from '@/lib/cases/rules/transitions';
import { listProvinces } from '@/lib/reference/divisions';
import type { Actor } from '@/lib/auth/actor';
import { assertAdmin } from './require-admin';

export interface PoolSummary {
  provinceCode: string;
  provinceName: string;
  activeReviewers: number;
  inactiveReviewers: number;
  capacity: number;
  openCases: number;
  unassigned: number;
}

export async function listReviewerPools(actor: Actor): Promise<PoolSummary[]> {
  assertAdmin(actor);
  const [provinces, reviewers, load, waiting] = await Promise.all([
    listProvinces(),
    prisma.user.groupBy({
      by: ['provinceCode', 'active'],
      where: { role: 'REVIEWER' },
      _count: { _all: true },
      _sum: { capacity: true },
    }),
    prisma.case.groupBy({
      by: ['provinceCode'],
      where: { assigneeId: { not: null }, state: { in: [...REVIEWER_LOAD_STATES] } },
      _count: { _all: true },
    }),
    prisma.case.groupBy({
      by: ['provinceCode'],
      where: { state: 'SUBMITTED', assigneeId: null },
      _count: { _all: true },
    }),
  ]);
  return provinces.map((province) => {
    const active = reviewers.find((row) => row.provinceCode === province.code && row.active);
    const inactive = reviewers.find((row) => row.provinceCode === province.code && !row.active);
    return {
      provinceCode: province.code,
      provinceName: province.name,
      activeReviewers: active?._count._all ?? 0,
      inactiveReviewers: inactive?._count._all ?? 0,
      capacity: active?._sum.capacity ?? 0,
      openCases: load.find((row) => row.provinceCode === province.code)?._count._all ?? 0,
      unassigned: waiting.find((row) => row.provinceCode === province.code)?._count._all ?? 0,
    };
  });
}
