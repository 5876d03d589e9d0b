'use client';
// The citizen asks for interim relief from their case page (SPEC §15): why (medical care, work, travel) and a short
// detail, checked with the schema the server uses; the page shows the answer once it comes.
import { useTranslations } from 'next-intl';
import { ActionMessage } from '@/components/forms/action-message';
import { payloadSchema, useActionForm, type SchemaAction } from '@/components/forms/use-action-form';
import { RadioGroup } from '@/components/ui/radio-group';
import { TextareaField } from '@/components/ui/textarea-field';
import { requestReliefSchema } from '@/lib/cases/forms/schemas';
import { MAX_DETAIL_LENGTH, RELIEF_REASONS } from '@/lib/cases/rules/interim-relief';

interface Values {
  caseId: string;
  reason: string;
  detail: string;
}

export function ReliefRequestForm({
  caseId,
  action,
}: {
  caseId: string;
  action: SchemaAction<typeof requestReliefSchema, unknown>;
}) {
  const t = useTranslations('interimRelief');
  const { form, onSubmit, pending, message, errorFor } = useActionForm({
    schema: payloadSchema<Values, typeof requestReliefSchema>(
      (values) => ({ caseId: values.caseId, reason: values.reason || undefined, detail: values.detail }),
      requestReliefSchema,
    ),
    defaultValues: { caseId, reason: '', detail: '' },
    action,
    announce: 'always',
    refresh: true,
    onSuccess: () => t('requestSent'),
  });
  const detail = form.watch('detail') ?? '';
  return (
    <form noValidate onSubmit={onSubmit} data-testid="relief-request-form">
      <ActionMessage message={message} />
      <RadioGroup
        id="relief-reason"
        legend={t('reasonLegend')}
        hint={t('reasonHint')}
        error={errorFor('reason')}
        options={RELIEF_REASONS.map((reason) => ({ value: reason, label: t(`reasons.${reason}`) }))}
        input={form.register('reason')}
      />
      <TextareaField
        id="relief-detail"
        label={t('detailLabel')}
        hint={t('detailHint')}
        rows={3}
        maxLength={MAX_DETAIL_LENGTH}
        count={`${detail.length} / ${MAX_DETAIL_LENGTH}`}
        error={errorFor('detail')}
        {...form.register('detail')}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('sending') : t('requestButton')}
      </button>
    </form>
  );
}
