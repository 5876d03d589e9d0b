// One case as a supervisor sees it: summary, deadline with its explanation, decisions, correction, reassignment and
// the case's complete audit history. A case outside the supervisor's scope is 404.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AuditEventsTable } from '@/components/supervisor/audit-events-table';
import { formatTime } from '@/components/supervisor/format';
import { ReassignCaseForm } from '@/components/supervisor/reassign-forms';
import { requireUser } from '@/lib/auth/scope';
import { CaseNotFoundError } from '@/lib/core/errors';
import { getSupervisedCase } from '@/lib/supervision/case-detail';
import { supervisorScopeOf } from '@/lib/supervision/scope';
import { reassignCaseAction } from '@/app/supervise/actions';
import { decideInterimReliefAction } from '@/app/actions/decide-interim-relief';
import { CaseReliefSection } from '@/components/relief/case-relief-section';
import { getCaseRelief } from '@/lib/cases/views/interim-relief';
import { Section } from '@/components/ui/section';

type Params = Promise<{ reference: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: decodeURIComponent((await params).reference) };
}

async function loadCase(reference: string, user: Parameters<typeof supervisorScopeOf>[0]) {
  try {
    return await getSupervisedCase(supervisorScopeOf(user), reference);
  } catch (error) {
    if (error instanceof CaseNotFoundError) notFound();
    throw error;
  }
}

export default async function SupervisedCasePage({ params }: { params: Params }) {
  const reference = decodeURIComponent((await params).reference);
  const user = await requireUser(['SUPERVISOR'], `/supervise/cases/${encodeURIComponent(reference)}`);
  const found = await loadCase(reference, user);
  const relief = await getCaseRelief(supervisorScopeOf(user), found.id);
  const [t, tStates, tTypes, locale] = await Promise.all([
    getTranslations('supervise'),
    getTranslations('states'),
    getTranslations('caseTypes'),
    getLocale(),
  ]);
  const lang = locale === 'en' ? 'en' : 'zh';
  const inSecondReview = found.state === 'SECOND_REVIEW_REQUESTED' || found.state === 'IN_SECOND_REVIEW';
  return (
    <div>
      <p className="mb-4">
        <Link href="/supervise">{t('case.back')}</Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold" data-testid="case-reference">
        {found.reference}
      </h1>
      <Section id="summary-heading" heading={t('case.summaryHeading')}>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t('board.type')}</dt>
          <dd className="m-0">
            {tTypes(found.type)} · {t(`colours.${found.colour}`)}
          </dd>
          <dt className="font-semibold">{t('state')}</dt>
          <dd className="m-0" data-testid="case-state">
            {tStates(found.state)}
          </dd>
          <dt className="font-semibold">{t('case.province')}</dt>
          <dd className="m-0">{found.provinceName}</dd>
          <dt className="font-semibold">{t('case.issuing')}</dt>
          <dd className="m-0">
            {found.issuingProvinceName} {found.issuingUnitName}
          </dd>
          {found.refusingProvinceName ? (
            <>
              <dt className="font-semibold">{t('case.refusing')}</dt>
              <dd className="m-0">{found.refusingProvinceName}</dd>
            </>
          ) : null}
          <dt className="font-semibold">{t('case.statedReason')}</dt>
          <dd className="m-0">{found.statedReason ? found.statedReason[lang] : t('case.noReason')}</dd>
          <dt className="font-semibold">{t('case.overreach')}</dt>
          <dd className="m-0">{found.primaFacieOverreach ? t('case.yes') : t('case.no')}</dd>
          <dt className="font-semibold">{t('board.filedAt')}</dt>
          <dd className="m-0">{formatTime(found.filedAt, locale)}</dd>
          <dt className="font-semibold">{t('board.assignee')}</dt>
          <dd className="m-0" data-testid="case-assignee">
            {found.assigneeName ?? t('board.pool')}
          </dd>
        </dl>
        {inSecondReview ? (
          <p className="mt-3">
            <Link href={`/supervise/second-review/${found.reference}`}>{t('case.secondReviewLink')}</Link>
          </p>
        ) : null}
      </Section>

      <Section id="deadline-heading" heading={t('case.deadlineHeading')}>
        <p className="mb-1 text-lg font-semibold">{formatTime(found.dueAt, locale)}</p>
        {found.deadline ? <p className="mb-1">{found.deadline[lang]}</p> : null}
        {found.pausedSince ? <p className="mb-1">{t('case.paused')}</p> : null}
      </Section>

      {relief ? <CaseReliefSection view={relief} decide={decideInterimReliefAction} /> : null}

      {found.canReassign ? (
        <Section id="reassign-heading" heading={t('reassign.heading')}>
          <ReassignCaseForm
            reassign={reassignCaseAction}
            caseId={found.id}
            version={found.version}
            reviewers={found.reviewerOptions}
            currentId={found.assigneeId}
          />
        </Section>
      ) : null}

      <Section id="decisions-heading" heading={t('case.decisionsHeading')}>
        {found.decisions.length === 0 ? <p>{t('case.noDecision')}</p> : null}
        {found.decisions.map((decision) => (
          <div key={decision.level} className="mb-4 border-l-4 border-ink bg-panel px-4 py-3">
            <h3 className="m-0 text-xl font-bold">
              {t('case.decisionTitle', {
                level: t(`case.level.${decision.level}`),
                outcome: t(`outcomes.${decision.outcome}`),
              })}
            </h3>
            <p className="m-0 text-muted">
              {t('case.decidedBy', { name: decision.decidedByName, time: formatTime(decision.decidedAt, locale) })}
            </p>
            <p className="m-0">
              {t('case.ruleLine', { rule: decision.ruleName ? decision.ruleName[lang] : decision.ruleCode })}
            </p>
            <p className="m-0 whitespace-pre-line">{t('case.reasonsLine', { reasons: decision.reasons })}</p>
          </div>
        ))}
        {found.correctionSentAt || found.decisions.some((d) => d.outcome !== 'UPHELD') ? (
          <>
            <h3 className="mb-1 text-xl font-bold">{t('case.correctionHeading')}</h3>
            <p className="m-0">
              {found.correctionSentAt
                ? t('case.correctionSent', { time: formatTime(found.correctionSentAt, locale) })
                : t('board.notSent')}
            </p>
            <p className="m-0">
              {found.correctionConfirmedAt
                ? t('case.correctionConfirmed', { time: formatTime(found.correctionConfirmedAt, locale) })
                : t('case.correctionNotConfirmed')}
            </p>
          </>
        ) : null}
      </Section>

      <Section id="history-heading" heading={t('case.historyHeading')}>
        <AuditEventsTable
          events={found.history}
          caption={t('case.historyCaption')}
          showCase={false}
          testId="case-history"
        />
      </Section>
    </div>
  );
}
