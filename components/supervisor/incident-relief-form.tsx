'use client';
// Group interim relief on a mass incident (SPEC §15, §16): the cases (all those relief can still be granted to are
// ticked), the temporary colour and the supervisor's reason, checked in the browser with the server's own schema.
import { useTranslations } from 'next-intl';
import { ActionMessage } from '@/components/forms/action-message';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { TextareaField } from '@/components/ui/textarea-field';
import { incidentReliefSchema, type IncidentReliefInput } from '@/lib/incidents/schemas';
import type { SelectableCase } from './incident-case-checklist';
import { IncidentGroupForm } from './incident-group-form';

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
  const group = useActionForm<Values, IncidentReliefInput, { granted: number }>({
    schema: incidentReliefSchema as never,
    defaultValues: { provinceCode, incidentId, caseIds: cases.map((c) => c.id), toColour: '', reason: '' },
    action: grant,
    announce: 'always',
    refresh: true,
    onSuccess: (data) => t('done', { count: data.granted }),
  });
  const { form, message, errorFor } = group;
  const anyRed = cases.some((c) => c.colour === 'RED');
  const colours = (['GREEN', 'YELLOW'] as const).filter((colour) => colour !== 'YELLOW' || anyRed);
  const colourError = errorFor('toColour');
  const reasonError = errorFor('reason');
  return (
    <IncidentGroupForm
      namespace="incidents.relief"
      idPrefix="relief"
      countTestId="relief-selected-count"
      labelledBy="relief-heading"
      testId="group-relief"
      cases={cases}
      action={group}
      summaryFields={[
        ['relief-colour', 'toColour'],
        ['relief-reason', 'reason'],
      ]}
      outcome={<ActionMessage message={message} />}
    >
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
    </IncidentGroupForm>
  );
}
