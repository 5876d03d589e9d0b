// "Mine" and "province pool": links (not buttons), so each tab has its own shareable URL and the back button works.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { QueueTab } from '@/lib/cases/views/queue';
import { queueHref, type QueueParams } from './queue-href';

export function QueueTabs({
  current,
  params,
  counts,
}: {
  current: QueueTab;
  params: QueueParams;
  counts: Record<QueueTab, number>;
}) {
  const t = useTranslations('reviewQueue.tabs');
  const tabs: QueueTab[] = ['mine', 'pool'];
  return (
    <nav aria-label={t('label')} className="mb-4 border-b-2 border-ink">
      <ul className="m-0 flex list-none flex-wrap gap-2 p-0">
        {tabs.map((tab) => {
          const active = tab === current;
          return (
            <li key={tab}>
              <Link
                href={queueHref(params, {
                  tab,
                  state: null,
                  deadline: tab === 'pool' && params.deadline === 'paused' ? null : (params.deadline ?? null),
                })}
                aria-current={active ? 'page' : undefined}
                className={`inline-block px-4 py-2 font-semibold ${active ? 'bg-ink text-white no-underline' : ''}`}
                data-testid={`tab-${tab}`}
              >
                {t(tab, { count: counts[tab] })}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
