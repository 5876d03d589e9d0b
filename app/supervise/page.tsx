// Supervisor home: cases per state, overdue, at risk and unassigned in the supervisor's scope (a province or the country).
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Stat, StatList } from '@/components/ui/stat';
import { requireUser } from '@/lib/auth/scope';
import { getSupervisorHome } from '@/lib/cases/summaries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('supervise');
  return { title: t('title') };
}

export default async function SuperviseHomePage() {
  const user = await requireUser(['SUPERVISOR'], '/supervise');
  const [t, tStates] = await Promise.all([getTranslations('supervise'), getTranslations('states')]);
  const home = await getSupervisorHome(user);
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-2 text-lg" data-testid="scope">
        {home.provinceCode ? t('scopeProvince', { name: home.provinceName ?? '', code: home.provinceCode }) : t('scopeNational')}
      </p>
      <StatList>
        <Stat label={t('overdue')} value={home.overdue} testId="count-overdue" />
        <Stat label={t('atRisk')} value={home.atRisk} testId="count-at-risk" />
        <Stat label={t('unassigned')} value={home.unassigned} testId="count-unassigned" />
      </StatList>

      <h2 className="mb-2 text-2xl font-bold">{t('byStateHeading')}</h2>
      <table className="mb-8 w-full border-collapse text-left">
        <caption className="sr-only">{t('byStateCaption')}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-4">{t('state')}</th>
            <th scope="col" className="py-2 text-right">{t('cases')}</th>
          </tr>
        </thead>
        <tbody>
          {home.byState.map((row) => (
            <tr key={row.state} className="border-b border-rule">
              <th scope="row" className="py-2 pr-4 font-normal">{tStates(row.state)}</th>
              <td className="py-2 text-right" data-testid={`state-${row.state}`}>{row.count}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="py-2 pr-4">{t('total')}</th>
            <td className="py-2 text-right font-bold" data-testid="count-total">{home.total}</td>
          </tr>
        </tfoot>
      </table>

      {home.provinceCode === null ? (
        <>
          <h2 className="mb-2 text-2xl font-bold">{t('byProvinceHeading')}</h2>
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t('byProvinceCaption')}</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">{t('province')}</th>
                <th scope="col" className="py-2 pr-4 text-right">{t('open')}</th>
                <th scope="col" className="py-2 text-right">{t('overdue')}</th>
              </tr>
            </thead>
            <tbody>
              {home.provinces.map((row) => (
                <tr key={row.provinceCode} className="border-b border-rule">
                  <th scope="row" className="py-2 pr-4 font-normal">{row.provinceName}</th>
                  <td className="py-2 pr-4 text-right" data-testid={`province-open-${row.provinceCode}`}>{row.open}</td>
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
