'use client';
// The group finding on a mass incident (SPEC §16): the cases to include (all decidable ones ticked; a case with facts
// of its own can be left out), one outcome, rule and reasons. Checked in the browser with the server's own schema.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { ErrorSummary } from '@/components/ui/error-summary';
import { DecisionFields } from '@/components/forms/decision-fields';
import type { CodeColour } from '@/lib/db/generated/enums';
import { decideIncidentSchema, type DecideIncidentInput } from '@/lib/incidents/schemas';

export interface SelectableCase {
  id: string;
  reference: string;
  colour: CodeColour;
  filedAt: string;
  grounds: string;
  evidenceFiles: number;
}

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
  const tAll = useTranslations();
  const router = useRouter();
  const { form, onSubmit, pending, message, errorFor, summary } = useActionForm<
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
    onSuccess: (data) => {
      router.refresh();
      return t('done', { count: data.decided });
    },
  });
  const selected = form.watch('caseIds') ?? [];
  const reasons = form.watch('reasons') ?? '';
  const anyRed = cases.some((c) => c.colour === 'RED');
  const outcomes = (['UPHELD', 'DOWNGRADED', 'REVOKED'] as const).filter((o) => o !== 'DOWNGRADED' || anyRed);
  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="group-decision-heading">
      <h2 id="group-decision-heading" className="mb-2 text-2xl font-bold">
        {t('heading')}
      </h2>
      <p className="mb-4 max-w-3xl">{t('intro')}</p>
      <ErrorSummary
        title={tAll('reviewActions.errorSummary')}
        errors={summary([
          ['group-cases', 'caseIds'],
          ['group-outcome', 'outcome'],
          ['group-rule', 'ruleCode'],
          ['group-reasons', 'reasons'],
        ])}
      />
      <fieldset id="group-cases" className="mb-6 border-0 p-0" aria-describedby="group-cases-count">
        <legend className="mb-2 font-semibold">{t('casesLegend')}</legend>
        {errorFor('caseIds') ? (
          <p role="alert" className="mb-2 font-semibold text-danger">
            {errorFor('caseIds')}
          </p>
        ) : null}
        <p id="group-cases-count" className="mb-2" data-testid="selected-count" aria-live="polite">
          {t('selected', { selected: selected.length, total: cases.length })}
        </p>
        <div className="mb-2 flex flex-wrap gap-2">
          <button
            type="button"
            className="button-secondary"
            onClick={() =>
              form.setValue(
                'caseIds',
                cases.map((c) => c.id),
              )
            }
          >
            {t('selectAll')}
          </button>
          <button type="button" className="button-secondary" onClick={() => form.setValue('caseIds', [])}>
            {t('selectNone')}
          </button>
        </div>
        <div className="max-h-[28rem] overflow-auto border border-rule">
          <table className="w-full border-collapse text-left">
            <thead>
              <tr>
                {(['include', 'reference', 'filedAt', 'ownFacts'] as const).map((column) => (
                  <th key={column} scope="col" className="p-2">
                    {t(column)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id} className="border-t border-rule">
                  <td className="p-2">
                    <input
                      type="checkbox"
                      className="h-6 w-6"
                      id={`include-${c.reference}`}
                      value={c.id}
                      aria-label={t('includeCase', { reference: c.reference })}
                      {...form.register('caseIds')}
                    />
                  </td>
                  <td className="p-2">
                    <label htmlFor={`include-${c.reference}`}>{c.reference}</label>
                  </td>
                  <td className="p-2">{c.filedAt}</td>
                  <td className="p-2">
                    {tTerms.has(`grounds.${c.grounds}`) ? tTerms(`grounds.${c.grounds}`) : c.grounds}
                    {c.evidenceFiles > 0 ? ` · ${t('evidence', { count: c.evidenceFiles })}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>
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
      <button type="submit" className="button" disabled={pending}>
        {t('submit', { count: selected.length })}
      </button>
      {message ? (
        <p
          role={message.kind === 'ok' ? 'status' : 'alert'}
          className={`my-2 border-l-4 px-3 py-2 font-semibold ${message.kind === 'ok' ? 'border-action bg-panel' : 'border-danger text-danger'}`}
        >
          {message.text}
        </p>
      ) : (
        <p role="status" className="sr-only" />
      )}
    </form>
  );
}
