// The supervisor's deadline board: overdue, at risk, unassigned, waiting on citizens, unconfirmed corrections and
// reviewer workload in their scope, open mass incidents (§16) (a province or the whole country), with cases per state and per province.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CalendarCoverageBanner } from '@/components/calendar/calendar-coverage-banner';
import { CaseListSection, CorrectionsSection, WorkloadSection } from '@/components/supervisor/board-sections';
import { IncidentsSection } from '@/components/supervisor/incidents-section';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { Stat, StatList } from '@/components/ui/stat';
import { requireUser } from '@/lib/auth/scope';
import { getSupervisorHome } from '@/lib/cases/views/summaries';
import { checkCalendarCoverage } from '@/lib/reference/calendar-coverage';
import { boardPageCount, getDeadlineBoard, parseBoardPages } from '@/lib/supervision/board';
import { BOARD_INCIDENT_ROWS, listOpenIncidents } from '@/lib/incidents/incident-views';
import { supervisorScopeOf } from '@/lib/supervision/scope';
import { reassignAllAction } from '@/app/supervise/actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('supervise');
  return { title: t('title') };
}

/** The board's case lists, in the order they are shown. */
const CASE_LISTS = [
  { table: 'overdue', heading: 'overdueHeading' },
  { table: 'at-risk', heading: 'atRiskHeading' },
  { table: 'unassigned', heading: 'unassignedHeading' },
  { table: 'waiting', heading: 'waitingHeading' },
] as const;

export default async function SuperviseBoardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(['SUPERVISOR'], '/supervise');
  const scope = supervisorScopeOf(user);
  const now = new Date();
  const [t, tStates, home, board, calendarCoverage, incidents] = await Promise.all([
    getTranslations('supervise'),
    getTranslations('states'),
    getSupervisorHome(user, now),
    getDeadlineBoard(scope, now, parseBoardPages(await searchParams)),
    checkCalendarCoverage(now),
    listOpenIncidents(scope, BOARD_INCIDENT_ROWS),
  ]);
  const national = home.provinceCode === null;
  return (
    <div>
      <PageHeader title={t('title')} />
      <CalendarCoverageBanner coverage={calendarCoverage} />
      <p className="mb-2 text-lg" data-testid="scope">
        {home.provinceCode
          ? t('scopeProvince', { name: home.provinceName ?? '', code: home.provinceCode })
          : t('scopeNational')}
      </p>
      <p className="mb-2 max-w-3xl">{t('board.intro')}</p>
      <StatList>
        <Stat label={t('overdue')} value={board.counts.overdue} testId="count-overdue" />
        <Stat label={t('atRisk')} value={board.counts['at-risk']} testId="count-at-risk" />
        <Stat label={t('unassigned')} value={board.counts.unassigned} testId="count-unassigned" />
        <Stat label={t('board.waiting')} value={board.counts.waiting} testId="count-waiting" />
        <Stat label={t('board.corrections')} value={board.counts.corrections} testId="count-corrections" />
      </StatList>

      <IncidentsSection rows={incidents.rows} total={incidents.total} showProvince={national} summary />
      {CASE_LISTS.map(({ table, heading }) => (
        <CaseListSection
          key={table}
          id={`${table}-heading`}
          table={table}
          heading={t(`board.${heading}`)}
          rows={board.lists[table]}
          total={board.counts[table]}
          showProvince={national}
          now={now}
          paging={{ page: board.pages[table], pageCount: boardPageCount(board.counts[table]), pages: board.pages }}
        />
      ))}
      <CorrectionsSection
        rows={board.corrections}
        total={board.counts.corrections}
        showProvince={national}
        paging={{
          page: board.pages.corrections,
          pageCount: boardPageCount(board.counts.corrections),
          pages: board.pages,
        }}
      />
      <WorkloadSection
        reassignAll={reassignAllAction}
        rows={board.workload}
        total={board.workloadTotal}
        showProvince={national}
      />

      <h2 className="mb-2 text-2xl font-bold">{t('byStateHeading')}</h2>
      <DataTable
        caption={t('byStateCaption')}
        className="mb-8"
        columns={[
          { id: 'state', header: t('state') },
          { id: 'count', header: t('cases'), numeric: true },
        ]}
        rows={home.byState.map((row) => ({
          id: row.state,
          cells: { state: tStates(row.state), count: row.count },
          cellAttributes: { count: { 'data-testid': `state-${row.state}` } },
        }))}
        footer={{
          id: 'total',
          cells: { state: t('total'), count: home.total },
          cellAttributes: { count: { 'data-testid': 'count-total' } },
        }}
      />

      {national ? (
        <>
          <h2 className="mb-2 text-2xl font-bold">{t('byProvinceHeading')}</h2>
          <DataTable
            caption={t('byProvinceCaption')}
            columns={[
              { id: 'province', header: t('province') },
              { id: 'open', header: t('open'), numeric: true },
              { id: 'overdue', header: t('overdue'), numeric: true },
            ]}
            rows={home.provinces.map((row) => ({
              id: row.provinceCode,
              cells: { province: row.provinceName, open: row.open, overdue: row.overdue },
              cellAttributes: { open: { 'data-testid': `province-open-${row.provinceCode}` } },
            }))}
          />
        </>
      ) : null}
    </div>
  );
}
