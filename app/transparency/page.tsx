// The public transparency page (no sign-in): per province, appeals received, the share decided within deadline, the
// overturn rate and the median time to decision. Statistics only; computed at most once every 5 minutes per instance.
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ShareBarChart } from '@/components/supervisor/bar-chart';
import { formatHours, formatPercent, formatTime } from '@/components/supervisor/format';
import { SortableTable } from '@/components/supervisor/sortable-table';
import { getCachedTransparencyReport } from '@/lib/supervision/transparency';
import { Section } from '@/components/ui/section';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('transparency');
  return { title: t('title'), description: t('intro') };
}

export default async function TransparencyPage() {
  const locale = await getLocale();
  const [t, report] = await Promise.all([getTranslations('transparency'), getCachedTransparencyReport()]);
  const hours = (value: number | null) =>
    value === null ? t('noDecisions') : t('hours', { hours: formatHours(value) });
  const charted = report.provinces.filter((province) => province.withinDeadlineShare !== null);
  const figures = [
    { key: 'received', label: t('received'), value: String(report.national.received) },
    { key: 'within', label: t('withinDeadline'), value: formatPercent(report.national.withinDeadlineShare) },
    { key: 'overturn', label: t('overturnRate'), value: formatPercent(report.national.overturnRate) },
    { key: 'median', label: t('medianTime'), value: hours(report.national.medianHours) },
  ];
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-2 max-w-3xl text-lg">{t('intro')}</p>
      <p className="mb-6 text-muted" data-testid="transparency-as-of">
        {report.asOf ? t('asOf', { time: formatTime(report.asOf, locale) }) : t('notYet')}
      </p>

      <Section id="national-heading" heading={t('nationalHeading')}>
        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {figures.map((figure) => (
            <div key={figure.key} className="border-l-4 border-ink bg-panel px-4 py-3">
              <dt className="text-muted">{figure.label}</dt>
              <dd className="m-0 text-3xl font-bold" data-testid={`national-${figure.key}`}>
                {figure.value}
              </dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="provinces-heading" heading={t('provincesHeading')}>
        <SortableTable
          caption={t('caption')}
          testId="transparency"
          columns={[
            { id: 'province', header: t('province') },
            { id: 'received', header: t('received'), numeric: true },
            { id: 'within', header: t('withinDeadline'), numeric: true },
            { id: 'overturn', header: t('overturnRate'), numeric: true },
            { id: 'median', header: t('medianTime'), numeric: true },
          ]}
          rows={report.provinces.map((province) => ({
            id: province.code,
            cells: {
              province: { value: province.code, text: province.name },
              received: { value: province.received, text: String(province.received) },
              within: { value: province.withinDeadlineShare, text: formatPercent(province.withinDeadlineShare) },
              overturn: { value: province.overturnRate, text: formatPercent(province.overturnRate) },
              median: { value: province.medianHours, text: hours(province.medianHours) },
            },
          }))}
        />
        <p className="max-w-3xl text-sm text-muted">{t('definitions')}</p>
      </Section>

      {charted.length > 0 ? (
        <Section id="chart-heading" heading={t('chartHeading')}>
          <ShareBarChart
            id="within-deadline-chart"
            title={t('chartTitle')}
            description={t('chartDesc')}
            rows={charted.map((province) => ({ label: province.name, share: province.withinDeadlineShare ?? 0 }))}
            colour="#00703c"
          />
        </Section>
      ) : null}
    </div>
  );
}
