'use client';
// Help a staff member back in: a new temporary password (shown once), or their second factor removed so they enrol
// again. Either way they are signed out everywhere.
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { z } from 'zod';
import { ActionMessage } from '@/components/forms/action-message';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import type { ResetStaffCredentialsInput } from '@/lib/admin/schemas';
import type { AccountVersion } from './account-version';
import { OneTimeSecret } from './one-time-secret';

type Reset = ResetStaffCredentialsInput['reset'];

export type ResetCredentialsAction = FormAction<
  ResetStaffCredentialsInput,
  { reset: 'PASSWORD'; temporaryPassword: string } | { reset: 'SECOND_FACTOR' }
>;

export function StaffCredentialsForm({
  account,
  username,
  hasSecondFactor,
  action,
}: {
  account: AccountVersion;
  username: string;
  hasSecondFactor: boolean;
  action: ResetCredentialsAction;
}) {
  const t = useTranslations('admin.staffDetail');
  const [password, setPassword] = useState<string | null>(null);
  const { form, onSubmit, pending, message } = useActionForm({
    schema: z
      .object({ reset: z.enum(['PASSWORD', 'SECOND_FACTOR']) })
      .transform(({ reset }) => ({ ...account, reset })),
    defaultValues: { reset: 'PASSWORD' as Reset },
    action,
    refresh: true,
    onSuccess: (data) => {
      if (data.reset === 'PASSWORD') setPassword(data.temporaryPassword);
      else return t('secondFactorReset');
    },
  });
  const submit = (reset: Reset) => (event: FormEvent<HTMLFormElement>) => {
    setPassword(null);
    form.setValue('reset', reset);
    void onSubmit(event);
  };

  return (
    <div>
      <ActionMessage message={message} />
      {password ? <OneTimeSecret heading={t('passwordReset')} username={username} password={password} /> : null}
      <p className="mb-3">{t('resetPasswordBody')}</p>
      <form className="mb-6" onSubmit={submit('PASSWORD')}>
        <button type="submit" className="button button-secondary" disabled={pending}>
          {t('resetPassword')}
        </button>
      </form>
      {hasSecondFactor ? (
        <>
          <p className="mb-3">{t('resetSecondFactorBody')}</p>
          <form onSubmit={submit('SECOND_FACTOR')}>
            <button type="submit" className="button button-secondary" disabled={pending}>
              {t('resetSecondFactor')}
            </button>
          </form>
        </>
      ) : null}
    </div>
  );
}
