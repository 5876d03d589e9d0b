// One province's reviewer pool: each reviewer's unit, status, capacity and current load.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { REVIEWER_LOAD_STATES } from '@/lib/cases/rules/transitions';
import { divisionNames, provinceName } from '@/lib/reference/divisions';
import { notFound } from './errors';
import type { Actor } from '@/lib/auth/actor';
import { assertAdmin } from './require-admin';
import { latestAssignment } from '@/lib/supervision/board';

export interface PoolReviewer {
  id: string;
  username: string;
  displayName: string;
  unitCode: string | null;
  unitName: string | null;
  active: boolean;
  capacity: number;
  openCases: number;
  lastAssignedAt: Date | null;
  updatedAt: string;
}

export interface ReviewerPool {
  provinceCode: string;
  provinceName: string;
  unassigned: number;
  reviewers: PoolReviewer[];
}

export async function getReviewerPool(actor: Actor, provinceCode: string): Promise<ReviewerPool> {
  assertAdmin(actor);
  const name = /^\d{2}$/.test(provinceCode) ? await provinceName(provinceCode) : null;
  if (!name) throw notFound();
  const reviewers = await prisma.user.findMany({
    where: { role: 'REVIEWER', provinceCode },
    orderBy: [{ active: 'desc' }, { username: 'asc' }],
    select: {
      id: true,
      username: true,
      displayName: true,
      unitCode: true,
      active: true,
      capacity: true,
      reviewerLoads: { where: { provinceCode }, select: { lastAssignedAt: true } },
      updatedAt: true,
    },
  });
  const ids = reviewers.map((reviewer) => reviewer.id);
  const unitCodes = [
    ...new Set(reviewers.map((reviewer) => reviewer.unitCode).filter((code): code is string => code !== null)),
  ];
  const [load, units, unassigned] = await Promise.all([
    prisma.case.groupBy({
      by: ['assigneeId'],
      where: { assigneeId: { in: ids }, state: { in: [...REVIEWER_LOAD_STATES] } },
      _count: { _all: true },
    }),
    divisionNames(unitCodes),
    prisma.case.count({ where: { provinceCode, state: 'SUBMITTED', assigneeId: null } }),
  ]);
  return {
    provinceCode,
    provinceName: name,
    unassigned,
    reviewers: reviewers.map(({ reviewerLoads, ...reviewer }) => ({
      ...reviewer,
      lastAssignedAt: latestAssignment(reviewerLoads),
      username: reviewer.username ?? '',
      unitName: (reviewer.unitCode && units.get(reviewer.unitCode)) || null,
      openCases: load.find((row) => row.assigneeId === reviewer.id)?._count._all ?? 0,
      updatedAt: reviewer.updatedAt.toISOString(),
    })),
  };
}
