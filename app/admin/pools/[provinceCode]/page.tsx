// One province's reviewer pool: each reviewer's unit, status, load and capacity (editable here).
import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CapacityForm } from '@/components/admin/capacity-form';
import { TableScroll } from '@/components/admin/table-scroll';
import { getReviewerPool } from '@/lib/admin/get-reviewer-pool';
import { orNotFound } from '@/lib/admin/page-guard';
import { requireUser } from '@/lib/auth/scope';
import { setReviewerCapacityAction } from '@/app/admin/pools/actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.pool');
  return { title: t('title') };
}

export default async function PoolPage({ params }: { params: Promise<{ provinceCode: string }> }) {
  const { provinceCode } = await params;
  const user = await requireUser(['ADMIN'], `/admin/pools/${encodeURIComponent(provinceCode)}`);
  const pool = await orNotFound(getReviewerPool(user, provinceCode));
  const [t, format] = await Promise.all([getTranslations('admin.pool'), getFormatter()]);
  return (
    <div>
      <p className="mb-4">
        <Link href="/admin/pools">{t('back')}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t('heading', { province: pool.provinceName })}</h1>
      <p className="mb-2 text-muted">{t('intro')}</p>
      <p className="mb-6" data-testid="pool-unassigned">
        {t('unassigned', { count: pool.unassigned })}
      </p>
      {pool.reviewers.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <TableScroll label={t('caption', { province: pool.provinceName })}>
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t('caption', { province: pool.provinceName })}</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-3">
                  {t('reviewer')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('unit')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('status')}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t('openCases')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('lastAssigned')}
                </th>
                <th scope="col" className="py-2">
                  {t('capacity')}
                </th>
              </tr>
            </thead>
            <tbody>
              {pool.reviewers.map((reviewer) => (
                <tr
                  key={reviewer.id}
                  className="border-b border-rule align-top"
                  data-testid={`reviewer-${reviewer.username}`}
                >
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={`/admin/staff/${reviewer.id}`}>{reviewer.displayName}</Link>
                    <span className="block font-mono text-sm text-muted">{reviewer.username}</span>
                  </th>
                  <td className="py-2 pr-3">{reviewer.unitName ?? reviewer.unitCode ?? '—'}</td>
                  <td className="py-2 pr-3">{reviewer.active ? t('active') : t('inactive')}</td>
                  <td className="py-2 pr-3 text-right">{reviewer.openCases}</td>
                  <td className="py-2 pr-3">
                    {reviewer.lastAssignedAt
                      ? format.dateTime(reviewer.lastAssignedAt, { dateStyle: 'short', timeStyle: 'short' })
                      : t('never')}
                  </td>
                  <td className="py-2">
                    <CapacityForm
                      action={setReviewerCapacityAction}
                      userId={reviewer.id}
                      expectedUpdatedAt={reviewer.updatedAt}
                      capacity={reviewer.capacity}
                      label={t('capacityFor', { name: reviewer.displayName })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
