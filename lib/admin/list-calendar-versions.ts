// The working-day calendar (SPEC §3): every year with its published versions, and one version's holidays and 调休
// working weekends. New deadlines use each year's latest version; existing deadlines keep the version they record.
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CalendarDayKind } from '@/lib/db/generated/enums';
import { notFound } from './errors';
import type { Actor } from '@/lib/auth/actor';
import { assertAdmin } from './require-admin';

export interface CalendarVersionRow {
  id: number;
  year: number;
  version: number;
  source: string;
  note: string;
  publishedAt: Date;
  holidays: number;
  workingWeekends: number;
}

export async function listCalendarVersions(actor: Actor): Promise<CalendarVersionRow[]> {
  assertAdmin(actor);
  const [versions, counts] = await Promise.all([
    prisma.calendarVersion.findMany({
      orderBy: [{ year: 'desc' }, { version: 'desc' }],
      select: { id: true, year: true, version: true, source: true, note: true, publishedAt: true },
    }),
    prisma.calendarDay.groupBy({ by: ['calendarVersionId', 'kind'], _count: { _all: true } }),
  ]);
  const count = (id: number, kind: CalendarDayKind) =>
    counts.find((row) => row.calendarVersionId === id && row.kind === kind)?._count._all ?? 0;
  return versions.map((version) => ({
    ...version,
    holidays: count(version.id, 'HOLIDAY'),
    workingWeekends: count(version.id, 'WORKING_WEEKEND'),
  }));
}

export interface CalendarDayRow {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export interface CalendarYearView {
  year: number;
  /** The version shown (the latest unless another was asked for); null when the year has none yet. */
  version: { id: number; version: number; source: string; note: string; publishedAt: Date } | null;
  latestVersion: number | null;
  versions: number[];
  days: CalendarDayRow[];
}

export async function getCalendarYear(actor: Actor, year: number, versionNumber?: number): Promise<CalendarYearView> {
  assertAdmin(actor);
  if (!Number.isInteger(year) || year < 2020 || year > 2100) throw notFound();
  const versions = await prisma.calendarVersion.findMany({
    where: { year },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, source: true, note: true, publishedAt: true },
  });
  const shown =
    versionNumber === undefined ? versions[0] : versions.find((candidate) => candidate.version === versionNumber);
  if (versionNumber !== undefined && !shown) throw notFound();
  const days = shown
    ? await prisma.calendarDay.findMany({
        where: { calendarVersionId: shown.id },
        orderBy: { date: 'asc' },
        select: { date: true, kind: true, name: true },
      })
    : [];
  return {
    year,
    version: shown ?? null,
    latestVersion: versions[0]?.version ?? null,
    versions: versions.map((candidate) => candidate.version),
    // @db.Date comes back as UTC midnight of the stored civil date.
    days: days.map((day) => ({ date: day.date.toISOString().slice(0, 10), kind: day.kind, name: day.name })),
  };
}
