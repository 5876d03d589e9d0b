// The reason catalogue: its published versions (with how many cases each one governs) and the reasons in force.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ReasonTable } from '@/components/admin/reason-table';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { getCatalogueVersion, listCatalogueVersions } from '@/lib/admin/list-catalogue-versions';
import { requireUser } from '@/lib/auth/scope';
import { Section } from '@/components/ui/section';
import { formatDate } from '@/lib/i18n/format-date';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.catalogue');
  return { title: t('title') };
}

export default async function CataloguePage() {
  const user = await requireUser(['ADMIN'], '/admin/catalogue');
  const [t, locale, versions] = await Promise.all([
    getTranslations('admin.catalogue'),
    getLocale(),
    listCatalogueVersions(user),
  ]);
  const latest = versions.length > 0 ? await getCatalogueVersion(user) : null;
  return (
    <div>
      <PageHeader title={t('title')} intro={t('intro')} />
      <p className="mb-8">
        <Link href="/admin/catalogue/new" className="button">
          {t('publishNew')}
        </Link>
      </p>
      <h2 className="mb-2 text-2xl font-bold">{t('versionsHeading')}</h2>
      <DataTable
        caption={t('versionsCaption')}
        className="mb-10"
        columns={[
          { id: 'version', header: t('version') },
          { id: 'publishedAt', header: t('publishedAt') },
          { id: 'reasons', header: t('reasons'), numeric: true },
          { id: 'cases', header: t('cases'), numeric: true },
          { id: 'note', header: t('note') },
        ]}
        rows={versions.map((version) => ({
          id: String(version.id),
          attributes: { 'data-testid': `catalogue-v${version.version}` },
          cells: {
            version: (
              <Link href={`/admin/catalogue/${version.version}`}>
                {t('versionLabel', { version: version.version })}
              </Link>
            ),
            publishedAt: formatDate(version.publishedAt, locale),
            reasons: version.reasons,
            cases: version.cases,
            note: version.note,
          },
        }))}
      />
      {latest ? (
        <Section id="latest-heading" heading={t('inForce', { version: latest.version })} className="">
          <ReasonTable reasons={latest.reasons} caption={t('reasonsCaption', { version: latest.version })} />
        </Section>
      ) : null}
    </div>
  );
}
