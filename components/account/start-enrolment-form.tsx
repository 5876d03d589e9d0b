'use client';
// Starts (or starts again) the enrolment of an authenticator app: a new secret is made on the server, then the page shows its QR code.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { startTotpEnrolmentAction } from '@/app/account/actions';

export function StartEnrolmentForm({ restart }: { restart: boolean }) {
  const t = useTranslations('totp');
  const tAll = useTranslations();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        setError(null);
        const result = await startTotpEnrolmentAction({ restart });
        setPending(false);
        if (!result.ok) {
          setError(tAll(result.messageKey));
          return;
        }
        router.refresh();
      }}
    >
      {error ? (
        <p role="alert" className="mb-3 font-semibold text-danger">
          {error}
        </p>
      ) : null}
      <button type="submit" className={restart ? 'button button-secondary' : 'button'} disabled={pending}>
        {restart ? t('enrol.restart') : t('enrol.start')}
      </button>
    </form>
  );
}
