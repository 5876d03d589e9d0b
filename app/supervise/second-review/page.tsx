// The second-level review queue: requested and ongoing reviews in the supervisor's scope, never including cases whose
// first decision they made.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatTime } from '@/components/supervisor/format';
import { requireUser } from '@/lib/auth/scope';
import { listSecondReviewQueue } from '@/lib/supervision/second-review';
import { supervisorScopeOf } from '@/lib/supervision/scope';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('supervise.secondReview');
  return { title: t('title') };
}

export default async function SecondReviewQueuePage() {
  const locale = await getLocale();
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
      <PageHeader title={t('title')} intro={t('intro')} introClassName="mb-6 max-w-3xl" />
      {queue.length === 0 ? (
        <p data-testid="review-queue-empty">{t('none')}</p>
      ) : (
        <DataTable
          caption={t('caption')}
          label={t('title')}
          testId="review-queue"
          rowTestId="review-row"
          columns={[
            { id: 'reference', header: tBoard('board.reference'), className: 'whitespace-nowrap' },
            { id: 'state', header: tBoard('state') },
            ...(scope.provinceCode === null ? [{ id: 'province', header: tBoard('province') }] : []),
            { id: 'firstOutcome', header: t('firstOutcome') },
            { id: 'holder', header: t('holder') },
            { id: 'due', header: tBoard('board.dueAt'), className: 'whitespace-nowrap' },
          ]}
          rows={queue.map((row) => ({
            id: row.reference,
            attributes: { 'data-reference': row.reference },
            cells: {
              reference: <Link href={`/supervise/second-review/${row.reference}`}>{row.reference}</Link>,
              state: tStates(row.state),
              province: row.provinceCode,
              firstOutcome: row.firstOutcome ? tOutcomes(row.firstOutcome) : '',
              holder: row.assignedToMe ? t('me') : (row.assigneeName ?? t('notTaken')),
              due: (
                <span className={row.dueAt < now ? 'font-semibold text-danger' : undefined}>
                  {formatTime(row.dueAt, locale)}
                  {row.dueAt < now ? ` · ${tBoard('overdue')}` : ''}
                  {row.provisional ? ` · ${tCalendar('provisional')}` : ''}
                </span>
              ),
            },
          }))}
        />
      )}
    </div>
  );
}
