// One published version of the reason catalogue (read-only: versions are never edited).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ReasonTable } from '@/components/admin/reason-table';
import { getCatalogueVersion } from '@/lib/admin/list-catalogue-versions';
import { orNotFound } from '@/lib/admin/page-guard';
import { requireUser } from '@/lib/auth/scope';
import { formatDate } from '@/lib/i18n/format-date';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.catalogue');
  return { title: t('title') };
}

export default async function CatalogueVersionPage({ params }: { params: Promise<{ version: string }> }) {
  const { version: raw } = await params;
  const user = await requireUser(['ADMIN'], `/admin/catalogue/${encodeURIComponent(raw)}`);
  if (!/^\d{1,6}$/.test(raw)) notFound();
  const version = await orNotFound(getCatalogueVersion(user, Number(raw)));
  const [t, locale] = await Promise.all([getTranslations('admin.catalogue'), getLocale()]);
  return (
    <div>
      <p className="mb-4">
        <Link href="/admin/catalogue">{t('back')}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t('versionHeading', { version: version.version })}</h1>
      <p className="mb-2 text-muted">
        {t('publishedOn', { date: formatDate(version.publishedAt, locale) })}{' '}
        {version.latest ? t('isLatest') : t('isOld')}
      </p>
      <p className="mb-6">{version.note}</p>
      <ReasonTable reasons={version.reasons} caption={t('reasonsCaption', { version: version.version })} />
    </div>
  );
}
