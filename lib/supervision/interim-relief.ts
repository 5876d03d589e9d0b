// Interim relief for supervisors (SPEC §15): requests waiting for an answer, relief in force, the time from filing to
// relief, and grants per issuing authority (which units' codes needed relief most), in the supervisor's scope.
import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db/client';
import { divisionNames } from '@/lib/reference/divisions';
import type { ReliefReason } from '@/lib/cases/rules/interim-relief';
import { scopeProvinceSql } from './scope';

export interface WaitingRelief {
  reliefId: string;
  reference: string;
  provinceCode: string;
  reason: ReliefReason;
  requestedAt: Date;
  waitingHours: number;
}

export interface ReliefGrantsByAuthority {
  issuingUnitCode: string;
  issuingUnitName: string;
  granted: number;
  automatic: number;
  permanent: number;
  reverted: number;
}

export interface ReliefOverview {
  waiting: WaitingRelief[];
  waitingCount: number;
  inForce: number;
  granted: number;
  /** Median hours from filing to the grant, over every grant in scope; null before the first. */
  medianHoursToRelief: number | null;
  byAuthority: ReliefGrantsByAuthority[];
}

const WAITING_LIMIT = 50;

export async function getReliefOverview(scope: Actor, now = new Date()): Promise<ReliefOverview> {
  const inScope = scopeProvinceSql(scope, 'r.province_code');
  const [waiting, totals, byAuthority] = await Promise.all([
    prisma.$queryRaw<{ id: string; reference: string; province_code: string; reason: string; requested_at: Date }[]>`
      SELECT r.id::text, c.reference, r.province_code, r.reason, r.requested_at
        FROM interim_relief r
        JOIN appeal_case c ON c.province_code = r.province_code AND c.id = r.case_id
       WHERE ${inScope} AND r.status = 'REQUESTED'
       ORDER BY r.requested_at, r.id
       LIMIT ${WAITING_LIMIT}`,
    prisma.$queryRaw<{ waiting: number; in_force: number; granted: number; median_hours: number | null }[]>`
      SELECT count(*) FILTER (WHERE r.status = 'REQUESTED')::int AS waiting,
             count(*) FILTER (WHERE r.status = 'GRANTED')::int AS in_force,
             count(*) FILTER (WHERE r.to_colour IS NOT NULL)::int AS granted,
             (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.decided_at - c.filed_at))
                FILTER (WHERE r.to_colour IS NOT NULL) / 3600)::float8 AS median_hours
        FROM interim_relief r
        JOIN appeal_case c ON c.province_code = r.province_code AND c.id = r.case_id
       WHERE ${inScope}`,
    prisma.$queryRaw<{ unit: string; granted: number; automatic: number; permanent: number; reverted: number }[]>`
      SELECT c.issuing_unit_code AS unit,
             count(*)::int AS granted,
             count(*) FILTER (WHERE r.automatic)::int AS automatic,
             count(*) FILTER (WHERE r.status = 'PERMANENT')::int AS permanent,
             count(*) FILTER (WHERE r.status = 'REVERTED')::int AS reverted
        FROM interim_relief r
        JOIN appeal_case c ON c.province_code = r.province_code AND c.id = r.case_id
       WHERE ${inScope} AND r.to_colour IS NOT NULL
       GROUP BY c.issuing_unit_code
       ORDER BY granted DESC, unit
       LIMIT 100`,
  ]);
  const names = await divisionNames(byAuthority.map((row) => row.unit));
  const [total] = totals;
  return {
    waiting: waiting.map((row) => ({
      reliefId: row.id,
      reference: row.reference,
      provinceCode: row.province_code,
      reason: row.reason as ReliefReason,
      requestedAt: row.requested_at,
      waitingHours: (now.getTime() - row.requested_at.getTime()) / 3_600_000,
    })),
    waitingCount: total?.waiting ?? 0,
    inForce: total?.in_force ?? 0,
    granted: total?.granted ?? 0,
    medianHoursToRelief: total?.median_hours ?? null,
    byAuthority: byAuthority.map((row) => ({
      issuingUnitCode: row.unit,
      issuingUnitName: names.get(row.unit) ?? row.unit,
      granted: row.granted,
      automatic: row.automatic,
      permanent: row.permanent,
      reverted: row.reverted,
    })),
  };
}
