// Anyone can check an appeal's progress with its reference number and a code sent to the phone on the case (SPEC §11).
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { StatusCheck } from '@/components/citizen/status-check';
import { checkStatusCodeAction, requestStatusCodeAction } from '@/app/status/actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('citizenStatus');
  return { title: t('title') };
}

export default async function StatusPage() {
  const t = await getTranslations('citizenStatus');
  return (
    <div className="max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6">{t('intro')}</p>
      <StatusCheck requestCode={requestStatusCodeAction} checkCode={checkStatusCodeAction} />
    </div>
  );
}
