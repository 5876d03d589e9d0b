// Administrator home: staff accounts by role and province (administrators manage staff, not cases), and the sections.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { Stat, StatList } from '@/components/ui/stat';
import { STAFF_ROLES as ROLES } from '@/lib/admin/schemas';
import { requireUser } from '@/lib/auth/scope';
import { getAdminHome } from '@/lib/cases/views/summaries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('title') };
}

export default async function AdminHomePage() {
  await requireUser(['ADMIN'], '/admin');
  const [t, tRoles] = await Promise.all([getTranslations('admin'), getTranslations('roles')]);
  const home = await getAdminHome();
  return (
    <div>
      <PageHeader title={t('title')} intro={t('intro')} introClassName="mb-2" />
      <ul className="mb-6 list-disc pl-6">
        <li>
          <Link href="/admin/staff">{t('nav.staff')}</Link>: {t('sections.staff')}
        </li>
        <li>
          <Link href="/admin/pools">{t('nav.pools')}</Link>: {t('sections.pools')}
        </li>
        <li>
          <Link href="/admin/policies">{t('nav.policies')}</Link>: {t('sections.policies')}
        </li>
        <li>
          <Link href="/admin/calendar">{t('nav.calendar')}</Link>: {t('sections.calendar')}
        </li>
        <li>
          <Link href="/admin/catalogue">{t('nav.catalogue')}</Link>: {t('sections.catalogue')}
        </li>
        <li>
          <Link href="/admin/integration">{t('nav.integration')}</Link>: {t('sections.integration')}
        </li>
      </ul>
      <StatList>
        {ROLES.map((role) => (
          <Stat key={role} label={tRoles(role)} value={home.totals[role]} testId={`total-${role}`} />
        ))}
      </StatList>
      <h2 className="mb-2 text-2xl font-bold">{t('byProvinceHeading')}</h2>
      <DataTable
        caption={t('byProvinceCaption')}
        columns={[
          { id: 'province', header: t('province') },
          ...ROLES.map((role) => ({ id: role, header: tRoles(role), numeric: true })),
          { id: 'inactive', header: t('inactive'), numeric: true },
        ]}
        rows={home.rows.map((row) => {
          const key = row.provinceCode ?? 'national';
          return {
            id: key,
            cells: {
              province: row.provinceName ?? t('national'),
              ...Object.fromEntries(ROLES.map((role) => [role, row.counts[role]])),
              inactive: row.inactive,
            },
            cellAttributes: Object.fromEntries(ROLES.map((role) => [role, { 'data-testid': `staff-${key}-${role}` }])),
          };
        })}
      />
    </div>
  );
}
