// Staff accounts: filter by role, province and status (a plain GET form), the list, and the way to create an account.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { FilterForm } from '@/components/ui/filter-form';
import { listProvinces } from '@/lib/reference/divisions';
import { listStaffAccounts, type StaffFilter } from '@/lib/admin/list-staff-accounts';
import { STAFF_ROLES, type StaffRole } from '@/lib/admin/schemas';
import { requireUser } from '@/lib/auth/scope';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.staff');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseFilter(params: Record<string, string | string[] | undefined>): StaffFilter {
  const role = first(params.role);
  const province = first(params.province);
  const status = first(params.status);
  const page = Number(first(params.page));
  return {
    role: (STAFF_ROLES as readonly string[]).includes(role ?? '') ? (role as StaffRole) : undefined,
    province: province === 'national' || /^\d{2}$/.test(province ?? '') ? province : undefined,
    status: status === 'active' || status === 'inactive' ? status : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export default async function StaffListPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser(['ADMIN'], '/admin/staff');
  const filter = parseFilter(await searchParams);
  const [t, tRoles, list, provinces] = await Promise.all([
    getTranslations('admin.staff'),
    getTranslations('roles'),
    listStaffAccounts(user, filter),
    listProvinces(),
  ]);
  const provinceName = (code: string | null) =>
    code ? (provinces.find((p) => p.code === code)?.name ?? code) : t('national');
  const pageLink = (page: number) => {
    const query = new URLSearchParams();
    if (filter.role) query.set('role', filter.role);
    if (filter.province) query.set('province', filter.province);
    if (filter.status) query.set('status', filter.status);
    query.set('page', String(page));
    return `/admin/staff?${query.toString()}`;
  };
  return (
    <div>
      <PageHeader title={t('title')} intro={t('intro')} introClassName="mb-4" />
      <p className="mb-6">
        <Link href="/admin/staff/new" className="button">
          {t('create')}
        </Link>
      </p>

      <FilterForm
        action="/admin/staff"
        label={t('filterLabel')}
        anyLabel={t('any')}
        applyLabel={t('apply')}
        filters={[
          {
            name: 'role',
            label: t('role'),
            value: filter.role,
            options: STAFF_ROLES.map((role) => ({ value: role, label: tRoles(role) })),
          },
          {
            name: 'province',
            label: t('province'),
            value: filter.province,
            options: [
              { value: 'national', label: t('national') },
              ...provinces.map((province) => ({ value: province.code, label: province.name })),
            ],
          },
          {
            name: 'status',
            label: t('status'),
            value: filter.status,
            options: [
              { value: 'active', label: t('active') },
              { value: 'inactive', label: t('inactive') },
            ],
          },
        ]}
      />

      <p className="mb-2" role="status" data-testid="staff-total">
        {t('total', { count: list.total })}
      </p>
      <DataTable
        caption={t('caption')}
        columns={[
          { id: 'displayName', header: t('displayName') },
          { id: 'username', header: t('username'), className: 'font-mono' },
          { id: 'role', header: t('role') },
          { id: 'province', header: t('province') },
          { id: 'status', header: t('status') },
          { id: 'secondFactor', header: t('secondFactor') },
        ]}
        rows={list.rows.map((row) => ({
          id: row.id,
          attributes: { 'data-testid': `staff-row-${row.username}` },
          cells: {
            displayName: <Link href={`/admin/staff/${row.id}`}>{row.displayName}</Link>,
            username: row.username,
            role: tRoles(row.role),
            province: provinceName(row.provinceCode),
            status: row.active ? t('active') : t('inactive'),
            secondFactor: row.secondFactor ? t('enrolled') : t('notEnrolled'),
          },
        }))}
      />
      {list.rows.length === 0 ? <p className="mt-4">{t('empty')}</p> : null}
      {list.pages > 1 ? (
        <nav aria-label={t('pagination')} className="mt-6 flex flex-wrap items-center gap-6">
          {list.page > 1 ? <Link href={pageLink(list.page - 1)}>{t('previous')}</Link> : null}
          <span>{t('pageOf', { page: list.page, pages: list.pages })}</span>
          {list.page < list.pages ? <Link href={pageLink(list.page + 1)}>{t('next')}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
