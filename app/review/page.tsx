// Reviewer home: the province's open work, the unassigned pool, the reviewer's own cases, and the most urgent ones.
import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Stat, StatList } from '@/components/ui/stat';
import { requireUser } from '@/lib/auth/scope';
import { getReviewerHome } from '@/lib/cases/summaries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('review');
  return { title: t('title') };
}

export default async function ReviewHomePage() {
  const user = await requireUser(['REVIEWER'], '/review');
  const [t, tStates, format] = await Promise.all([getTranslations('review'), getTranslations('states'), getFormatter()]);
  const home = await getReviewerHome(user);
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-2 text-lg" data-testid="province">
        {t('province', { name: home.provinceName ?? '', code: home.provinceCode ?? '' })}
      </p>
      <StatList>
        <Stat label={t('open')} value={home.openCount} testId="count-open" />
        <Stat label={t('pool')} value={home.poolCount} testId="count-pool" />
        <Stat label={t('mine')} value={home.mineCount} testId="count-mine" />
      </StatList>

      <h2 className="mb-2 text-2xl font-bold">{t('urgentHeading')}</h2>
      {home.urgent.length === 0 ? (
        <p>{t('urgentEmpty')}</p>
      ) : (
        <ol className="m-0 list-none p-0">
          {home.urgent.map((row) => (
            <li key={row.reference} className="mb-3 border-b border-rule pb-3" data-testid="urgent-case">
              <p className="m-0 font-mono font-bold">{row.reference}</p>
              <p className="m-0">
                {tStates(row.state)} · {row.assignedToMe ? t('assignedToMe') : t('inPool')}
              </p>
              <p className="m-0">
                {t('dueAt', { time: format.dateTime(row.dueAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
                {row.overdue ? <strong className="ml-2 bg-danger px-2 text-white">{t('overdue')}</strong> : null}
                {row.primaFacieOverreach ? <strong className="ml-2 border-2 border-ink px-2">{t('overreach')}</strong> : null}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
