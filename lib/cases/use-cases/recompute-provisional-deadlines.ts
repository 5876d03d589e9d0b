// When a working-day calendar year is published, the open deadlines that were counted through it provisionally
// (weekends only, SPEC §18) are counted again on the real calendar, each change audited as DEADLINE_RECOMPUTED in the
// case's chain. Runs after an administrator publishes a year and on every sweep; a case already recomputed no longer
// matches, so running it twice (or on two instances) changes nothing more.
import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append';
import { prisma, Prisma } from '@/lib/db/client';
import { provincesWith } from '@/lib/db/provinces';
import { computeWorkingDayDeadline, readDeadlineInputs, storedDeadlineInputs } from '@/lib/cases/rules/deadlines';
import { statesSql } from '@/lib/cases/rules/deadline-filters';
import { loadWorkingDayCalendar } from '@/lib/reference/deadline-rules';
import { provisionalYearsOf, withProvisionalYears } from '@/lib/cases/rules/provisional-calendar';

const BATCH = 200;

/** Only running second-level reviews count working days; a decided case keeps the deadline it was decided under. */
const OPEN_WORKING_DAY_STATES = statesSql(['SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW']);

/** Recomputes every open provisional deadline whose provisional year now has a published calendar; returns how many. */
export async function recomputeProvisionalDeadlines(now = new Date(), only: string | null = null): Promise<number> {
  let total = 0;
  // One province per claim (one shard on Citus, docs/scaling.md).
  const provisional = Prisma.sql`state IN (${OPEN_WORKING_DAY_STATES})
    AND deadline_inputs->'calendars' @> '[{"provisional": true}]'::jsonb`;
  for (const province of await provincesWith(Prisma.sql`appeal_case`, provisional, only))
    total += await recomputeIn(province, now);
  return total;
}

async function recomputeIn(province: string, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await prisma.$transaction(
      async (tx) => {
        const calendar = await loadWorkingDayCalendar(tx);
        const published = calendar.versions.map((entry) => entry.year);
        if (published.length === 0) return 0;
        // Chain heads are taken in province order, as the sweep does, so two runs never wait on each other.
        const rows = await tx.$queryRaw<{ id: string; province_code: string }[]>`
          SELECT id::text, province_code FROM appeal_case
           WHERE province_code = ${province} AND state IN (${OPEN_WORKING_DAY_STATES})
             AND deadline_inputs->'calendars' @> '[{"provisional": true}]'::jsonb
             AND EXISTS (SELECT 1 FROM jsonb_array_elements(deadline_inputs->'calendars') AS entry
                          WHERE entry->>'provisional' = 'true' AND (entry->>'year')::int = ANY(${published}::int[]))
           ORDER BY province_code, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
        for (const { id, province_code: provinceCode } of rows) {
          const current = await tx.case.findUniqueOrThrow({ where: { provinceCode_id: { provinceCode, id } } });
          const inputs = readDeadlineInputs(current.deadlineInputs);
          if (inputs.basis !== 'WORKING_DAYS') continue;
          const startAt = new Date(inputs.startAt);
          const deadline = computeWorkingDayDeadline({
            startAt,
            workingDays: inputs.workingDays,
            calendar: withProvisionalYears(calendar, startAt),
            policy: inputs.policy,
            pausedMs: Number(current.pausedMs),
            rule: inputs.rule,
            startEvent: inputs.startEvent,
          });
          await tx.case.update({
            where: { provinceCode_id: { provinceCode, id } },
            data: {
              dueAt: deadline.dueAt,
              atRiskAt: deadline.atRiskAt,
              allowedMs: BigInt(deadline.allowedMs),
              deadlineInputs: storedDeadlineInputs(deadline.inputs),
              deadlineExplanation: deadline.explanation.zh,
              // A mark made on the provisional deadline no longer holds once the real one lies ahead.
              atRiskMarkedAt: deadline.atRiskAt > now ? null : current.atRiskMarkedAt,
              overdueMarkedAt: deadline.dueAt > now ? null : current.overdueMarkedAt,
              version: { increment: 1 },
            },
          });
          await appendAuditEvent(tx, {
            chain: provinceCode,
            actorId: null,
            actorRole: 'SYSTEM',
            caseId: id,
            action: 'DEADLINE_RECOMPUTED',
            before: {
              reference: current.reference,
              dueAt: current.dueAt.toISOString(),
              provisionalYears: provisionalYearsOf(inputs),
            },
            after: {
              dueAt: deadline.dueAt.toISOString(),
              calendars: deadline.inputs.calendars.map((entry) => ({
                year: entry.year,
                version: entry.version,
                ...(entry.provisional ? { provisional: true } : {}),
              })),
            },
            occurredAt: now,
          });
        }
        return rows.length;
      },
      { timeout: 60_000 },
    );
    total += count;
    if (count < BATCH) return total;
  }
}
