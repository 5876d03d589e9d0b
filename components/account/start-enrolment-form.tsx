'use client';
// Starts (or starts again) the enrolment of an authenticator app: a new secret is made on the server, then the page shows its QR code.
import { useTranslations } from 'next-intl';
import { z } from 'zod';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { RefusalAlert } from '@/components/forms/refusal-alert';

export function StartEnrolmentForm({
  restart,
  action,
}: {
  restart: boolean;
  action: FormAction<{ restart: boolean }, unknown>;
}) {
  const t = useTranslations('totp');
  const { onSubmit, pending, refusal } = useActionForm({
    schema: z.object({}).transform(() => ({ restart })),
    defaultValues: {},
    action,
    refresh: true,
  });
  return (
    <form onSubmit={onSubmit}>
      <RefusalAlert text={refusal} />
      <button type="submit" className={restart ? 'button button-secondary' : 'button'} disabled={pending}>
        {restart ? t('enrol.restart') : t('enrol.start')}
      </button>
    </form>
  );
}
