'use client';
// Closing a handled mass incident (SPEC §16): the supervisor's reason, checked in the browser with the server's schema.
import { useTranslations } from 'next-intl';
import { ActionMessage } from '@/components/forms/action-message';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { TextareaField } from '@/components/ui/textarea-field';
import { closeIncidentSchema, type CloseIncidentInput } from '@/lib/incidents/schemas';

interface Values {
  provinceCode: string;
  incidentId: string;
  expectedVersion: number;
  reason: string;
}

export function IncidentCloseForm({
  provinceCode,
  incidentId,
  version,
  close,
}: {
  provinceCode: string;
  incidentId: string;
  version: number;
  close: FormAction<CloseIncidentInput, { closed: string }>;
}) {
  const t = useTranslations('incidents.close');
  const { form, onSubmit, pending, message, errorFor } = useActionForm<Values, CloseIncidentInput, { closed: string }>({
    schema: closeIncidentSchema as never,
    defaultValues: { provinceCode, incidentId, expectedVersion: version, reason: '' },
    action: close,
    refresh: true,
    onSuccess: () => t('done'),
  });
  const error = errorFor('reason');
  return (
    // Labelled by the heading of the page's section around it (id close-heading).
    <form noValidate onSubmit={onSubmit} aria-labelledby="close-heading" data-testid="close-incident">
      <p className="mb-4 max-w-3xl">{t('intro')}</p>
      <TextareaField
        id="close-reason"
        label={t('reason')}
        hint={t('reasonHint')}
        error={error}
        rows={3}
        {...form.register('reason')}
      />
      <button type="submit" className="button-secondary" disabled={pending}>
        {t('submit')}
      </button>
      <ActionMessage message={message} />
    </form>
  );
}
