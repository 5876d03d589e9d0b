// An administrator publishes a corrected working-day calendar for a year: a new version with its full list of
// holidays and 调休 working weekends. Earlier versions stay as they were, and deadlines already computed keep the
// version they record; new deadlines use the latest one. Audited as CALENDAR_PUBLISHED in the national chain.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { lockAuditChain, NATIONAL_CHAIN } from '@/lib/audit/append';
import { appendNationalEvent } from '@/lib/audit/national-event';
import { parseInput } from '@/lib/core/parse-input';
import { buildWorkingDayCalendar, DeadlineError } from '@/lib/cases/rules/working-days';
import { recomputeProvisionalDeadlines } from '@/lib/cases/use-cases/recompute-provisional-deadlines';
import { scopedLogger } from '@/lib/security/logger';
import { fieldRefusal, stale } from './errors';
import type { Actor } from '@/lib/auth/actor';
import { assertAdmin } from './require-admin';
import { publishCalendarSchema } from './schemas';

function isRealDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

function isWeekend(iso: string): boolean {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export async function publishCalendarVersion(
  actor: Actor,
  raw: unknown,
  now = new Date(),
): Promise<{ id: number; year: number; version: number }> {
  assertAdmin(actor);
  const input = parseInput(publishCalendarSchema, raw);
  const fieldErrors: Record<string, string> = {};
  const seen = new Set<string>();
  input.days.forEach((day, index) => {
    if (!isRealDate(day.date) || Number(day.date.slice(0, 4)) !== input.year)
      fieldErrors[`days.${index}.date`] = 'admin.errors.dateNotInYear';
    else if (seen.has(day.date)) fieldErrors[`days.${index}.date`] = 'admin.errors.dateDuplicate';
    else if (day.kind === 'WORKING_WEEKEND' && !isWeekend(day.date))
      fieldErrors[`days.${index}.kind`] = 'admin.errors.notAWeekend';
    seen.add(day.date);
  });
  if (Object.keys(fieldErrors).length > 0) throw fieldRefusal(fieldErrors);
  const days = [...input.days].sort((a, b) => a.date.localeCompare(b.date));
  try {
    // The rules deadline arithmetic itself applies to a calendar (one version per year, weekends, no double days).
    buildWorkingDayCalendar([{ year: input.year, version: 0, calendarVersionId: 0 }], days);
  } catch (error) {
    if (error instanceof DeadlineError) throw fieldRefusal({ days: 'admin.errors.calendarInvalid' });
    throw error;
  }

  const published = await prisma.$transaction(async (tx) => {
    await lockAuditChain(tx, NATIONAL_CHAIN);
    const latest = await tx.calendarVersion.findFirst({
      where: { year: input.year },
      orderBy: { version: 'desc' },
      select: { version: true },
    });
    if ((latest?.version ?? null) !== input.basedOnVersion) throw stale();
    const version = (latest?.version ?? 0) + 1;
    const created = await tx.calendarVersion.create({
      data: { year: input.year, version, source: `admin:${actor.id}`, note: input.note, publishedAt: now },
      select: { id: true },
    });
    await tx.calendarDay.createMany({
      data: days.map((day) => ({
        calendarVersionId: created.id,
        date: new Date(`${day.date}T00:00:00Z`),
        kind: day.kind,
        name: day.name,
      })),
    });
    await appendNationalEvent(tx, actor, {
      action: 'CALENDAR_PUBLISHED',
      before: latest ? { year: input.year, version: latest.version } : null,
      after: {
        calendarVersionId: created.id,
        year: input.year,
        version,
        holidays: days.filter((day) => day.kind === 'HOLIDAY').length,
        workingWeekends: days.filter((day) => day.kind === 'WORKING_WEEKEND').length,
      },
      reason: input.note,
      occurredAt: now,
    });
    return { id: created.id, year: input.year, version };
  });
  // Deadlines counted provisionally through this year are counted again on it (SPEC §18); the sweep retries a failure.
  await recomputeProvisionalDeadlines(now).catch((error: unknown) =>
    scopedLogger('calendar').error({ err: error }, 'recomputing provisional deadlines failed'),
  );
  return published;
}
