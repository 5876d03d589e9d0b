// The citizen's time to answer an information request ran out (SPEC §7): the clock restarts at the instant the window
// closed, not when someone next looks at the case, and the case returns to review so the reviewer decides on the
// record. Run by the sweep before it marks deadlines; claimed rows and the state change make it safe to run twice.
import 'server-only';
import { prisma, Prisma } from '@/lib/db/client';
import { provincesWith } from '@/lib/db/provinces';
import type { Case } from '@/lib/db/generated/client';
import { SYSTEM_ACTOR } from '@/lib/auth/actor';
import { applyCaseChange } from '@/lib/cases/engine/case-change';
import { resumedDeadlineFields } from '@/lib/cases/rules/clock-fields';

const BATCH = 500;

/** Where the clock restarts: when the window closed (never before the pause began, should the records disagree). */
export function replyWindowClosedAt(current: Pick<Case, 'pausedSince'>, replyDueAt: Date): Date {
  const pausedAt = current.pausedSince?.getTime() ?? replyDueAt.getTime();
  return new Date(Math.max(replyDueAt.getTime(), pausedAt));
}

export async function resumeClosedReplyWindows(now: Date, only: string | null = null): Promise<number> {
  let resumed = 0;
  // One province per claim (one shard on Citus, docs/scaling.md).
  const waiting = Prisma.sql`state = 'AWAITING_CITIZEN' AND paused_since IS NOT NULL`;
  for (const province of await provincesWith(Prisma.sql`appeal_case`, waiting, only))
    resumed += await resumeIn(province, now);
  return resumed;
}

async function resumeIn(province: string, now: Date): Promise<number> {
  let resumed = 0;
  for (;;) {
    const batch = await prisma.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<{ id: string; province_code: string; reply_due_at: Date }[]>`
          SELECT c.id::text, c.province_code, r.reply_due_at
            FROM appeal_case c
            JOIN LATERAL (SELECT reply_due_at FROM information_request
                           WHERE province_code = ${province} AND case_id = c.id AND replied_at IS NULL
                           ORDER BY requested_at DESC LIMIT 1) r ON true
           WHERE c.province_code = ${province} AND c.state = 'AWAITING_CITIZEN' AND c.paused_since IS NOT NULL AND r.reply_due_at < ${now}
           ORDER BY c.province_code, r.reply_due_at LIMIT ${BATCH} FOR UPDATE OF c SKIP LOCKED`;
        for (const { id, province_code: provinceCode, reply_due_at: closedAt } of rows) {
          const current = await tx.case.findUniqueOrThrow({ where: { provinceCode_id: { provinceCode, id } } });
          await applyCaseChange(
            tx,
            SYSTEM_ACTOR,
            current,
            'REPLY_WINDOW_CLOSED',
            () => ({
              data: resumedDeadlineFields(current, replyWindowClosedAt(current, closedAt)),
              audit: { after: { clock: 'RUNNING', resumedAt: replyWindowClosedAt(current, closedAt).toISOString() } },
            }),
            now,
          );
        }
        return rows.length;
      },
      { timeout: 60_000 },
    );
    resumed += batch;
    if (batch < BATCH) return resumed;
  }
}
