// Interim relief that reached its expiry without a decision is reverted (SPEC §15): a REVERT order through the outbox,
// the citizen told, the province's supervisors alerted, audited as the system. Run by the scheduler (lib/ops/schedule.ts)
// every minute; rows are claimed per province with FOR UPDATE SKIP LOCKED (single-shard on Citus, docs/scaling.md), only
// in the provinces with relief due, so two runs at once each take different rows and a second run finds nothing left.
import 'server-only';
import { SYSTEM_ACTOR } from '@/lib/auth/actor';
import { endOpenRelief } from '@/lib/cases/engine/interim-relief';
import { prisma, Prisma } from '@/lib/db/client';
import { provincesWith } from '@/lib/db/provinces';
import { queueNotifications } from '@/lib/notifications/queue';

const BATCH = 100;

export async function expireInterimRelief(now = new Date()): Promise<{ expired: number }> {
  let expired = 0;
  const due = Prisma.sql`status = 'GRANTED' AND expires_at <= ${now}`;
  for (const provinceCode of await provincesWith(Prisma.sql`interim_relief`, due)) {
    for (;;) {
      const count = await prisma.$transaction(async (tx) => {
        const claimed = await tx.$queryRaw<{ id: string; case_id: string }[]>`
          SELECT id::text, case_id::text FROM interim_relief
           WHERE province_code = ${provinceCode} AND ${due}
           ORDER BY expires_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
        for (const row of claimed) {
          const relief = await tx.interimRelief.findUniqueOrThrow({
            where: { provinceCode_id: { provinceCode, id: row.id } },
          });
          const current = await tx.case.findUniqueOrThrow({
            where: { provinceCode_id: { provinceCode, id: row.case_id } },
          });
          const drafts = await endOpenRelief(tx, SYSTEM_ACTOR, current, 'EXPIRED', now, null, relief);
          await queueNotifications(tx, provinceCode, current.id, drafts);
        }
        return claimed.length;
      });
      expired += count;
      if (count < BATCH) break;
    }
  }
  return { expired };
}
