'use client';
// Sign-out: a POST through next-auth (with its CSRF token); the server revokes the session row.
import { useState } from 'react';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { clearFilingDraft } from '@/components/citizen/filing-draft';

export function SignOutButton() {
  const t = useTranslations('layout');
  const [pending, setPending] = useState(false);
  return (
    <form
      method="post"
      action="/api/auth/signout"
      onSubmit={(event) => {
        event.preventDefault();
        setPending(true);
        // An unfinished appeal kept in this browser goes with the session.
        void clearFilingDraft().finally(() => signOut({ callbackUrl: '/sign-in?signedOut=1' }));
      }}
    >
      <button
        type="submit"
        disabled={pending}
        className="cursor-pointer border-2 border-white bg-transparent px-2 py-1 text-sm text-white hover:bg-white hover:text-ink focus-visible:bg-focus focus-visible:text-ink"
      >
        {pending ? t('signingOut') : t('signOut')}
      </button>
    </form>
  );
}
