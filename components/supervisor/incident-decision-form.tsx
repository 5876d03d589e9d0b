'use client';
// The group finding on a mass incident (SPEC §16): the cases to include (all decidable ones ticked; a case with facts
// of its own can be left out), one outcome, rule and reasons. Checked in the browser with the server's own schema.
import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { DecisionFields } from '@/components/forms/decision-fields';
import type { SelectableCase } from './incident-case-checklist';
import { IncidentGroupForm } from './incident-group-form';
import { decideIncidentSchema, type DecideIncidentInput } from '@/lib/incidents/schemas';

interface Values {
  provinceCode: string;
  incidentId: string;
  caseIds: string[];
  outcome: string;
  ruleCode: string;
  reasons: string;
}

export function IncidentDecisionForm({
  provinceCode,
  incidentId,
  cases,
  rules,
  decide,
}: {
  provinceCode: string;
  incidentId: string;
  cases: SelectableCase[];
  rules: { code: string; nameZh: string; nameEn: string }[];
  decide: FormAction<DecideIncidentInput, { decided: number }>;
}) {
  const t = useTranslations('incidents.decide');
  const tTerms = useTranslations('reviewTerms');
  const group = useActionForm<
    Values,
    DecideIncidentInput,
    {
      decided: number;
    }
  >({
    schema: decideIncidentSchema as never,
    defaultValues: {
      provinceCode,
      incidentId,
      caseIds: cases.map((c) => c.id),
      outcome: '',
      ruleCode: '',
      reasons: '',
    },
    action: decide,
    announce: 'always',
    refresh: true,
    onSuccess: (data) => t('done', { count: data.decided }),
  });
  const { form, message, errorFor } = group;
  const reasons = form.watch('reasons') ?? '';
  const anyRed = cases.some((c) => c.colour === 'RED');
  const outcomes = (['UPHELD', 'DOWNGRADED', 'REVOKED'] as const).filter((o) => o !== 'DOWNGRADED' || anyRed);
  return (
    // Labelled by the page's section heading (decision-heading), as the relief form is by its own.
    <IncidentGroupForm
      namespace="incidents.decide"
      idPrefix="group"
      countTestId="selected-count"
      labelledBy="decision-heading"
      cases={cases}
      action={group}
      summaryFields={[
        ['group-outcome', 'outcome'],
        ['group-rule', 'ruleCode'],
        ['group-reasons', 'reasons'],
      ]}
      outcome={
        message ? (
          <p
            role={message.kind === 'ok' ? 'status' : 'alert'}
            className={`my-2 border-l-4 px-3 py-2 font-semibold ${message.kind === 'ok' ? 'border-action bg-panel' : 'border-danger text-danger'}`}
          >
            {message.text}
          </p>
        ) : (
          <p role="status" className="sr-only" />
        )
      }
    >
      <DecisionFields
        idPrefix="group"
        outcomes={outcomes.map((outcome) => ({ value: outcome, label: tTerms(`decisionOutcomes.${outcome}`) }))}
        rules={rules}
        text={{
          outcome: t('outcome'),
          rule: t('rule'),
          chooseRule: t('chooseRule'),
          reasons: t('reasons'),
          reasonsHint: t('reasonsHint'),
          count: t('count', { count: reasons.length }),
        }}
        errors={{ outcome: errorFor('outcome'), ruleCode: errorFor('ruleCode'), reasons: errorFor('reasons') }}
        register={{
          outcome: form.register('outcome'),
          ruleCode: form.register('ruleCode'),
          reasons: form.register('reasons'),
        }}
      />
    </IncidentGroupForm>
  );
}
