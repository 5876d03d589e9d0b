'use client';
// The interim relief part of a case page (SPEC §15), the same on the citizen's, the reviewer's and the supervisor's
// page: the history, and the form the caller may use now (the citizen asks; the case's reviewer or a supervisor answers).
import { useTranslations } from 'next-intl';
import type { SchemaAction } from '@/components/forms/use-action-form';
import { Section } from '@/components/ui/section';
import type { decideReliefSchema, requestReliefSchema } from '@/lib/cases/forms/schemas';
import type { CaseReliefView } from '@/lib/cases/views/interim-relief';
import { ReliefDecisionForm } from './relief-decision-form';
import { ReliefHistory } from './relief-history';
import { ReliefRequestForm } from './relief-request-form';

export function CaseReliefSection({
  view,
  request,
  decide,
}: {
  view: CaseReliefView;
  /** The citizen's page: the server action asking for relief. */
  request?: SchemaAction<typeof requestReliefSchema, unknown>;
  /** Staff pages: the server action granting or refusing. */
  decide?: SchemaAction<typeof decideReliefSchema, unknown>;
}) {
  const t = useTranslations('interimRelief');
  const canRequest = Boolean(request && view.canRequest);
  if (view.entries.length === 0 && !canRequest && !request) return null;
  return (
    <Section id="relief-heading" heading={t('heading')} className="mb-8" testId="relief-section">
      <p className="mb-4 max-w-3xl text-muted">{request ? t('intro') : t('staffIntro')}</p>
      <ReliefHistory entries={view.entries} />
      {canRequest && request ? (
        <>
          <h3 className="mb-2 text-xl font-bold">{t('requestHeading')}</h3>
          <ReliefRequestForm caseId={view.caseId} action={request} />
        </>
      ) : null}
      {decide && view.decidable ? (
        <>
          <h3 className="mb-2 text-xl font-bold">{t('decideHeading')}</h3>
          <ReliefDecisionForm
            caseId={view.caseId}
            reliefId={view.decidable.id}
            version={view.decidable.version}
            colours={view.colours}
            action={decide}
          />
        </>
      ) : null}
    </Section>
  );
}
