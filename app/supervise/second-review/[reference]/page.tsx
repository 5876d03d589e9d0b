// The second-level review decision screen: the first decision, the citizen's appeal and reason for asking, the
// evidence, the review deadline and why it falls when it does; start the review, then decide it. Cases outside the
// supervisor's scope, or whose first decision they made, are 404.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatBytes, formatTime } from '@/components/supervisor/format';
import { DecideReviewForm, StartReviewForm } from '@/components/supervisor/second-review-forms';
import { requireUser } from '@/lib/auth/scope';
import { allowedSecondReviewOutcomes, colourAfter } from '@/lib/cases/rules/decision-outcome';
import { CaseNotFoundError } from '@/lib/core/errors';
import { getSecondReviewCase } from '@/lib/supervision/second-review';
import { supervisorScopeOf } from '@/lib/supervision/scope';
import { decideSecondReviewAction, startSecondReviewAction } from '@/app/supervise/actions';
import { Section } from '@/components/ui/section';

type Params = Promise<{ reference: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations('supervise.secondReview');
  return { title: `${t('title')} ${decodeURIComponent((await params).reference)}` };
}

export default async function SecondReviewCasePage({ params }: { params: Params }) {
  const reference = decodeURIComponent((await params).reference);
  const user = await requireUser(['SUPERVISOR'], `/supervise/second-review/${encodeURIComponent(reference)}`);
  let found;
  try {
    found = await getSecondReviewCase(supervisorScopeOf(user), reference);
  } catch (error) {
    if (error instanceof CaseNotFoundError) notFound();
    throw error;
  }
  const [t, tBoard, tStates, tTypes, locale] = await Promise.all([
    getTranslations('supervise.secondReview'),
    getTranslations('supervise'),
    getTranslations('states'),
    getTranslations('caseTypes'),
    getLocale(),
  ]);
  const lang = locale === 'en' ? 'en' : 'zh';
  const first = found.firstDecision;
  return (
    <div>
      <p className="mb-4">
        <Link href="/supervise/second-review">{t('back')}</Link>
      </p>
      <h1 className="mb-1 text-3xl font-bold">
        {t('title')} <span data-testid="review-reference">{found.reference}</span>
      </h1>
      <p className="mb-6 text-lg" data-testid="review-state">
        {tStates(found.state)}
      </p>

      <section aria-labelledby="first-heading" className="mb-8 border-l-4 border-ink bg-panel px-4 py-3">
        <h2 id="first-heading" className="mb-1 text-2xl font-bold">
          {tBoard('case.decisionTitle', {
            level: t('firstDecisionHeading'),
            outcome: tBoard(`outcomes.${first.outcome}`),
          })}
        </h2>
        <p className="m-0 text-muted">
          {tBoard('case.decidedBy', { name: first.decidedByName, time: formatTime(first.decidedAt, locale) })}
        </p>
        <p className="m-0">
          {tBoard('case.ruleLine', { rule: first.ruleName ? first.ruleName[lang] : first.ruleCode })}
        </p>
        <p className="m-0 whitespace-pre-line">{tBoard('case.reasonsLine', { reasons: first.reasons })}</p>
      </section>

      <section aria-labelledby="request-heading" className="mb-8">
        <h2 id="request-heading" className="mb-1 text-2xl font-bold">
          {t('requestReason')}
        </h2>
        <p className="whitespace-pre-line" data-testid="request-reason">
          {found.requestReason ?? t('noRequestReason')}
        </p>
      </section>

      <Section id="appeal-heading" heading={t('caseHeading')}>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{tBoard('board.type')}</dt>
          <dd className="m-0">
            {tTypes(found.type)} · {tBoard(`colours.${found.colour}`)}
          </dd>
          <dt className="font-semibold">{tBoard('case.issuing')}</dt>
          <dd className="m-0">
            {found.issuingProvinceName} {found.issuingUnitName}
          </dd>
          {found.refusingProvinceName ? (
            <>
              <dt className="font-semibold">{tBoard('case.refusing')}</dt>
              <dd className="m-0">{found.refusingProvinceName}</dd>
            </>
          ) : null}
          <dt className="font-semibold">{tBoard('case.statedReason')}</dt>
          <dd className="m-0">{found.statedReason ? found.statedReason[lang] : tBoard('case.noReason')}</dd>
          <dt className="font-semibold">{tBoard('case.overreach')}</dt>
          <dd className="m-0">{found.primaFacieOverreach ? tBoard('case.yes') : tBoard('case.no')}</dd>
          <dt className="font-semibold">{t('grounds')}</dt>
          <dd className="m-0">{tBoard(`grounds.${found.grounds}`)}</dd>
          <dt className="font-semibold">{t('requested')}</dt>
          <dd className="m-0">{tBoard(`requestedOutcomes.${found.requestedOutcome}`)}</dd>
        </dl>
        <h3 className="mt-4 mb-1 text-xl font-bold">{t('statement')}</h3>
        <p className="whitespace-pre-line">{found.statement}</p>
      </Section>

      <Section id="evidence-heading" heading={t('evidenceHeading')}>
        {found.evidence.length === 0 ? (
          <p>{t('noEvidence')}</p>
        ) : (
          <ul>
            {found.evidence.map((file) => (
              <li key={file.id}>
                <a href={`/evidence/${file.id}`} download>
                  {t('evidenceLink', { name: file.fileName, size: formatBytes(file.sizeBytes) })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="deadline-heading" heading={t('deadlineHeading')}>
        <p className="mb-1 font-semibold">{t('dueAt', { time: formatTime(found.dueAt, locale) })}</p>
        {found.deadline ? <p className="mb-1">{found.deadline[lang]}</p> : null}
      </Section>

      {found.secondDecision ? (
        <p className="border-l-4 border-action bg-panel px-4 py-3 font-semibold" data-testid="review-decided">
          {t('decided', {
            outcome: tBoard(`outcomes.${found.secondDecision.outcome}`),
            time: formatTime(found.secondDecision.decidedAt, locale),
          })}
        </p>
      ) : found.actions.start ? (
        <Section id="start-heading" heading={t('start')}>
          <StartReviewForm start={startSecondReviewAction} caseId={found.id} version={found.version} />
        </Section>
      ) : found.actions.decide ? (
        <Section id="decide-heading" heading={t('decideHeading')}>
          <DecideReviewForm
            decide={decideSecondReviewAction}
            caseId={found.id}
            version={found.version}
            rules={found.rules.map((rule) => ({ code: rule.code, name: lang === 'en' ? rule.nameEn : rule.nameZh }))}
            choices={allowedSecondReviewOutcomes(found.firstDecision.outcome, found.colour).map((outcome) => {
              const colour = colourAfter(outcome, found.colour);
              const keeps = colour === colourAfter(found.firstDecision.outcome, found.colour);
              const label = tBoard(`outcomes.${outcome}`);
              return {
                outcome,
                label: keeps ? `${label}${t('keepsFirst', { colour: tBoard(`colours.${colour}`) })}` : label,
              };
            })}
          />
        </Section>
      ) : (
        <p className="font-semibold">{t('takenBy', { name: found.assigneeName ?? '' })}</p>
      )}
    </div>
  );
}
