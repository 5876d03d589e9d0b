// One year of the working-day calendar: the holidays and 调休 working weekends of a version, and a form to publish a
// corrected version (existing deadlines keep the version they were computed with).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CalendarForm } from '@/components/admin/calendar-form';
import { getCalendarYear } from '@/lib/admin/list-calendar-versions';
import { orNotFound } from '@/lib/admin/page-guard';
import { requireUser } from '@/lib/auth/scope';
import { publishCalendarVersionAction } from '@/app/admin/calendar/actions';
import { DataTable } from '@/components/ui/data-table';
import { Section } from '@/components/ui/section';
import { formatDate, formatWeekday } from '@/lib/i18n/format-date';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.calendarYear');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CalendarYearPage({
  params,
  searchParams,
}: {
  params: Promise<{ year: string }>;
  searchParams: SearchParams;
}) {
  const { year: rawYear } = await params;
  const user = await requireUser(['ADMIN'], `/admin/calendar/${encodeURIComponent(rawYear)}`);
  const year = /^\d{4}$/.test(rawYear) ? Number(rawYear) : Number.NaN;
  if (Number.isNaN(year)) notFound();
  const rawVersion = (await searchParams).version;
  const versionText = Array.isArray(rawVersion) ? rawVersion[0] : rawVersion;
  const version = versionText && /^\d{1,4}$/.test(versionText) ? Number(versionText) : undefined;
  const view = await orNotFound(getCalendarYear(user, year, version));
  const [t, locale] = await Promise.all([getTranslations('admin.calendarYear'), getLocale()]);
  return (
    <div>
      <p className="mb-4">
        <Link href="/admin/calendar">{t('back')}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t('heading', { year })}</h1>
      {view.version ? (
        <p className="mb-2 text-muted" data-testid="calendar-shown-version">
          {t('shownVersion', {
            version: view.version.version,
            date: formatDate(view.version.publishedAt, locale),
          })}
          {view.version.version !== view.latestVersion ? ` ${t('notLatest', { latest: view.latestVersion ?? 0 })}` : ''}
        </p>
      ) : (
        <p className="mb-2 text-muted">{t('noVersion')}</p>
      )}
      {view.versions.length > 1 ? (
        <nav aria-label={t('versionsLabel')} className="mb-6">
          <ul className="m-0 flex list-none flex-wrap gap-4 p-0">
            {view.versions.map((number) => (
              <li key={number}>
                <Link
                  href={`/admin/calendar/${year}?version=${number}`}
                  aria-current={number === view.version?.version ? 'page' : undefined}
                >
                  {t('versionLabel', { version: number })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {view.version ? <p className="mb-6">{view.version.note}</p> : null}

      <div className="grid gap-10 lg:grid-cols-2">
        <Section id="days-heading" heading={t('daysHeading')} className="">
          {view.days.length === 0 ? <p>{t('noDays')}</p> : null}
          <DataTable
            caption={t('daysCaption', { year })}
            testId="calendar-days"
            columns={[
              { id: 'date', header: t('date') },
              { id: 'kind', header: t('kind') },
              { id: 'name', header: t('name') },
            ]}
            rows={view.days.map((day) => {
              const noon = new Date(`${day.date}T12:00:00+08:00`);
              return {
                id: day.date,
                cells: {
                  date: (
                    <>
                      <time dateTime={day.date}>{formatDate(noon, locale)}</time>
                      <span className="block text-sm text-muted">{formatWeekday(noon, locale)}</span>
                    </>
                  ),
                  kind: t(`kinds.${day.kind}`),
                  name: day.name,
                },
              };
            })}
          />
        </Section>
        <Section id="publish-heading" heading={t('publishHeading')} className="">
          <p className="mb-4 text-muted">{t('publishIntro')}</p>
          <CalendarForm
            action={publishCalendarVersionAction}
            year={year}
            basedOnVersion={view.latestVersion}
            days={view.days}
          />
        </Section>
      </div>
    </div>
  );
}
