// The reason catalogue: its published versions (with how many cases each one governs) and the reasons in force.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ReasonTable } from '@/components/admin/reason-table';
import { TableScroll } from '@/components/admin/table-scroll';
import { getCatalogueVersion, listCatalogueVersions } from '@/lib/admin/list-catalogue-versions';
import { requireUser } from '@/lib/auth/scope';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.catalogue');
  return { title: t('title') };
}

export default async function CataloguePage() {
  const user = await requireUser(['ADMIN'], '/admin/catalogue');
  const [t, format, versions] = await Promise.all([
    getTranslations('admin.catalogue'),
    getFormatter(),
    listCatalogueVersions(user),
  ]);
  const latest = versions.length > 0 ? await getCatalogueVersion(user) : null;
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 text-muted">{t('intro')}</p>
      <p className="mb-8">
        <Link href="/admin/catalogue/new" className="button">
          {t('publishNew')}
        </Link>
      </p>
      <h2 className="mb-2 text-2xl font-bold">{t('versionsHeading')}</h2>
      <TableScroll label={t('versionsCaption')} className="mb-10">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t('versionsCaption')}</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">
                {t('version')}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t('publishedAt')}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t('reasons')}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t('cases')}
              </th>
              <th scope="col" className="py-2">
                {t('note')}
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.id} className="border-b border-rule" data-testid={`catalogue-v${version.version}`}>
                <th scope="row" className="py-2 pr-3 font-normal">
                  <Link href={`/admin/catalogue/${version.version}`}>
                    {t('versionLabel', { version: version.version })}
                  </Link>
                </th>
                <td className="py-2 pr-3">{format.dateTime(version.publishedAt, { dateStyle: 'medium' })}</td>
                <td className="py-2 pr-3 text-right">{version.reasons}</td>
                <td className="py-2 pr-3 text-right">{version.cases}</td>
                <td className="py-2">{version.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {latest ? (
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading" className="mb-2 text-2xl font-bold">
            {t('inForce', { version: latest.version })}
          </h2>
          <ReasonTable reasons={latest.reasons} caption={t('reasonsCaption', { version: latest.version })} />
        </section>
      ) : null}
    </div>
  );
}
