// The reviewer's workspace: the province's headline numbers, then the queue ("mine" and the province pool) with its
// filters, order and page all in the URL; the server filters, sorts and pages (lib/cases/queue.ts).
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Stat, StatList } from '@/components/ui/stat';
import { QueueFilters } from '@/components/reviewer/queue-filters';
import { queueHref } from '@/components/reviewer/queue-href';
import { QueueTable } from '@/components/reviewer/queue-table';
import { QueueTabs } from '@/components/reviewer/queue-tabs';
import { requireUser } from '@/lib/auth/scope';
import { claimCaseAction } from '@/app/review/actions';
import {
  DEADLINE_FILTERS,
  MINE_STATES,
  findQueuePage,
  listIssuingUnits,
  parseQueueParams,
  queueSearchParams,
  type SearchParams,
} from '@/lib/cases/views/queue';
import { getReviewerHome } from '@/lib/cases/views/summaries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('review');
  return { title: t('title') };
}

const NOTICES = ['transferred'] as const;

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser(['REVIEWER'], '/review');
  const raw = await searchParams;
  const query = parseQueueParams(raw);
  const params = queueSearchParams(query);
  // Empty fields of the filter form leave `colour=` and the like: show the same queue under its clean URL.
  if (Object.values(raw).some((value) => value === '')) {
    const after = query.after && typeof raw.after === 'string' ? raw.after : null;
    const before = query.before && typeof raw.before === 'string' ? raw.before : null;
    redirect(queueHref(params, { after, before }));
  }
  const [t, home, page, units] = await Promise.all([
    getTranslations('review'),
    getReviewerHome(user),
    findQueuePage(user, query),
    listIssuingUnits(user),
  ]);
  const notice = NOTICES.find((known) => raw.notice === known);
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-2 text-lg" data-testid="province">
        {t('province', { name: home.provinceName ?? '', code: home.provinceCode ?? '' })}
      </p>
      {notice ? (
        <p
          role="status"
          className="my-4 border-l-4 border-action bg-panel p-3 font-semibold"
          data-testid="queue-notice"
        >
          {t(`notices.${notice}`)}
        </p>
      ) : null}
      <StatList>
        <Stat label={t('open')} value={home.openCount} testId="count-open" />
        <Stat label={t('pool')} value={home.poolCount} testId="count-pool" />
        <Stat label={t('mine')} value={home.mineCount} testId="count-mine" />
      </StatList>

      <h2 className="mb-3 text-2xl font-bold">{t('queueHeading')}</h2>
      <QueueTabs current={query.tab} params={params} counts={{ mine: home.mineCount, pool: home.poolCount }} />
      <QueueFilters
        tab={query.tab}
        params={params}
        units={units}
        deadlineFilters={DEADLINE_FILTERS}
        mineStates={MINE_STATES}
      />
      <QueueTable
        rows={page.rows}
        tab={query.tab}
        sort={query.sort}
        dir={query.dir}
        params={params}
        nextCursor={page.nextCursor}
        previousCursor={page.previousCursor}
        paged={page.paged}
        claimCase={claimCaseAction}
      />
    </div>
  );
}
