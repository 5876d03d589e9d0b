'use client';
// Group interim relief on a mass incident (SPEC §15, §16): the cases (all those relief can still be granted to are
// ticked), the temporary colour and the supervisor's reason, checked in the browser with the server's own schema.
import { useTranslations } from 'next-intl';
import { ActionMessage } from '@/components/forms/action-message';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { TextareaField } from '@/components/ui/textarea-field';
import { ErrorSummary } from '@/components/ui/error-summary';
import { incidentReliefSchema, type IncidentReliefInput } from '@/lib/incidents/schemas';
import { IncidentCaseChecklist, type SelectableCase } from './incident-case-checklist';

interface Values {
  provinceCode: string;
  incidentId: string;
  caseIds: string[];
  toColour: string;
  reason: string;
}

export function IncidentReliefForm({
  provinceCode,
  incidentId,
  cases,
  grant,
}: {
  provinceCode: string;
  incidentId: string;
  cases: SelectableCase[];
  grant: FormAction<IncidentReliefInput, { granted: number }>;
}) {
  const t = useTranslations('incidents.relief');
  const tAll = useTranslations();
  const { form, onSubmit, pending, message, errorFor, summary } = useActionForm<
    Values,
    IncidentReliefInput,
    { granted: number }
  >({
    schema: incidentReliefSchema as never,
    defaultValues: { provinceCode, incidentId, caseIds: cases.map((c) => c.id), toColour: '', reason: '' },
    action: grant,
    announce: 'always',
    refresh: true,
    onSuccess: (data) => t('done', { count: data.granted }),
  });
  const selected = form.watch('caseIds') ?? [];
  const anyRed = cases.some((c) => c.colour === 'RED');
  const colours = (['GREEN', 'YELLOW'] as const).filter((colour) => colour !== 'YELLOW' || anyRed);
  const colourError = errorFor('toColour');
  const reasonError = errorFor('reason');
  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="relief-heading" data-testid="group-relief">
      <p className="mb-4 max-w-3xl">{t('intro')}</p>
      <ErrorSummary
        title={tAll('reviewActions.errorSummary')}
        errors={summary([
          ['relief-cases', 'caseIds'],
          ['relief-colour', 'toColour'],
          ['relief-reason', 'reason'],
        ])}
      />
      <IncidentCaseChecklist
        namespace="incidents.relief"
        idPrefix="relief"
        countTestId="relief-selected-count"
        cases={cases}
        form={form as never}
        error={errorFor('caseIds')}
      />
      <fieldset id="relief-colour" className="mb-4 border-0 p-0">
        <legend className="mb-2 font-semibold">{t('colour')}</legend>
        {colourError ? (
          <p role="alert" className="mb-2 font-semibold text-danger">
            {colourError}
          </p>
        ) : null}
        {colours.map((colour) => (
          <label key={colour} className="mb-1 flex items-center gap-2">
            <input type="radio" className="h-6 w-6" value={colour} {...form.register('toColour')} />
            {t(`colours.${colour}`)}
          </label>
        ))}
      </fieldset>
      <TextareaField
        id="relief-reason"
        label={t('reason')}
        hint={t('reasonHint')}
        error={reasonError}
        rows={3}
        {...form.register('reason')}
      />
      <button type="submit" className="button" disabled={pending}>
        {t('submit', { count: selected.length })}
      </button>
      <ActionMessage message={message} />
    </form>
  );
}
