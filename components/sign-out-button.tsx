'use client';
// Sign-out: a POST through next-auth (with its CSRF token); the server revokes the session row. Before the page's
// JavaScript has loaded the form posts itself, with the token read from next-auth's cookie on the server.
import { useState } from 'react';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { clearFilingDraft } from '@/components/citizen/filing-draft';

const SIGNED_OUT_PATH = '/sign-in?signedOut=1';

export function SignOutButton({ csrfToken }: { csrfToken: string | undefined }) {
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
        void clearFilingDraft().finally(() => signOut({ callbackUrl: SIGNED_OUT_PATH }));
      }}
    >
      {csrfToken ? <input type="hidden" name="csrfToken" value={csrfToken} /> : null}
      <input type="hidden" name="callbackUrl" value={SIGNED_OUT_PATH} />
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
