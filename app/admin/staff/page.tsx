// Staff accounts: filter by role, province and status (a plain GET form), the list, and the way to create an account.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TableScroll } from '@/components/admin/table-scroll';
import { SelectField } from '@/components/ui/select-field';
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
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-4 text-muted">{t('intro')}</p>
      <p className="mb-6">
        <Link href="/admin/staff/new" className="button">
          {t('create')}
        </Link>
      </p>

      <form
        method="get"
        action="/admin/staff"
        className="mb-6 grid gap-x-4 sm:grid-cols-4 sm:items-end"
        aria-label={t('filterLabel')}
      >
        <SelectField id="filter-role" name="role" label={t('role')} defaultValue={filter.role ?? ''}>
          <option value="">{t('any')}</option>
          {STAFF_ROLES.map((role) => (
            <option key={role} value={role}>
              {tRoles(role)}
            </option>
          ))}
        </SelectField>
        <SelectField id="filter-province" name="province" label={t('province')} defaultValue={filter.province ?? ''}>
          <option value="">{t('any')}</option>
          <option value="national">{t('national')}</option>
          {provinces.map((province) => (
            <option key={province.code} value={province.code}>
              {province.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="filter-status" name="status" label={t('status')} defaultValue={filter.status ?? ''}>
          <option value="">{t('any')}</option>
          <option value="active">{t('active')}</option>
          <option value="inactive">{t('inactive')}</option>
        </SelectField>
        <div className="mb-5">
          <button type="submit" className="button button-secondary">
            {t('apply')}
          </button>
        </div>
      </form>

      <p className="mb-2" role="status" data-testid="staff-total">
        {t('total', { count: list.total })}
      </p>
      <TableScroll label={t('caption')}>
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t('caption')}</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">
                {t('displayName')}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t('username')}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t('role')}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t('province')}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t('status')}
              </th>
              <th scope="col" className="py-2">
                {t('secondFactor')}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <tr key={row.id} className="border-b border-rule" data-testid={`staff-row-${row.username}`}>
                <th scope="row" className="py-2 pr-3 font-normal">
                  <Link href={`/admin/staff/${row.id}`}>{row.displayName}</Link>
                </th>
                <td className="py-2 pr-3 font-mono">{row.username}</td>
                <td className="py-2 pr-3">{tRoles(row.role)}</td>
                <td className="py-2 pr-3">{provinceName(row.provinceCode)}</td>
                <td className="py-2 pr-3">{row.active ? t('active') : t('inactive')}</td>
                <td className="py-2">{row.secondFactor ? t('enrolled') : t('notEnrolled')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
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
