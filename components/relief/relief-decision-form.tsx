'use client';
// The case's reviewer or a supervisor answers a request for interim relief (SPEC §15): grant (with the temporary
// colour) or refuse, always with a reason. Sends the request's version, so an answer given meanwhile is not overwritten.
import { useTranslations } from 'next-intl';
import { ActionMessage } from '@/components/forms/action-message';
import { payloadSchema, useActionForm, type SchemaAction } from '@/components/forms/use-action-form';
import { RadioGroup } from '@/components/ui/radio-group';
import { TextareaField } from '@/components/ui/textarea-field';
import type { CodeColour } from '@/lib/db/generated/enums';
import { decideReliefSchema } from '@/lib/cases/forms/schemas';

interface Values {
  decision: string;
  toColour: string;
  reason: string;
}

export function ReliefDecisionForm({
  caseId,
  reliefId,
  version,
  colours,
  action,
}: {
  caseId: string;
  reliefId: string;
  version: number;
  colours: CodeColour[];
  action: SchemaAction<typeof decideReliefSchema, unknown>;
}) {
  const t = useTranslations('interimRelief');
  const { form, onSubmit, pending, message, errorFor } = useActionForm({
    schema: payloadSchema<Values, typeof decideReliefSchema>(
      (values) => ({
        caseId,
        reliefId,
        expectedVersion: version,
        decision: values.decision || undefined,
        toColour: values.decision === 'GRANT' ? values.toColour || undefined : undefined,
        reason: values.reason,
      }),
      decideReliefSchema,
    ),
    defaultValues: { decision: '', toColour: colours[0] ?? '', reason: '' },
    action,
    announce: 'always',
    refresh: true,
    onSuccess: () => t('decisionSent'),
  });
  const granting = form.watch('decision') === 'GRANT';
  return (
    <form noValidate onSubmit={onSubmit} data-testid="relief-decision-form">
      <ActionMessage message={message} />
      <RadioGroup
        id="relief-decision"
        legend={t('decisionLegend')}
        error={errorFor('decision')}
        options={[
          { value: 'GRANT', label: t('grant') },
          { value: 'REFUSE', label: t('refuse') },
        ]}
        input={form.register('decision')}
      />
      {granting ? (
        <RadioGroup
          id="relief-colour"
          legend={t('colourLegend')}
          hint={t('colourHint')}
          error={errorFor('toColour')}
          options={colours.map((colour) => ({ value: colour, label: t(`colours.${colour}`) }))}
          input={form.register('toColour')}
        />
      ) : null}
      <TextareaField
        id="relief-decision-reason"
        label={t('decisionReasonLabel')}
        hint={t('decisionReasonHint')}
        rows={3}
        error={errorFor('reason')}
        {...form.register('reason')}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('sending') : t('decideButton')}
      </button>
    </form>
  );
}
