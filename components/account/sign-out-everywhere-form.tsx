'use client';
// "Sign out everywhere": ends every session of this account on the server (this one too), then clears this browser's cookie.
import { useState } from 'react';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { signOutEverywhereAction } from '@/app/account/actions';

export function SignOutEverywhereForm() {
  const t = useTranslations('account');
  const tAll = useTranslations();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        setError(null);
        const result = await signOutEverywhereAction();
        if (!result.ok) {
          setPending(false);
          setError(tAll(result.messageKey));
          return;
        }
        await signOut({ callbackUrl: '/sign-in?signedOut=1' });
      }}
    >
      {error ? (
        <p role="alert" className="mb-3 font-semibold text-danger">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('everywherePending') : t('everywhereSubmit')}
      </button>
    </form>
  );
}
