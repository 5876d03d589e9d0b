// One province's reviewer pool: each reviewer's unit, status, load and capacity (editable here).
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { CapacityForm } from '@/components/admin/capacity-form';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { getReviewerPool } from '@/lib/admin/get-reviewer-pool';
import { orNotFound } from '@/lib/admin/page-guard';
import { requireUser } from '@/lib/auth/scope';
import { setReviewerCapacityAction } from '@/app/admin/pools/actions';
import { formatDateTime } from '@/lib/i18n/format-date';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.pool');
  return { title: t('title') };
}

export default async function PoolPage({ params }: { params: Promise<{ provinceCode: string }> }) {
  const { provinceCode } = await params;
  const user = await requireUser(['ADMIN'], `/admin/pools/${encodeURIComponent(provinceCode)}`);
  const pool = await orNotFound(getReviewerPool(user, provinceCode));
  const [t, locale] = await Promise.all([getTranslations('admin.pool'), getLocale()]);
  return (
    <div>
      <p className="mb-4">
        <Link href="/admin/pools">{t('back')}</Link>
      </p>
      <PageHeader title={t('heading', { province: pool.provinceName })} intro={t('intro')} introClassName="mb-2" />
      <p className="mb-6" data-testid="pool-unassigned">
        {t('unassigned', { count: pool.unassigned })}
      </p>
      {pool.reviewers.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <DataTable
          caption={t('caption', { province: pool.provinceName })}
          columns={[
            { id: 'reviewer', header: t('reviewer') },
            { id: 'unit', header: t('unit') },
            { id: 'status', header: t('status') },
            { id: 'open', header: t('openCases'), numeric: true },
            { id: 'lastAssigned', header: t('lastAssigned') },
            { id: 'capacity', header: t('capacity') },
          ]}
          rows={pool.reviewers.map((reviewer) => ({
            id: reviewer.id,
            attributes: { 'data-testid': `reviewer-${reviewer.username}` },
            cells: {
              reviewer: (
                <>
                  <Link href={`/admin/staff/${reviewer.id}`}>{reviewer.displayName}</Link>
                  <span className="block font-mono text-sm text-muted">{reviewer.username}</span>
                </>
              ),
              unit: reviewer.unitName ?? reviewer.unitCode ?? '—',
              status: reviewer.active ? t('active') : t('inactive'),
              open: reviewer.openCases,
              lastAssigned: reviewer.lastAssignedAt ? formatDateTime(reviewer.lastAssignedAt, locale) : t('never'),
              capacity: (
                <CapacityForm
                  action={setReviewerCapacityAction}
                  account={{ userId: reviewer.id, expectedUpdatedAt: reviewer.updatedAt }}
                  capacity={reviewer.capacity}
                  label={t('capacityFor', { name: reviewer.displayName })}
                />
              ),
            },
          }))}
        />
      )}
    </div>
  );
}
