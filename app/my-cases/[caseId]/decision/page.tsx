// The decision letter (决定书) of a citizen's case, printable and as a PDF drawn from the same blocks: authority,
// applicant, case, facts, rule, outcome, reasons, the routes with their last dates; the 15-day second-level review
// form while allowed; the audit receipt. Not the citizen's case, or no decision yet: 404.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CaseActionForm } from '@/components/citizen/case-action-form';
import { PrintButton } from '@/components/citizen/print-button';
import '@/components/citizen/printable.css';
import { ReceiptPanel } from '@/components/audit/receipt-panel';
import { findCaseReceipt } from '@/lib/audit/receipts';
import { requireUser } from '@/lib/auth/scope';
import { getDecisionLetter } from '@/lib/cases/views/decision-letter';
import { composeDecisionLetter } from '@/lib/cases/views/decision-letter-layout';
import { requestLetterFormat } from '@/lib/i18n/letter-format';
import { DecisionLetter } from '@/components/citizen/decision-letter';
import { requestSecondReviewAction } from '@/app/my-cases/[caseId]/actions';
import { Section } from '@/components/ui/section';

type Params = Promise<{ caseId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('citizenCase');
  return { title: t('decisionHeading') };
}

export default async function CitizenDecisionPage({ params }: { params: Params }) {
  const { caseId } = await params;
  const user = await requireUser(['CITIZEN'], `/my-cases/${caseId}/decision`);
  const view = await getDecisionLetter(user, caseId);
  if (!view) notFound();
  const hasSecond = view.decisions.some((decision) => decision.level === 'SECOND');
  const [t, tLetter, letterFormat, receipt] = await Promise.all([
    getTranslations('citizenDecision'),
    getTranslations('decisionLetter'),
    requestLetterFormat(),
    findCaseReceipt(view.caseId, hasSecond ? 'SECOND_REVIEW_DECIDED' : ['CASE_DECIDED', 'CASE_DECIDED_AS_GROUP']),
  ]);
  const beijing = letterFormat.dateTime;
  return (
    <article className="max-w-3xl" data-printable>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-4" data-print="hide">
        <Link href={`/my-cases/${view.caseId}`}>{t('backToCase')}</Link>
        <div className="flex flex-wrap gap-3">
          <PrintButton label={t('print')} />
          <a className="button button-secondary" href={`/my-cases/${view.caseId}/decision/pdf`} download>
            {tLetter('downloadPdf')}
          </a>
        </div>
      </div>
      <DecisionLetter blocks={composeDecisionLetter(view, letterFormat)} />

      {receipt ? <ReceiptPanel receipt={receipt} /> : null}

      {hasSecond ? null : (
        <Section id="second-review-heading" heading={t('secondReviewHeading')} testId="second-review">
          {view.secondReviewRequestedAt ? (
            <>
              <p className="mb-2 font-semibold" data-testid="second-review-requested">
                {t('secondReviewRequested', { time: beijing(view.secondReviewRequestedAt) })}
              </p>
              {view.secondReviewDueAt ? (
                <p className="mb-2">{t('secondReviewDue', { time: beijing(view.secondReviewDueAt) })}</p>
              ) : null}
            </>
          ) : view.canRequestSecondReview && view.secondReviewDeadlineAt ? (
            <>
              <p className="mb-4">{t('secondReviewOpen', { time: beijing(view.secondReviewDeadlineAt) })}</p>
              <div data-print="hide">
                <CaseActionForm
                  action="secondReview"
                  submit={requestSecondReviewAction}
                  caseId={view.caseId}
                  version={view.version}
                  reasonLabel={t('reasonLabel')}
                  reasonHint={t('reasonHint')}
                  submitLabel={t('submit')}
                  submittingLabel={t('submitting')}
                  doneHref={`/my-cases/${view.caseId}/decision`}
                />
              </div>
            </>
          ) : view.secondReviewDeadlineAt ? (
            <p className="mb-2">{t('secondReviewClosed', { time: beijing(view.secondReviewDeadlineAt) })}</p>
          ) : null}
        </Section>
      )}
    </article>
  );
}
