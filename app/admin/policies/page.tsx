// Deadline policies: the national maxima in force, and per province its latest version and what applies there.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PolicyValues, POLICY_RULES } from '@/components/admin/policy-values';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { listDeadlinePolicies } from '@/lib/admin/list-deadline-policies';
import { requireUser } from '@/lib/auth/scope';
import { formatDate } from '@/lib/i18n/format-date';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.policies');
  return { title: t('title') };
}

export default async function PoliciesPage() {
  const user = await requireUser(['ADMIN'], '/admin/policies');
  const [t, locale, policies] = await Promise.all([
    getTranslations('admin.policies'),
    getLocale(),
    listDeadlinePolicies(user),
  ]);
  const { national, rows } = policies;
  return (
    <div>
      <PageHeader title={t('title')} intro={t('intro')} />
      <section aria-labelledby="national-heading" className="mb-8 max-w-xl border-l-4 border-ink bg-panel px-4 py-3">
        <h2 id="national-heading" className="mb-2 text-xl font-bold">
          {national ? t('nationalHeading', { version: national.version }) : t('nationalMissing')}
        </h2>
        {national ? (
          <>
            <PolicyValues values={national} testId="national-policy" />
            <p className="mb-0 mt-2 text-sm text-muted">
              {t('nationalSince', { date: formatDate(national.effectiveFrom, locale) })}
            </p>
          </>
        ) : null}
      </section>
      <h2 className="mb-2 text-2xl font-bold">{t('provincesHeading')}</h2>
      <DataTable
        caption={t('caption')}
        columns={[
          { id: 'province', header: t('province') },
          { id: 'latest', header: t('latestVersion') },
          ...POLICY_RULES.map((rule) => ({ id: rule, header: t(`short.${rule}`), numeric: true })),
        ]}
        rows={rows.map((row) => ({
          id: row.provinceCode,
          attributes: { 'data-testid': `policy-${row.provinceCode}` },
          cells: {
            province: <Link href={`/admin/policies/${row.provinceCode}`}>{row.provinceName}</Link>,
            latest: row.latest ? t('version', { version: row.latest.version }) : t('usesNational'),
            ...Object.fromEntries(POLICY_RULES.map((rule) => [rule, row.effective ? row.effective[rule] : '—'])),
          },
        }))}
      />
      <p className="mt-2 text-sm text-muted">{t('tableNote')}</p>
    </div>
  );
}
