// The second-level review queue: requested and ongoing reviews in the supervisor's scope, never including cases whose
// first decision they made.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { formatTime } from '@/components/supervisor/format';
import { requireUser } from '@/lib/auth/scope';
import { listSecondReviewQueue } from '@/lib/supervision/second-review';
import { supervisorScopeOf } from '@/lib/supervision/scope';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('supervise.secondReview');
  return { title: t('title') };
}

export default async function SecondReviewQueuePage() {
  const user = await requireUser(['SUPERVISOR'], '/supervise/second-review');
  const scope = supervisorScopeOf(user);
  const [t, tBoard, tStates, tOutcomes, tCalendar, queue] = await Promise.all([
    getTranslations('supervise.secondReview'),
    getTranslations('supervise'),
    getTranslations('states'),
    getTranslations('supervise.outcomes'),
    getTranslations('calendarCoverage'),
    listSecondReviewQueue(scope),
  ]);
  const now = new Date();
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 max-w-3xl">{t('intro')}</p>
      {queue.length === 0 ? (
        <p data-testid="review-queue-empty">{t('none')}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t('title')}>
          <table className="w-full border-collapse text-left" data-testid="review-queue">
            <caption className="sr-only">{t('caption')}</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-3">
                  {tBoard('board.reference')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {tBoard('state')}
                </th>
                {scope.provinceCode === null ? (
                  <th scope="col" className="py-2 pr-3">
                    {tBoard('province')}
                  </th>
                ) : null}
                <th scope="col" className="py-2 pr-3">
                  {t('firstOutcome')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('holder')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {tBoard('board.dueAt')}
                </th>
              </tr>
            </thead>
            <tbody>
              {queue.map((row) => (
                <tr
                  key={row.reference}
                  className="border-b border-rule"
                  data-testid="review-row"
                  data-reference={row.reference}
                >
                  <th scope="row" className="py-2 pr-3 font-normal whitespace-nowrap">
                    <Link href={`/supervise/second-review/${row.reference}`}>{row.reference}</Link>
                  </th>
                  <td className="py-2 pr-3">{tStates(row.state)}</td>
                  {scope.provinceCode === null ? <td className="py-2 pr-3">{row.provinceCode}</td> : null}
                  <td className="py-2 pr-3">{row.firstOutcome ? tOutcomes(row.firstOutcome) : ''}</td>
                  <td className="py-2 pr-3">{row.assignedToMe ? t('me') : (row.assigneeName ?? t('notTaken'))}</td>
                  <td className={`py-2 pr-3 whitespace-nowrap ${row.dueAt < now ? 'font-semibold text-danger' : ''}`}>
                    {formatTime(row.dueAt)}
                    {row.dueAt < now ? ` · ${tBoard('overdue')}` : ''}
                    {row.provisional ? ` · ${tCalendar('provisional')}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
