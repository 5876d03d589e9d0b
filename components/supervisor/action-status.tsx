'use client';
// The outcome of a supervision action, announced to screen readers: a confirmation, or the refusal's message.
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/core/action-result';

export function ActionStatus<T>({ result, success }: { result: ActionResult<T> | null; success: (data: T) => string }) {
  const t = useTranslations();
  if (!result) return <p role="status" className="sr-only" />;
  if (result.ok) {
    return (
      <p role="status" className="my-2 border-l-4 border-action bg-panel px-3 py-2 font-semibold">
        {success(result.data)}
      </p>
    );
  }
  const field = result.fieldErrors ? Object.values(result.fieldErrors)[0] : undefined;
  return (
    <p role="alert" className="my-2 border-l-4 border-danger px-3 py-2 font-semibold text-danger">
      {t.has(field ?? '') ? t(field!) : t.has(result.messageKey) ? t(result.messageKey) : t('errors.generic')}
    </p>
  );
}
