// Open mass incidents (SPEC §16) on the incidents page and the analytics page: a chart of cases and 24-hour growth per
// incident (the shared SVG bar chart: no chart library), and the same figures in a table with a link to each
// incident's page. The deadline board shows the table of the most recently active few, linking to the incidents page.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { IncidentSummary } from '@/lib/incidents/incident-views';
import { DataTable } from '@/components/ui/data-table';
import { Section } from '@/components/ui/section';
import { GroupedBarChart } from './bar-chart';
import { formatTime } from './format';

export function incidentHref(incident: { provinceCode: string; id: string }): string {
  return `/supervise/incidents/${incident.provinceCode}/${incident.id}`;
}

/** The stated reason of an incident in the reader's language. */
export async function incidentReasonText(incident: IncidentSummary): Promise<string> {
  const [t, locale] = await Promise.all([getTranslations('incidents'), getLocale()]);
  if (!incident.reasonName) return t('reasons.NO_VALID_REASON');
  return locale === 'en' ? incident.reasonName.en : incident.reasonName.zh;
}

export async function IncidentsSection({
  rows,
  total,
  showProvince,
  summary = false,
}: {
  rows: IncidentSummary[];
  total: number;
  showProvince: boolean;
  /** The board's short form: no chart, and a link to the incidents page when there are more. */
  summary?: boolean;
}) {
  const locale = await getLocale();
  const t = await getTranslations('incidents');
  const reasons = await Promise.all(rows.map(incidentReasonText));
  return (
    <Section id="incidents-heading" heading={t('heading')} className="mb-10" testId="incidents">
      <p className="mb-2" data-testid="count-incidents">
        {t('count')}: {total}
      </p>
      {rows.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <>
          {summary ? null : (
            <GroupedBarChart
              id="incidents-chart"
              title={t('chartTitle')}
              description={t('chartDescription')}
              categories={rows.map((row) => row.issuingUnitName)}
              series={[
                { name: t('seriesTotal'), values: rows.map((row) => row.caseCount), colour: '#1d70b8' },
                { name: t('seriesLastDay'), values: rows.map((row) => row.lastDayCount), colour: '#d4351c' },
              ]}
            />
          )}
          <DataTable
            caption={t('caption')}
            testId="incidents-table"
            columns={[
              { id: 'unit', header: t('columns.unit') },
              ...(showProvince ? [{ id: 'province', header: t('columns.province') }] : []),
              { id: 'reason', header: t('columns.reason') },
              { id: 'window', header: t('columns.window') },
              { id: 'cases', header: t('columns.cases'), numeric: true },
              { id: 'lastDay', header: t('columns.lastDay'), numeric: true },
              { id: 'escalation', header: t('columns.escalation') },
            ]}
            rows={rows.map((row, index) => ({
              id: row.id,
              attributes: { 'data-incident': row.id },
              cells: {
                unit: (
                  <Link href={incidentHref(row)} aria-label={t('openLink', { unit: row.issuingUnitName })}>
                    {row.issuingUnitName}
                  </Link>
                ),
                province: row.provinceName,
                reason: reasons[index],
                window: t('windowText', {
                  from: formatTime(row.firstFiledAt, locale),
                  to: formatTime(row.lastFiledAt, locale),
                }),
                cases: row.caseCount,
                lastDay: row.lastDayCount,
                escalation: t(`escalation.${row.escalation as 'PROVINCIAL' | 'NATIONAL'}`),
              },
              cellAttributes: { cases: { 'data-testid': `incident-cases-${row.issuingUnitCode}` } },
            }))}
          />
          {total > rows.length ? (
            <p className="text-muted">
              {t('shownOf', { shown: rows.length, total })}{' '}
              {summary ? <Link href="/supervise/incidents">{t('allLink', { total })}</Link> : null}
            </p>
          ) : null}
        </>
      )}
    </Section>
  );
}
