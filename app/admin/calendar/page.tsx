// The working-day calendar: each year's published versions (holidays and 调休 working weekends), and a way to a year.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { TableScroll } from '@/components/admin/table-scroll';
import { listCalendarVersions } from '@/lib/admin/list-calendar-versions';
import { requireUser } from '@/lib/auth/scope';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.calendar');
  return { title: t('title') };
}

export default async function CalendarPage() {
  const user = await requireUser(['ADMIN'], '/admin/calendar');
  const [t, format, versions] = await Promise.all([
    getTranslations('admin.calendar'),
    getFormatter(),
    listCalendarVersions(user),
  ]);
  const nextYear = Math.max(new Date().getFullYear() + 1, ...versions.map((version) => version.year + 1));
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 text-muted">{t('intro')}</p>
      <form method="get" action={`/admin/calendar/${nextYear}`} className="mb-8">
        <p className="mb-2">{t('newYearBody', { year: nextYear })}</p>
        <button type="submit" className="button button-secondary">
          {t('newYear', { year: nextYear })}
        </button>
      </form>
      <TableScroll label={t('caption')}>
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t('caption')}</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">
                {t('year')}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t('version')}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t('holidays')}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t('workingWeekends')}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t('publishedAt')}
              </th>
              <th scope="col" className="py-2">
                {t('source')}
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr
                key={version.id}
                className="border-b border-rule"
                data-testid={`calendar-${version.year}-v${version.version}`}
              >
                <th scope="row" className="py-2 pr-3 font-normal">
                  <Link href={`/admin/calendar/${version.year}?version=${version.version}`}>
                    {t('yearLabel', { year: version.year })}
                  </Link>
                </th>
                <td className="py-2 pr-3">{t('versionLabel', { version: version.version })}</td>
                <td className="py-2 pr-3 text-right">{version.holidays}</td>
                <td className="py-2 pr-3 text-right">{version.workingWeekends}</td>
                <td className="py-2 pr-3">{format.dateTime(version.publishedAt, { dateStyle: 'medium' })}</td>
                <td className="py-2 break-all text-sm">
                  {version.source.startsWith('admin:') ? t('sourceAdmin') : version.source}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
