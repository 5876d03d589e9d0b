// A citizen's case page: status and deadline (paused or not), the progress timeline, the reviewer's questions with the
// reply form, the evidence files, the decision when there is one, and withdrawal before a decision. Not the citizen's
// case (or no such case): 404.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CaseDetails, CaseTimeline, DeadlinePanel, EvidenceList } from '@/components/citizen/case-sections';
import { ReplyForm } from '@/components/citizen/reply-form';
import { requireUser } from '@/lib/auth/scope';
import { getCitizenCase, getCitizenDecisions } from '@/lib/cases/views/citizen-queries';
import { replyToRequestAction, requestInterimReliefAction } from '@/app/my-cases/[caseId]/actions';
import { CaseReliefSection } from '@/components/relief/case-relief-section';
import { getCaseRelief } from '@/lib/cases/views/interim-relief';
import { Section } from '@/components/ui/section';
import { formatDateTime } from '@/lib/i18n/format-date';

type Params = Promise<{ caseId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const DONE = ['replied', 'withdrawn', 'secondReview'] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('myCases');
  return { title: t('title') };
}

export default async function CitizenCasePage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { caseId } = await params;
  const user = await requireUser(['CITIZEN'], `/my-cases/${caseId}`);
  const view = await getCitizenCase(user, caseId);
  if (!view) notFound();
  const [decisions, relief] = await Promise.all([
    view.decided ? getCitizenDecisions(user, caseId) : null,
    getCaseRelief(user, caseId),
  ]);
  const requested = (await searchParams).done;
  const done = DONE.find((value) => value === requested);
  const [t, tStates, tTerms, locale] = await Promise.all([
    getTranslations('citizenCase'),
    getTranslations('citizenStates'),
    getTranslations('citizenTerms'),
    getLocale(),
  ]);
  const inForce = decisions?.decisions.at(-1);
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href="/my-cases">{t('backToList')}</Link>
      </p>
      {done ? (
        <p
          role="status"
          className="mb-6 border-l-4 border-action bg-panel px-4 py-3 font-semibold"
          data-testid="done-banner"
        >
          {t(`done.${done}`)}
        </p>
      ) : null}
      <h1 className="mb-1 text-3xl font-bold" data-testid="case-heading">
        {t('title', { reference: view.reference })}
      </h1>
      <p className="mb-4 text-muted">{t('filedAt', { time: formatDateTime(view.filedAt, locale) })}</p>
      <p className="mb-0 text-muted">{t('status')}</p>
      <p className="mb-6 text-xl font-bold" data-testid="case-status">
        {tStates(view.state)}
      </p>

      <DeadlinePanel deadline={view.deadline} />

      {relief ? <CaseReliefSection view={relief} request={requestInterimReliefAction} /> : null}

      {view.requests.length > 0 ? (
        <Section id="requests-heading" heading={t('requestsHeading')}>
          <ol className="m-0 list-none p-0">
            {view.requests.map((request) => (
              <li key={request.id} className="mb-4 border-b border-rule pb-4" data-testid="information-request">
                <p className="mb-1 text-sm text-muted">
                  {t('requestAsked', { time: formatDateTime(request.requestedAt, locale) })}
                </p>
                <p className="mb-2 whitespace-pre-wrap break-words border-l-4 border-rule pl-3">{request.message}</p>
                {request.repliedAt ? (
                  <>
                    <p className="mb-1 text-sm text-muted">
                      {t('requestReplied', { time: formatDateTime(request.repliedAt, locale) })}
                    </p>
                    <p className="m-0 whitespace-pre-wrap break-words pl-3">{request.replyText}</p>
                  </>
                ) : request.id === view.openRequestId ? (
                  <>
                    <p className="mb-3 font-semibold">
                      {t('requestDue', {
                        time: `${formatDateTime(request.replyDueAt, locale)}${tTerms('beijingTime')}`,
                      })}
                    </p>
                    <ReplyForm action={replyToRequestAction} caseId={view.id} version={view.version} />
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </Section>
      ) : null}

      {decisions && inForce ? (
        <Section
          id="decision-heading"
          heading={t('decisionHeading')}
          className="mb-8 border-l-4 border-action bg-panel px-4 py-3"
          testId="decision-summary"
        >
          <p className="mb-2 text-lg font-semibold">
            {t('decisionReady', {
              level: tTerms(`decisionLevels.${inForce.level}`),
              outcome: tTerms(`decisionOutcomes.${inForce.outcome}`),
            })}
          </p>
          {view.correctionSentAt ? (
            <p className="mb-1">{t('correctionSent', { time: formatDateTime(view.correctionSentAt, locale) })}</p>
          ) : null}
          {view.correctionConfirmedAt ? (
            <p className="mb-1">
              {t('correctionConfirmed', { time: formatDateTime(view.correctionConfirmedAt, locale) })}
            </p>
          ) : view.correctionSentAt ? (
            <p className="mb-1">{t('correctionPending')}</p>
          ) : null}
          <p className="m-0">
            <Link href={`/my-cases/${view.id}/decision`} data-testid="view-decision">
              {t('viewDecision')}
            </Link>
          </p>
        </Section>
      ) : null}

      <CaseTimeline entries={view.timeline} />
      <EvidenceList files={view.evidence} />
      <CaseDetails view={view} />

      {view.canWithdraw ? (
        <Section id="withdraw-heading" heading={t('withdrawHeading')} className="mb-8 border-t border-rule pt-4">
          <p className="mb-2">{t('withdrawIntro')}</p>
          <p className="m-0">
            <Link href={`/my-cases/${view.id}/withdraw`} data-testid="withdraw-link">
              {t('withdrawLink')}
            </Link>
          </p>
        </Section>
      ) : null}
    </div>
  );
}
