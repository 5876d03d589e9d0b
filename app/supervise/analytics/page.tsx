// Overreach analytics for the supervisor's scope: per issuing authority (province → city/county), a weekly trend
// chart with its table, and the province × province matrix of recognition complaints; each table exportable; and the
// open mass incidents with their growth (§16).
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { GroupedBarChart } from '@/components/supervisor/bar-chart';
import { IncidentsSection } from '@/components/supervisor/incidents-section';
import { listOpenIncidents } from '@/lib/incidents/incident-views';
import { ExportButton } from '@/components/supervisor/export-button';
import { formatHours, formatPercent, formatTime } from '@/components/supervisor/format';
import { SortableTable, type SortableCell, type SortableRow } from '@/components/supervisor/sortable-table';
import { requireUser } from '@/lib/auth/scope';
import {
  loadOverreachAnalytics,
  resolveAnalyticsFilters,
  type AuthorityFigures,
  type ResolvedAnalyticsFilters,
} from '@/lib/supervision/analytics';
import { analyticsFiltersSchema, ANALYTICS_CASE_TYPES } from '@/lib/supervision/schemas';
import { supervisorScopeOf } from '@/lib/supervision/scope';
import { FilterPanel } from '@/components/supervisor/filter-panel';
import { Section } from '@/components/ui/section';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('supervise.analytics');
  return { title: t('title') };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function queryOf(filters: ResolvedAnalyticsFilters, province: string | null): string {
  const params = new URLSearchParams({
    from: filters.period.from ?? '',
    to: filters.period.to ?? '',
    type: filters.type,
  });
  if (province) params.set('province', province);
  return `?${params.toString()}`;
}

function figureCells(f: AuthorityFigures): Record<string, SortableCell> {
  return {
    received: { value: f.received, text: String(f.received) },
    decided: { value: f.decided, text: String(f.decided) },
    overturned: { value: f.overturned, text: String(f.overturned) },
    overturnRate: { value: f.overturnRate, text: formatPercent(f.overturnRate) },
    overreach: { value: f.overreach, text: String(f.overreach) },
    medianHours: { value: f.medianHours, text: formatHours(f.medianHours) },
    withinDeadlineShare: { value: f.withinDeadlineShare, text: formatPercent(f.withinDeadlineShare) },
  };
}

export default async function AnalyticsPage({ searchParams }: { searchParams: SearchParams }) {
  const locale = await getLocale();
  const user = await requireUser(['SUPERVISOR'], '/supervise/analytics');
  const scope = supervisorScopeOf(user);
  const params = await searchParams;
  const raw = {
    from: single(params.from),
    to: single(params.to),
    type: single(params.type),
    province: single(params.province),
  };
  const parsed = analyticsFiltersSchema.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined)),
  );
  const now = new Date();
  const filters = resolveAnalyticsFilters(
    parsed.success ? parsed.data : {},
    { from: parsed.success && raw.from !== undefined, to: parsed.success && raw.to !== undefined },
    now,
  );
  const [t, tAll, tColumns, analytics, incidents] = await Promise.all([
    getTranslations('supervise.analytics'),
    getTranslations(),
    getTranslations('supervise.export.columns'),
    loadOverreachAnalytics(scope, filters, now),
    listOpenIncidents(scope),
  ]);
  const { authorities, trend, matrix } = analytics;
  const exportFilters = {
    from: filters.period.from ?? '',
    to: filters.period.to ?? '',
    type: filters.type,
    province: filters.province,
  };
  const exportText = tAll('supervise.export.button');
  const exportLabel = (table: string) => tAll('supervise.export.buttonLabel', { table });
  const authorityHeading = authorities.province
    ? t('unitsHeading', { name: authorities.province.name })
    : t('authoritiesHeading');
  const rows: SortableRow[] = authorities.rows.map((row) => ({
    id: row.code,
    cells: {
      name: {
        value: row.name,
        text: row.name,
        href: authorities.province ? undefined : `/supervise/analytics${queryOf(filters, row.code)}`,
        linkLabel: authorities.province ? undefined : t('drillDown', { name: row.name }),
      },
      ...figureCells(row),
    },
  }));
  const firstError = parsed.success ? null : (parsed.error.issues[0]?.message ?? 'supervise.errors.invalid');
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-4 max-w-3xl">{t('intro')}</p>

      <FilterPanel headingId="filters-heading" heading={t('filters')} errorKey={firstError}>
        <p id="date-hint" className="mb-2 text-sm text-muted">
          {t('dateHint')}
        </p>
        <div className="flex flex-wrap items-end gap-4">
          {(['from', 'to'] as const).map((end) => (
            <TextField
              key={end}
              id={`analytics-${end}`}
              name={end}
              type="date"
              label={t(end)}
              defaultValue={filters.period[end] ?? ''}
              aria-describedby="date-hint"
            />
          ))}
          <SelectField id="analytics-type" name="type" label={t('type')} defaultValue={filters.type}>
            {ANALYTICS_CASE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </SelectField>
          {filters.province ? <input type="hidden" name="province" value={filters.province} /> : null}
          <div className="mb-5">
            <button type="submit" className="button">
              {t('apply')}
            </button>
          </div>
        </div>
      </FilterPanel>

      <p className="mb-1" data-testid="analytics-period">
        {t('period', { from: filters.period.from ?? t('beginning'), to: filters.period.to ?? t('today') })}
      </p>
      {analytics.refreshedAt ? (
        <p className="mb-6 text-sm text-muted">{t('asOf', { time: formatTime(analytics.refreshedAt, locale) })}</p>
      ) : null}

      <Section id="authorities-heading" heading={authorityHeading} className="mb-10">
        {authorities.province ? (
          <p className="mb-2">
            <Link href={`/supervise/analytics${queryOf(filters, null)}`}>{t('allProvinces')}</Link>
          </p>
        ) : null}
        <p className="mb-2 max-w-3xl text-sm text-muted">{t('definitions')}</p>
        {rows.length === 0 ? (
          <p>{t('noData')}</p>
        ) : (
          <SortableTable
            caption={t('authoritiesCaption')}
            testId="authorities"
            columns={[
              { id: 'name', header: tColumns('name') },
              { id: 'received', header: tColumns('received'), numeric: true },
              { id: 'decided', header: tColumns('decided'), numeric: true },
              { id: 'overturned', header: tColumns('overturned'), numeric: true },
              { id: 'overturnRate', header: tColumns('overturnRate'), numeric: true },
              { id: 'overreach', header: tColumns('overreach'), numeric: true },
              { id: 'medianHours', header: tColumns('medianHours'), numeric: true },
              { id: 'withinDeadlineShare', header: tColumns('withinDeadlineShare'), numeric: true },
            ]}
            rows={rows}
            footer={{ name: { value: null, text: tAll('supervise.total') }, ...figureCells(authorities.total) }}
          />
        )}
        <ExportButton
          table="authorities"
          text={exportText}
          label={exportLabel(authorityHeading)}
          filters={exportFilters}
        />
      </Section>

      <Section id="trend-heading" heading={t('trendHeading')} className="mb-10">
        {trend.length > 0 ? (
          <>
            <GroupedBarChart
              id="trend-chart"
              title={t('trendChartTitle')}
              description={t('trendChartDesc', { weeks: trend.length })}
              categories={trend.map((week) => week.label.slice(5))}
              series={[
                { name: t('received'), values: trend.map((week) => week.received), colour: '#1d5aa0' },
                { name: t('overturned'), values: trend.map((week) => week.overturned), colour: '#b3261e' },
              ]}
            />
            <SortableTable
              caption={t('trendCaption')}
              testId="trend"
              columns={[
                { id: 'week', header: t('week') },
                { id: 'weekStart', header: t('weekStart') },
                { id: 'received', header: tColumns('received'), numeric: true },
                { id: 'decided', header: tColumns('decided'), numeric: true },
                { id: 'overturned', header: tColumns('overturned'), numeric: true },
              ]}
              rows={trend.map((week) => ({
                id: week.week,
                cells: {
                  week: { value: week.week, text: week.label },
                  weekStart: { value: week.week, text: week.week },
                  received: { value: week.received, text: String(week.received) },
                  decided: { value: week.decided, text: String(week.decided) },
                  overturned: { value: week.overturned, text: String(week.overturned) },
                },
              }))}
            />
          </>
        ) : (
          <p>{t('noData')}</p>
        )}
        <ExportButton table="trend" text={exportText} label={exportLabel(t('trendHeading'))} filters={exportFilters} />
      </Section>

      <Section id="matrix-heading" heading={t('matrixHeading')} className="mb-10">
        <p className="mb-2 text-muted">{t('matrixHint')}</p>
        {matrix.total === 0 ? (
          <p>{t('matrixNone')}</p>
        ) : (
          <div className="mb-2 overflow-x-auto" tabIndex={0} role="region" aria-label={t('matrixHeading')}>
            <table className="border-collapse text-left" data-testid="matrix">
              <caption className="sr-only">{t('matrixCaption')}</caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  <td className="py-2 pr-3 text-sm text-muted">{t('matrixCorner')}</td>
                  {matrix.refusing.map((province) => (
                    <th key={province.code} scope="col" className="py-2 pr-3 text-right">
                      {province.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.issuing.map((issuing) => (
                  <tr key={issuing.code} className="border-b border-rule">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      {issuing.name}
                    </th>
                    {matrix.refusing.map((refusing) => (
                      <td
                        key={refusing.code}
                        className="py-2 pr-3 text-right tabular-nums"
                        data-cell={`${issuing.code}-${refusing.code}`}
                      >
                        {matrix.counts[`${issuing.code}-${refusing.code}`] ?? 0}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ExportButton
          table="matrix"
          text={exportText}
          label={exportLabel(t('matrixHeading'))}
          filters={exportFilters}
        />
      </Section>
      <IncidentsSection rows={incidents.rows} total={incidents.total} showProvince={scope.provinceCode === null} />
    </div>
  );
}
