'use client';
// Closing a handled mass incident (SPEC §16): the supervisor's reason, checked in the browser with the server's schema.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
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
  const router = useRouter();
  const { form, onSubmit, pending, message, errorFor } = useActionForm<Values, CloseIncidentInput, { closed: string }>({
    schema: closeIncidentSchema as never,
    defaultValues: { provinceCode, incidentId, expectedVersion: version, reason: '' },
    action: close,
    onSuccess: () => {
      router.refresh();
      return t('done');
    },
  });
  const error = errorFor('reason');
  return (
    // Labelled by the heading of the page's section around it (id close-heading).
    <form noValidate onSubmit={onSubmit} aria-labelledby="close-heading" data-testid="close-incident">
      <p className="mb-4 max-w-3xl">{t('intro')}</p>
      <label htmlFor="close-reason" className="mb-1 block font-semibold">
        {t('reason')}
      </label>
      <p id="close-reason-hint" className="mb-1 text-muted">
        {t('reasonHint')}
      </p>
      {error ? (
        <p id="close-reason-error" role="alert" className="mb-1 font-semibold text-danger">
          {error}
        </p>
      ) : null}
      <textarea
        id="close-reason"
        rows={3}
        className="mb-4 block w-full max-w-3xl border-2 border-ink p-2"
        aria-describedby={error ? 'close-reason-hint close-reason-error' : 'close-reason-hint'}
        aria-invalid={error ? true : undefined}
        {...form.register('reason')}
      />
      <button type="submit" className="button-secondary" disabled={pending}>
        {t('submit')}
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
