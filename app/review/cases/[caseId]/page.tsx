// The reviewer's case screen: what the citizen says and sent, the province's own record, the deadline and why, the
// history, and the actions the reviewer may take now. A case outside the reviewer's province is "not found".
import {
  claimCaseAction,
  decideCaseAction,
  releaseCaseAction,
  requestInformationAction,
  revealIdentityAction,
  startReviewAction,
  transferCaseAction,
} from '@/app/review/actions';
import { decideInterimReliefAction } from '@/app/actions/decide-interim-relief';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CaseActions } from '@/components/reviewer/case-actions';
import { CaseHistory } from '@/components/reviewer/case-history';
import { AppealSections, DeadlineSection, RecordSections } from '@/components/reviewer/case-sections';
import { RevealIdentity } from '@/components/reviewer/reveal-identity';
import { requireUser } from '@/lib/auth/scope';
import { getStaffCaseView } from '@/lib/cases/views/staff-case-view';
import { getCaseRelief } from '@/lib/cases/views/interim-relief';
import { CaseReliefSection } from '@/components/relief/case-relief-section';

type Props = { params: Promise<{ caseId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reviewCase');
  return { title: t('title') };
}

export default async function ReviewCasePage({ params }: Props) {
  const { caseId } = await params;
  const user = await requireUser(['REVIEWER'], `/review/cases/${caseId}`);
  const [view, relief] = await Promise.all([getStaffCaseView(user, caseId), getCaseRelief(user, caseId)]);
  if (!view) notFound();
  const [t, tStates] = await Promise.all([getTranslations('reviewCase'), getTranslations('states')]);
  return (
    <div>
      <p className="mb-4">
        <Link href="/review">{t('back')}</Link>
      </p>
      <h1 className="mb-1 text-3xl font-bold">
        <span className="sr-only">{t('title')} </span>
        <span className="font-mono" data-testid="case-reference">
          {view.reference}
        </span>
      </h1>
      <p className="mb-6 text-lg" data-testid="case-state" data-state={view.state}>
        {t('stateLine', { state: tStates(view.state) })}
      </p>
      <DeadlineSection view={view} />
      <CaseActions
        key={view.id}
        caseId={view.id}
        version={view.version}
        colour={view.colour}
        actions={view.actions}
        rules={view.rules}
        provinces={view.transferProvinces}
        serverActions={{
          claim: claimCaseAction,
          startReview: startReviewAction,
          release: releaseCaseAction,
          requestInformation: requestInformationAction,
          decide: decideCaseAction,
          transfer: transferCaseAction,
        }}
      />
      {relief ? <CaseReliefSection view={relief} decide={decideInterimReliefAction} /> : null}
      <AppealSections
        view={view}
        identity={
          <RevealIdentity
            action={revealIdentityAction}
            caseId={view.id}
            masked={view.idNumberMasked}
            canReveal={view.actions.revealIdentity}
          />
        }
      />
      <RecordSections view={view} />
      <CaseHistory entries={view.history} />
    </div>
  );
}
