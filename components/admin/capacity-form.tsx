'use client';
// A reviewer's capacity (open cases they may hold), edited in place in the pool table.
import { useTranslations } from 'next-intl';
import { payloadSchema, useActionForm, type SchemaAction } from '@/components/forms/use-action-form';
import { MAX_CAPACITY, setReviewerCapacitySchema } from '@/lib/admin/schemas';
import type { AccountVersion } from './account-version';

export type SetCapacityAction = SchemaAction<typeof setReviewerCapacitySchema, { capacity: number; changed: boolean }>;

export function CapacityForm({
  account,
  capacity,
  label,
  action,
}: {
  account: AccountVersion;
  capacity: number;
  label: string;
  action: SetCapacityAction;
}) {
  const t = useTranslations('admin.pool');
  const { form, onSubmit, pending, message, errorFor } = useActionForm({
    schema: payloadSchema(
      (values: { capacity: string }) => ({ ...account, capacity: Number(values.capacity) }),
      setReviewerCapacitySchema,
    ),
    defaultValues: { capacity: String(capacity) },
    action,
    refresh: true,
    onSuccess: () => t('saved'),
  });
  const error = errorFor('capacity') ?? (message?.kind === 'error' ? message.text : null);
  const shown = error ? { kind: 'error' as const, text: error } : message;
  const inputId = `capacity-${account.userId}`;
  const messageId = `${inputId}-message`;
  return (
    <form className="flex flex-wrap items-start gap-2" onSubmit={onSubmit}>
      <label htmlFor={inputId} className="sr-only">
        {label}
      </label>
      <input
        id={inputId}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_CAPACITY}
        aria-invalid={error ? true : undefined}
        aria-describedby={shown ? messageId : undefined}
        className="input w-24"
        {...form.register('capacity')}
      />
      <button type="submit" className="button button-secondary" disabled={pending}>
        {t('save')}
      </button>
      {shown ? (
        <p
          id={messageId}
          role={shown.kind === 'ok' ? 'status' : 'alert'}
          className={`m-0 basis-full text-sm ${shown.kind === 'error' ? 'font-semibold text-danger' : ''}`}
        >
          {shown.text}
        </p>
      ) : null}
    </form>
  );
}
