// Withdrawing an appeal before a decision, behind a confirmation page with an optional reason. Not the citizen's case:
// 404; already decided or ended: says so instead of offering the button.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CaseActionForm } from '@/components/citizen/case-action-form';
import { requireUser } from '@/lib/auth/scope';
import { getCitizenCase } from '@/lib/cases/views/citizen-queries';
import { withdrawCaseAction } from '@/app/my-cases/[caseId]/actions';

type Params = Promise<{ caseId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('citizenCase');
  return { title: t('withdrawHeading') };
}

export default async function WithdrawCasePage({ params }: { params: Params }) {
  const { caseId } = await params;
  const user = await requireUser(['CITIZEN'], `/my-cases/${caseId}/withdraw`);
  const view = await getCitizenCase(user, caseId);
  if (!view) notFound();
  const t = await getTranslations('citizenWithdraw');
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href={`/my-cases/${view.id}`}>{t('cancel')}</Link>
      </p>
      <p className="mb-1 text-muted">{t('title', { reference: view.reference })}</p>
      <h1 className="mb-4 text-3xl font-bold">{t('heading')}</h1>
      {view.canWithdraw ? (
        <>
          <p className="mb-6 border-l-4 border-danger pl-3 font-semibold">{t('warning')}</p>
          <CaseActionForm
            action="withdraw"
            submit={withdrawCaseAction}
            caseId={view.id}
            version={view.version}
            reasonLabel={t('reasonLabel')}
            reasonHint={t('reasonHint')}
            submitLabel={t('confirm')}
            submittingLabel={t('submitting')}
            doneHref={`/my-cases/${view.id}?done=withdrawn`}
            danger
          />
        </>
      ) : (
        <p role="status">{t('notAllowed')}</p>
      )}
    </div>
  );
}
