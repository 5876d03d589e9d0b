// Reviewer pools of every province: reviewers, combined capacity, open and unassigned cases.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TableScroll } from '@/components/admin/table-scroll';
import { listReviewerPools } from '@/lib/admin/list-reviewer-pools';
import { requireUser } from '@/lib/auth/scope';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.pools');
  return { title: t('title') };
}

export default async function PoolsPage() {
  const user = await requireUser(['ADMIN'], '/admin/pools');
  const [t, pools] = await Promise.all([getTranslations('admin.pools'), listReviewerPools(user)]);
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 text-muted">{t('intro')}</p>
      <TableScroll label={t('caption')}>
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t('caption')}</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">
                {t('province')}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t('activeReviewers')}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t('inactiveReviewers')}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t('capacity')}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t('openCases')}
              </th>
              <th scope="col" className="py-2 text-right">
                {t('unassigned')}
              </th>
            </tr>
          </thead>
          <tbody>
            {pools.map((pool) => (
              <tr key={pool.provinceCode} className="border-b border-rule" data-testid={`pool-${pool.provinceCode}`}>
                <th scope="row" className="py-2 pr-3 font-normal">
                  <Link href={`/admin/pools/${pool.provinceCode}`}>{pool.provinceName}</Link>
                </th>
                <td className="py-2 pr-3 text-right" data-testid={`pool-${pool.provinceCode}-active`}>
                  {pool.activeReviewers}
                </td>
                <td className="py-2 pr-3 text-right">{pool.inactiveReviewers}</td>
                <td className="py-2 pr-3 text-right">{pool.capacity}</td>
                <td className="py-2 pr-3 text-right">{pool.openCases}</td>
                <td className="py-2 text-right">{pool.unassigned}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
