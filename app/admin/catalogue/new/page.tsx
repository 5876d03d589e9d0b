// Publish a new version of the reason catalogue, starting from a copy of the version in force.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CatalogueForm } from '@/components/admin/catalogue-form';
import { getCatalogueVersion } from '@/lib/admin/list-catalogue-versions';
import { orNotFound } from '@/lib/admin/page-guard';
import { requireUser } from '@/lib/auth/scope';
import { publishCatalogueVersionAction } from '@/app/admin/catalogue/actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.catalogueNew');
  return { title: t('title') };
}

export default async function NewCatalogueVersionPage() {
  const user = await requireUser(['ADMIN'], '/admin/catalogue/new');
  const latest = await orNotFound(getCatalogueVersion(user));
  if (!latest) notFound();
  const t = await getTranslations('admin.catalogueNew');
  return (
    <div>
      <p className="mb-4">
        <Link href="/admin/catalogue">{t('back')}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 text-muted">{t('intro', { version: latest.version })}</p>
      <CatalogueForm action={publishCatalogueVersionAction} basedOnVersion={latest.version} reasons={latest.reasons} />
    </div>
  );
}
