'use client';
// A reviewer's capacity (open cases they may hold), edited in place in the pool table.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { setReviewerCapacityAction } from '@/app/admin/pools/actions';
import { MAX_CAPACITY } from '@/lib/admin/schemas';

export function CapacityForm({
  userId,
  expectedUpdatedAt,
  capacity,
  label,
}: {
  userId: string;
  expectedUpdatedAt: string;
  capacity: number;
  label: string;
}) {
  const t = useTranslations('admin.pool');
  const tAll = useTranslations();
  const router = useRouter();
  const [value, setValue] = useState(String(capacity));
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const inputId = `capacity-${userId}`;
  const messageId = `${inputId}-message`;
  return (
    <form
      className="flex flex-wrap items-start gap-2"
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        setMessage(null);
        const result = await setReviewerCapacityAction({ userId, expectedUpdatedAt, capacity: Number(value) });
        setPending(false);
        if (!result.ok) {
          const key = result.fieldErrors?.capacity ?? result.messageKey;
          setMessage({ kind: 'error', text: tAll(key) });
          return;
        }
        setMessage({ kind: 'ok', text: t('saved') });
        router.refresh();
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        {label}
      </label>
      <input
        id={inputId}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_CAPACITY}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        aria-invalid={message?.kind === 'error' ? true : undefined}
        aria-describedby={message ? messageId : undefined}
        className="input w-24"
      />
      <button type="submit" className="button button-secondary" disabled={pending}>
        {t('save')}
      </button>
      {message ? (
        <p
          id={messageId}
          role={message.kind === 'ok' ? 'status' : 'alert'}
          className={`m-0 basis-full text-sm ${message.kind === 'error' ? 'font-semibold text-danger' : ''}`}
        >
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
