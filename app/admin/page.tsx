// Administrator home: staff accounts by role and province (administrators manage staff, not cases), and the sections.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Stat, StatList } from '@/components/ui/stat';
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
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-2 text-muted">{t('intro')}</p>
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
      </ul>
      <StatList>
        <Stat label={tRoles('REVIEWER')} value={home.totals.REVIEWER} testId="total-REVIEWER" />
        <Stat label={tRoles('SUPERVISOR')} value={home.totals.SUPERVISOR} testId="total-SUPERVISOR" />
        <Stat label={tRoles('ADMIN')} value={home.totals.ADMIN} testId="total-ADMIN" />
      </StatList>
      <h2 className="mb-2 text-2xl font-bold">{t('byProvinceHeading')}</h2>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{t('byProvinceCaption')}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-2">
              {t('province')}
            </th>
            <th scope="col" className="py-2 pr-2 text-right">
              {tRoles('REVIEWER')}
            </th>
            <th scope="col" className="py-2 pr-2 text-right">
              {tRoles('SUPERVISOR')}
            </th>
            <th scope="col" className="py-2 pr-2 text-right">
              {tRoles('ADMIN')}
            </th>
            <th scope="col" className="py-2 text-right">
              {t('inactive')}
            </th>
          </tr>
        </thead>
        <tbody>
          {home.rows.map((row) => (
            <tr key={row.provinceCode ?? 'national'} className="border-b border-rule">
              <th scope="row" className="py-2 pr-2 font-normal">
                {row.provinceName ?? t('national')}
              </th>
              <td className="py-2 pr-2 text-right" data-testid={`staff-${row.provinceCode ?? 'national'}-REVIEWER`}>
                {row.counts.REVIEWER}
              </td>
              <td className="py-2 pr-2 text-right" data-testid={`staff-${row.provinceCode ?? 'national'}-SUPERVISOR`}>
                {row.counts.SUPERVISOR}
              </td>
              <td className="py-2 pr-2 text-right" data-testid={`staff-${row.provinceCode ?? 'national'}-ADMIN`}>
                {row.counts.ADMIN}
              </td>
              <td className="py-2 text-right">{row.inactive}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
