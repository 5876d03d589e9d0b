// Reviewer pools of every province: reviewers, combined capacity, open and unassigned cases.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
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
      <PageHeader title={t('title')} intro={t('intro')} />
      <DataTable
        caption={t('caption')}
        columns={[
          { id: 'province', header: t('province') },
          { id: 'active', header: t('activeReviewers'), numeric: true },
          { id: 'inactive', header: t('inactiveReviewers'), numeric: true },
          { id: 'capacity', header: t('capacity'), numeric: true },
          { id: 'open', header: t('openCases'), numeric: true },
          { id: 'unassigned', header: t('unassigned'), numeric: true },
        ]}
        rows={pools.map((pool) => ({
          id: pool.provinceCode,
          attributes: { 'data-testid': `pool-${pool.provinceCode}` },
          cellAttributes: { active: { 'data-testid': `pool-${pool.provinceCode}-active` } },
          cells: {
            province: <Link href={`/admin/pools/${pool.provinceCode}`}>{pool.provinceName}</Link>,
            active: pool.activeReviewers,
            inactive: pool.inactiveReviewers,
            capacity: pool.capacity,
            open: pool.openCases,
            unassigned: pool.unassigned,
          },
        }))}
      />
    </div>
  );
}
