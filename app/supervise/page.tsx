// The supervisor's deadline board: overdue, at risk, unassigned, waiting on citizens, unconfirmed corrections and
// reviewer workload in their scope (a province or the whole country), with cases per state and per province.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CalendarCoverageBanner } from '@/components/calendar/calendar-coverage-banner';
import { CaseListSection, CorrectionsSection, WorkloadSection } from '@/components/supervisor/board-sections';
import { Stat, StatList } from '@/components/ui/stat';
import { requireUser } from '@/lib/auth/scope';
import { checkCalendarCoverage } from '@/lib/cases/calendar-coverage';
import { getSupervisorHome } from '@/lib/cases/summaries';
import { getDeadlineBoard } from '@/lib/supervision/board';
import { supervisorScopeOf } from '@/lib/supervision/scope';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('supervise');
  return { title: t('title') };
}

export default async function SuperviseBoardPage() {
  const user = await requireUser(['SUPERVISOR'], '/supervise');
  const scope = supervisorScopeOf(user);
  const now = new Date();
  const [t, tStates, home, board, calendarCoverage] = await Promise.all([
    getTranslations('supervise'),
    getTranslations('states'),
    getSupervisorHome(user, now),
    getDeadlineBoard(scope, now),
    checkCalendarCoverage(now),
  ]);
  const national = home.provinceCode === null;
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
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

      <CaseListSection
        id="overdue-heading"
        table="overdue"
        heading={t('board.overdueHeading')}
        rows={board.lists.overdue}
        total={board.counts.overdue}
        showProvince={national}
        now={now}
      />
      <CaseListSection
        id="at-risk-heading"
        table="at-risk"
        heading={t('board.atRiskHeading')}
        rows={board.lists['at-risk']}
        total={board.counts['at-risk']}
        showProvince={national}
        now={now}
      />
      <CaseListSection
        id="unassigned-heading"
        table="unassigned"
        heading={t('board.unassignedHeading')}
        rows={board.lists.unassigned}
        total={board.counts.unassigned}
        showProvince={national}
        now={now}
      />
      <CaseListSection
        id="waiting-heading"
        table="waiting"
        heading={t('board.waitingHeading')}
        rows={board.lists.waiting}
        total={board.counts.waiting}
        showProvince={national}
        now={now}
      />
      <CorrectionsSection rows={board.corrections} total={board.counts.corrections} showProvince={national} />
      <WorkloadSection rows={board.workload} total={board.workloadTotal} showProvince={national} />

      <h2 className="mb-2 text-2xl font-bold">{t('byStateHeading')}</h2>
      <table className="mb-8 w-full border-collapse text-left">
        <caption className="sr-only">{t('byStateCaption')}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-4">
              {t('state')}
            </th>
            <th scope="col" className="py-2 text-right">
              {t('cases')}
            </th>
          </tr>
        </thead>
        <tbody>
          {home.byState.map((row) => (
            <tr key={row.state} className="border-b border-rule">
              <th scope="row" className="py-2 pr-4 font-normal">
                {tStates(row.state)}
              </th>
              <td className="py-2 text-right" data-testid={`state-${row.state}`}>
                {row.count}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="py-2 pr-4">
              {t('total')}
            </th>
            <td className="py-2 text-right font-bold" data-testid="count-total">
              {home.total}
            </td>
          </tr>
        </tfoot>
      </table>

      {national ? (
        <>
          <h2 className="mb-2 text-2xl font-bold">{t('byProvinceHeading')}</h2>
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t('byProvinceCaption')}</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">
                  {t('province')}
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  {t('open')}
                </th>
                <th scope="col" className="py-2 text-right">
                  {t('overdue')}
                </th>
              </tr>
            </thead>
            <tbody>
              {home.provinces.map((row) => (
                <tr key={row.provinceCode} className="border-b border-rule">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    {row.provinceName}
                  </th>
                  <td className="py-2 pr-4 text-right" data-testid={`province-open-${row.provinceCode}`}>
                    {row.open}
                  </td>
                  <td className="py-2 text-right">{row.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
