// Deadline policies: the national maxima in force, and per province its latest version and what applies there.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PolicyValues, POLICY_RULES } from '@/components/admin/policy-values';
import { TableScroll } from '@/components/admin/table-scroll';
import { listDeadlinePolicies } from '@/lib/admin/list-deadline-policies';
import { requireUser } from '@/lib/auth/scope';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.policies');
  return { title: t('title') };
}

export default async function PoliciesPage() {
  const user = await requireUser(['ADMIN'], '/admin/policies');
  const [t, format, policies] = await Promise.all([
    getTranslations('admin.policies'),
    getFormatter(),
    listDeadlinePolicies(user),
  ]);
  const { national, rows } = policies;
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 text-muted">{t('intro')}</p>
      <section aria-labelledby="national-heading" className="mb-8 max-w-xl border-l-4 border-ink bg-panel px-4 py-3">
        <h2 id="national-heading" className="mb-2 text-xl font-bold">
          {national ? t('nationalHeading', { version: national.version }) : t('nationalMissing')}
        </h2>
        {national ? (
          <>
            <PolicyValues values={national} testId="national-policy" />
            <p className="mb-0 mt-2 text-sm text-muted">
              {t('nationalSince', { date: format.dateTime(national.effectiveFrom, { dateStyle: 'long' }) })}
            </p>
          </>
        ) : null}
      </section>
      <h2 className="mb-2 text-2xl font-bold">{t('provincesHeading')}</h2>
      <TableScroll label={t('caption')}>
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t('caption')}</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">
                {t('province')}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t('latestVersion')}
              </th>
              {POLICY_RULES.map((rule) => (
                <th key={rule} scope="col" className="py-2 pr-3 text-right">
                  {t(`short.${rule}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.provinceCode} className="border-b border-rule" data-testid={`policy-${row.provinceCode}`}>
                <th scope="row" className="py-2 pr-3 font-normal">
                  <Link href={`/admin/policies/${row.provinceCode}`}>{row.provinceName}</Link>
                </th>
                <td className="py-2 pr-3">
                  {row.latest ? t('version', { version: row.latest.version }) : t('usesNational')}
                </td>
                {POLICY_RULES.map((rule) => (
                  <td key={rule} className="py-2 pr-3 text-right">
                    {row.effective ? row.effective[rule] : '—'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="mt-2 text-sm text-muted">{t('tableNote')}</p>
    </div>
  );
}
