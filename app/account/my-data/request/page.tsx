// A new request about one appeal's personal data (SPEC §17): correct its contact number, or delete it early once closed.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataRequestForm } from '@/components/privacy/data-request-form';
import { fileDataRequestAction } from '@/app/account/my-data/actions';
import { requireUser } from '@/lib/auth/scope';
import { listRequestableCases } from '@/lib/privacy/queries';
import { DATA_REQUEST_DAYS } from '@/lib/privacy/retention-periods';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('privacy.request');
  return { title: t('title') };
}

export default async function DataRequestPage() {
  const user = await requireUser(['CITIZEN'], '/account/my-data/request');
  const [cases, t] = await Promise.all([listRequestableCases(user), getTranslations('privacy.request')]);
  const options = cases.map((row) => ({
    id: row.id,
    closed: row.closed,
    label: t('caseOption', { reference: row.reference, status: row.closed ? t('caseClosed') : t('caseOpen') }),
  }));
  return (
    <div className="max-w-2xl">
      <p className="mb-4">
        <Link href="/account/my-data">{t('back')}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6">{t('intro', { days: DATA_REQUEST_DAYS })}</p>
      {options.length === 0 ? (
        <p role="status">{t('noCases')}</p>
      ) : (
        <DataRequestForm cases={options} doneHref="/account/my-data?done=requested" action={fileDataRequestAction} />
      )}
    </div>
  );
}
