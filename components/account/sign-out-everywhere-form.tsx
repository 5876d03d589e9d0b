'use client';
// "Sign out everywhere": ends every session of this account on the server (this one too), then clears this browser's cookie.
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { z } from 'zod';
import { clearFilingDraft } from '@/components/citizen/filing-draft';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { RefusalAlert } from '@/components/forms/refusal-alert';

export function SignOutEverywhereForm({ action }: { action: FormAction<Record<string, never>, unknown> }) {
  const t = useTranslations('account');
  const { onSubmit, pending, refusal } = useActionForm({
    schema: z.object({}).transform(() => ({})),
    defaultValues: {},
    action,
    // Stays pending until the browser has left the page.
    onSuccess: () =>
      clearFilingDraft()
        .then(() => signOut({ callbackUrl: '/sign-in?signedOut=1' }))
        .then(() => undefined),
  });
  return (
    <form onSubmit={onSubmit}>
      <RefusalAlert text={refusal} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('everywherePending') : t('everywhereSubmit')}
      </button>
    </form>
  );
}
