// Create a staff account: role and scope, a temporary password shown once.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { StaffCreateForm } from '@/components/admin/staff-create-form';
import { listProvinces } from '@/lib/reference/divisions';
import { requireUser } from '@/lib/auth/scope';
import { createStaffAccountAction, listUnitsAction } from '@/app/admin/staff/actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.staffNew');
  return { title: t('title') };
}

export default async function NewStaffPage() {
  await requireUser(['ADMIN'], '/admin/staff/new');
  const [t, provinces] = await Promise.all([getTranslations('admin.staffNew'), listProvinces()]);
  return (
    <div className="max-w-2xl">
      <p className="mb-4">
        <Link href="/admin/staff">{t('back')}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 text-muted">{t('intro')}</p>
      <StaffCreateForm action={createStaffAccountAction} listUnits={listUnitsAction} provinces={provinces} />
    </div>
  );
}
