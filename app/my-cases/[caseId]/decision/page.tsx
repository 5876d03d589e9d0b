// The printable decision page of a citizen's case: outcome in plain words, the rule, the reasons; the 15-day
// second-level review (with its form while allowed) and the routes beyond it; after a second-level review both
// decisions. Not the citizen's case, or no decision yet: 404.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { CaseActionForm } from '@/components/citizen/case-action-form';
import { PrintButton } from '@/components/citizen/print-button';
import '@/components/citizen/printable.css';
import { ReceiptPanel } from '@/components/audit/receipt-panel';
import { findCaseReceipt } from '@/lib/audit/receipts';
import { requireUser } from '@/lib/auth/scope';
import { getCitizenDecisions } from '@/lib/cases/views/citizen-queries';
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
  const view = await getCitizenDecisions(user, caseId);
  if (!view) notFound();
  const hasSecond = view.decisions.some((decision) => decision.level === 'SECOND');
  const [t, tTerms, tTypes, format, locale, receipt] = await Promise.all([
    getTranslations('citizenDecision'),
    getTranslations('citizenTerms'),
    getTranslations('caseTypes'),
    getFormatter(),
    getLocale(),
    findCaseReceipt(view.caseId, hasSecond ? 'SECOND_REVIEW_DECIDED' : ['CASE_DECIDED', 'CASE_DECIDED_AS_GROUP']),
  ]);
  const long = { dateStyle: 'long', timeStyle: 'short' } as const;
  const beijing = (at: Date) => `${format.dateTime(at, long)}${tTerms('beijingTime')}`;
  return (
    <article className="max-w-3xl" data-printable>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-4" data-print="hide">
        <Link href={`/my-cases/${view.caseId}`}>{t('backToCase')}</Link>
        <PrintButton label={t('print')} />
      </div>
      <h1 className="mb-1 text-3xl font-bold">{t('title', { reference: view.reference })}</h1>
      <p className="mb-8 text-muted">
        {t('caseLine', { type: tTypes(view.type), time: format.dateTime(view.filedAt, long) })}
      </p>

      {view.decisions.map((decision, position) => {
        const superseded = position < view.decisions.length - 1;
        return (
          <section
            key={decision.level}
            aria-labelledby={`decision-${decision.level}`}
            className={`mb-8 border-l-4 px-4 py-3 ${superseded ? 'border-rule' : 'border-action bg-panel'}`}
            data-testid={`decision-${decision.level}`}
          >
            <h2 id={`decision-${decision.level}`} className="mb-2 text-2xl font-bold">
              {tTerms(`decisionLevels.${decision.level}`)}
            </h2>
            <p className="mb-3 font-semibold">{superseded ? t('superseded') : t('inForce')}</p>
            <dl className="m-0">
              <dt className="font-semibold">{t('outcome')}</dt>
              <dd className="mb-3 ml-0 text-xl font-bold" data-testid="decision-outcome">
                {tTerms(`decisionOutcomes.${decision.outcome}`)}
              </dd>
              <dt className="font-semibold">{t('decidedAt')}</dt>
              <dd className="mb-3 ml-0">{beijing(decision.decidedAt)}</dd>
              <dt className="font-semibold">{t('rule')}</dt>
              <dd className="mb-3 ml-0">{locale === 'en' ? decision.rule.nameEn : decision.rule.nameZh}</dd>
              <dt className="font-semibold">{t('reasons')}</dt>
              <dd className="m-0 whitespace-pre-wrap break-words" data-testid="decision-reasons">
                {decision.reasons}
              </dd>
            </dl>
          </section>
        );
      })}

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

      <Section id="beyond-heading" heading={t('beyondHeading')}>
        <ul className="list-disc pl-6">
          <li className="mb-2">{t('reconsideration')}</li>
          <li className="mb-2">{t('litigation')}</li>
          {hasSecond ? <li className="mb-2">{t('afterSecond')}</li> : null}
        </ul>
      </Section>
    </article>
  );
}
