// Confirmation after filing (GOV.UK pattern): the reference number, what happens next and by when (Asia/Shanghai),
// how to check progress, and that an SMS with the reference was sent. Only the case's citizen sees it.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ReceiptPanel } from '@/components/audit/receipt-panel';
import { findCaseReceipt } from '@/lib/audit/receipts';
import { requireUser } from '@/lib/auth/scope';
import { getCitizenCase } from '@/lib/cases/views/citizen-queries';
import { formatDateTime } from '@/lib/i18n/format-date';

type Params = Promise<{ caseId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('citizenConfirmation');
  return { title: t('title') };
}

export default async function FilingConfirmationPage({ params }: { params: Params }) {
  const { caseId } = await params;
  const user = await requireUser(['CITIZEN'], `/my-cases/${caseId}/confirmation`);
  const view = await getCitizenCase(user, caseId);
  if (!view) notFound();
  const [t, locale, receipt] = await Promise.all([
    getTranslations('citizenConfirmation'),
    getLocale(),
    findCaseReceipt(view.id, 'CASE_FILED'),
  ]);
  // A recognition complaint is handled where the code was refused; a code appeal where it was issued.
  const province =
    view.type === 'RECOGNITION_COMPLAINT'
      ? (view.refusingProvinceName ?? view.issuingProvinceName)
      : view.issuingProvinceName;
  const dueAt = view.deadline?.dueAt;
  return (
    <div className="max-w-3xl">
      <div className="mb-8 bg-action px-6 py-8 text-center text-white" data-testid="confirmation-panel">
        <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
        <p className="mb-1 text-lg">{t('referenceLabel')}</p>
        <p className="m-0 break-all font-mono text-2xl font-bold sm:text-3xl" data-testid="confirmation-reference">
          {view.reference}
        </p>
      </div>
      {view.mobileMasked ? <p className="mb-6 text-lg">{t('sms', { mobile: view.mobileMasked })}</p> : null}
      <h2 className="mb-3 text-2xl font-bold">{t('nextHeading')}</h2>
      <ul className="mb-8 list-disc pl-6">
        <li className="mb-2">{t('next1', { province })}</li>
        {dueAt ? (
          <li className="mb-2 font-semibold" data-testid="confirmation-deadline">
            {t('next2', { time: formatDateTime(dueAt, locale) })}
          </li>
        ) : null}
        <li className="mb-2">{t('next3')}</li>
        <li className="mb-2">{t('next4')}</li>
      </ul>
      {receipt ? <ReceiptPanel receipt={receipt} /> : null}
      <h2 className="mb-3 text-2xl font-bold">{t('checkHeading')}</h2>
      <p className="mb-2">
        {t('checkMine')} <Link href="/my-cases">{t('checkMineLink')}</Link>
      </p>
      <p className="mb-8">
        {t('checkStatus')} <Link href="/status">{t('checkStatusLink')}</Link>
      </p>
      <p>
        <Link href={`/my-cases/${view.id}`} className="button button-secondary">
          {t('viewCase')}
        </Link>
      </p>
    </div>
  );
}
