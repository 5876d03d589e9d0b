// The staff list of the administration pages: filtered by role, province and status, paged, small rows only.
import 'server-only';
import { prisma, type Prisma } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/actor';
import { staffSummarySelect, type StaffSummary } from './load-staff-account';
import { assertAdmin } from './require-admin';
import type { StaffRole } from './schemas';

export const STAFF_PAGE_SIZE = 50;

export interface StaffFilter {
  role?: StaffRole;
  /** A province code, or 'national' for staff without a province. */
  province?: string;
  status?: 'active' | 'inactive';
  page?: number;
}

export interface StaffRow extends StaffSummary {
  secondFactor: boolean;
}

export async function listStaffAccounts(
  actor: Actor,
  filter: StaffFilter,
): Promise<{ rows: StaffRow[]; total: number; page: number; pages: number }> {
  assertAdmin(actor);
  const where: Prisma.UserWhereInput = {
    role: filter.role ?? { in: ['REVIEWER', 'SUPERVISOR', 'ADMIN'] },
    ...(filter.province === 'national'
      ? { provinceCode: null }
      : filter.province
        ? { provinceCode: filter.province }
        : {}),
    ...(filter.status ? { active: filter.status === 'active' } : {}),
  };
  const total = await prisma.user.count({ where });
  const pages = Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page ?? 1), pages);
  const rows = await prisma.user.findMany({
    where,
    orderBy: [{ provinceCode: 'asc' }, { role: 'asc' }, { username: 'asc' }],
    skip: (page - 1) * STAFF_PAGE_SIZE,
    take: STAFF_PAGE_SIZE,
    select: staffSummarySelect,
  });
  return {
    rows: rows.map(({ totpEnabledAt, username, ...row }) => ({
      ...row,
      username: username ?? '',
      secondFactor: totpEnabledAt !== null,
    })),
    total,
    page,
    pages,
  };
}
