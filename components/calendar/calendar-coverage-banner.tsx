// The warning that a working-day calendar year is missing or due within 60 days (SPEC §18), for the supervisors'
// board and the administrators' pages. Renders nothing while the calendar reaches far enough ahead.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { CalendarCoverage } from '@/lib/reference/calendar-coverage';

export async function CalendarCoverageBanner({
  coverage,
  linkToCalendar = false,
}: {
  coverage: CalendarCoverage;
  linkToCalendar?: boolean;
}) {
  if (coverage.ok) return null;
  const t = await getTranslations('calendarCoverage');
  const params = { year: coverage.missingYear, date: coverage.startsOn, days: coverage.daysLeft };
  return (
    <div role="status" data-testid="calendar-coverage-banner" className="mb-6 border-l-4 border-focus bg-panel p-4">
      <p>{coverage.daysLeft > 0 ? t('upcoming', params) : t('missing', params)}</p>
      {linkToCalendar ? (
        <p className="mt-2">
          <Link href={`/admin/calendar/${coverage.missingYear}`}>{t('load', params)}</Link>
        </p>
      ) : null}
    </div>
  );
}
