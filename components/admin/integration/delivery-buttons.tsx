'use client';
// "Send a test delivery" and "replay" (SPEC §18): each calls the province's webhook for real and shows what it answered.
import { useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { z } from 'zod';
import { ActionMessage } from '@/components/forms/action-message';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';

interface AttemptShown {
  delivered: boolean;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

export type SendTestDeliveryAction = FormAction<
  { provinceCode: string },
  AttemptShown & { eventId: string; webhookUrl: string; attemptedAt: Date }
>;
export type ReplayDeliveryAction = FormAction<
  { provinceCode: string; outboxEventId: string },
  { outboxEventId: string; attempt: (AttemptShown & { attempt: number }) | null }
>;

function AttemptResult({ attempt, testId }: { attempt: AttemptShown; testId: string }) {
  const t = useTranslations('integration.deliveries');
  const format = useFormatter();
  return (
    <p
      role={attempt.delivered ? 'status' : 'alert'}
      data-testid={testId}
      className={`mb-4 border-l-4 bg-panel px-4 py-3 ${attempt.delivered ? 'border-action' : 'border-danger font-semibold text-danger'}`}
    >
      {attempt.delivered ? t('resultDelivered') : t('resultFailed')}{' '}
      {t('resultDetail', {
        status: attempt.httpStatus === null ? '—' : String(attempt.httpStatus),
        duration: format.number(attempt.durationMs),
      })}
      {attempt.error ? ` ${attempt.error}` : ''}
    </p>
  );
}

export function TestDeliveryButton({ provinceCode, action }: { provinceCode: string; action: SendTestDeliveryAction }) {
  const t = useTranslations('integration.deliveries');
  const [result, setResult] = useState<AttemptShown | null>(null);
  const { onSubmit, pending, message } = useActionForm({
    schema: z.object({}).transform(() => ({ provinceCode })),
    defaultValues: {},
    action,
    onSuccess: (data) => setResult(data),
  });
  return (
    <form onSubmit={(event) => (setResult(null), onSubmit(event))}>
      <ActionMessage message={message} />
      {result ? <AttemptResult attempt={result} testId="test-delivery-result" /> : null}
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('testSending') : t('testSend')}
      </button>
    </form>
  );
}

export function ReplayButton({
  provinceCode,
  outboxEventId,
  action,
}: {
  provinceCode: string;
  outboxEventId: string;
  action: ReplayDeliveryAction;
}) {
  const t = useTranslations('integration.deliveries');
  const [result, setResult] = useState<AttemptShown | null>(null);
  const { onSubmit, pending, message } = useActionForm({
    schema: z.object({}).transform(() => ({ provinceCode, outboxEventId })),
    defaultValues: {},
    action,
    onSuccess: (data) => {
      // No refresh: the answer stays beside its row; reloading the log shows the new attempt.
      setResult(data.attempt);
      return data.attempt ? undefined : t('replayQueued');
    },
  });
  return (
    <form onSubmit={onSubmit}>
      <ActionMessage message={message} />
      {result ? <AttemptResult attempt={result} testId={`replay-result-${outboxEventId}`} /> : null}
      <button
        type="submit"
        className="button button-secondary"
        disabled={pending}
        aria-label={t('replayEvent', { id: outboxEventId.slice(0, 8) })}
      >
        {t('replay')}
      </button>
    </form>
  );
}
