// The working-day calendar: each year's published versions (holidays and 调休 working weekends), and a way to a year.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { listCalendarVersions } from '@/lib/admin/list-calendar-versions';
import { requireUser } from '@/lib/auth/scope';
import { formatDate } from '@/lib/i18n/format-date';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.calendar');
  return { title: t('title') };
}

export default async function CalendarPage() {
  const user = await requireUser(['ADMIN'], '/admin/calendar');
  const [t, locale, versions] = await Promise.all([
    getTranslations('admin.calendar'),
    getLocale(),
    listCalendarVersions(user),
  ]);
  const nextYear = Math.max(new Date().getFullYear() + 1, ...versions.map((version) => version.year + 1));
  return (
    <div>
      <PageHeader title={t('title')} intro={t('intro')} />
      <form method="get" action={`/admin/calendar/${nextYear}`} className="mb-8">
        <p className="mb-2">{t('newYearBody', { year: nextYear })}</p>
        <button type="submit" className="button button-secondary">
          {t('newYear', { year: nextYear })}
        </button>
      </form>
      <DataTable
        caption={t('caption')}
        columns={[
          { id: 'year', header: t('year') },
          { id: 'version', header: t('version') },
          { id: 'holidays', header: t('holidays'), numeric: true },
          { id: 'workingWeekends', header: t('workingWeekends'), numeric: true },
          { id: 'publishedAt', header: t('publishedAt') },
          { id: 'source', header: t('source'), className: 'break-all text-sm' },
        ]}
        rows={versions.map((version) => ({
          id: String(version.id),
          attributes: { 'data-testid': `calendar-${version.year}-v${version.version}` },
          cells: {
            year: (
              <Link href={`/admin/calendar/${version.year}?version=${version.version}`}>
                {t('yearLabel', { year: version.year })}
              </Link>
            ),
            version: t('versionLabel', { version: version.version }),
            holidays: version.holidays,
            workingWeekends: version.workingWeekends,
            publishedAt: formatDate(version.publishedAt, locale),
            source: version.source.startsWith('admin:') ? t('sourceAdmin') : version.source,
          },
        }))}
      />
    </div>
  );
}
