// Deadline policies (SPEC §7): the national maxima in force and, per province, its latest published version and the
// values that actually apply there.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { effectivePolicy, type DeadlinePolicyRecord, type DeadlinePolicyValues } from '@/lib/cases/rules/deadlines';
import { listProvinces, provinceName } from '@/lib/reference/divisions';
import { notFound } from './errors';
import type { Actor } from '@/lib/auth/actor';
import { assertAdmin } from './require-admin';

export interface PolicyVersionRow extends DeadlinePolicyValues {
  id: number;
  version: number;
  effectiveFrom: Date;
  createdAt: Date;
}

const policySelect = {
  id: true,
  provinceCode: true,
  version: true,
  redHours: true,
  yellowHours: true,
  recognitionHours: true,
  secondReviewWorkingDays: true,
  citizenReplyHours: true,
  effectiveFrom: true,
  createdAt: true,
} as const;

function toRecord(
  row: { id: number; version: number; provinceCode: string | null } & DeadlinePolicyValues,
): DeadlinePolicyRecord {
  return {
    id: row.id,
    version: row.version,
    provinceCode: row.provinceCode === null ? null : row.provinceCode.trim(),
    redHours: row.redHours,
    yellowHours: row.yellowHours,
    recognitionHours: row.recognitionHours,
    secondReviewWorkingDays: row.secondReviewWorkingDays,
    citizenReplyHours: row.citizenReplyHours,
  };
}

/** The national policy in force now (the highest version that has taken effect). */
export async function findNationalPolicy(
  now = new Date(),
): Promise<(PolicyVersionRow & { provinceCode: null }) | null> {
  const row = await prisma.deadlinePolicy.findFirst({
    where: { provinceCode: null, effectiveFrom: { lte: now } },
    orderBy: { version: 'desc' },
    select: policySelect,
  });
  return row ? { ...row, provinceCode: null } : null;
}

export interface ProvincePolicyRow {
  provinceCode: string;
  provinceName: string;
  latest: PolicyVersionRow | null;
  /** What applies in the province now: its own values where they are within the national maxima, else the national ones. */
  effective: DeadlinePolicyValues | null;
}

export async function listDeadlinePolicies(actor: Actor, now = new Date()) {
  assertAdmin(actor);
  const [national, provinces, provincial] = await Promise.all([
    findNationalPolicy(now),
    listProvinces(),
    prisma.deadlinePolicy.findMany({
      where: { provinceCode: { not: null }, effectiveFrom: { lte: now } },
      orderBy: { version: 'desc' },
      select: policySelect,
    }),
  ]);
  const rows: ProvincePolicyRow[] = provinces.map((province) => {
    const latest = provincial.find((row) => row.provinceCode?.trim() === province.code) ?? null;
    const effective = national ? effectivePolicy(toRecord(national), latest ? toRecord(latest) : null) : null;
    return { provinceCode: province.code, provinceName: province.name, latest, effective };
  });
  return { national, rows };
}

/** Every published version of one province's policy, newest first, with the national maxima to compare with. */
export async function getProvincePolicyHistory(actor: Actor, provinceCode: string, now = new Date()) {
  assertAdmin(actor);
  const name = /^\d{2}$/.test(provinceCode) ? await provinceName(provinceCode) : null;
  if (!name) throw notFound();
  const [national, versions] = await Promise.all([
    findNationalPolicy(now),
    prisma.deadlinePolicy.findMany({ where: { provinceCode }, orderBy: { version: 'desc' }, select: policySelect }),
  ]);
  return { provinceCode, provinceName: name, national, versions };
}

export { toRecord as toPolicyRecord };
