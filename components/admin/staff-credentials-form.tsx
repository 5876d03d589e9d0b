'use client';
// Help a staff member back in: a new temporary password (shown once), or their second factor removed so they enrol
// again. Either way they are signed out everywhere.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { resetStaffCredentialsAction } from '@/app/admin/staff/actions';
import { ActionMessage } from './action-message';
import { OneTimeSecret } from './one-time-secret';

export function StaffCredentialsForm({
  userId,
  username,
  expectedUpdatedAt,
  hasSecondFactor,
}: {
  userId: string;
  username: string;
  expectedUpdatedAt: string;
  hasSecondFactor: boolean;
}) {
  const t = useTranslations('admin.staffDetail');
  const tAll = useTranslations();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [password, setPassword] = useState<string | null>(null);

  async function reset(what: 'PASSWORD' | 'SECOND_FACTOR') {
    setPending(true);
    setMessage(null);
    setPassword(null);
    const result = await resetStaffCredentialsAction({ userId, expectedUpdatedAt, reset: what });
    setPending(false);
    if (!result.ok) {
      setMessage({ kind: 'error', text: tAll(result.messageKey) });
      return;
    }
    if (result.data.reset === 'PASSWORD') setPassword(result.data.temporaryPassword);
    else setMessage({ kind: 'ok', text: t('secondFactorReset') });
    router.refresh();
  }

  return (
    <div>
      <ActionMessage message={message} />
      {password ? <OneTimeSecret heading={t('passwordReset')} username={username} password={password} /> : null}
      <p className="mb-3">{t('resetPasswordBody')}</p>
      <form
        className="mb-6"
        onSubmit={(event) => {
          event.preventDefault();
          void reset('PASSWORD');
        }}
      >
        <button type="submit" className="button button-secondary" disabled={pending}>
          {t('resetPassword')}
        </button>
      </form>
      {hasSecondFactor ? (
        <>
          <p className="mb-3">{t('resetSecondFactorBody')}</p>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void reset('SECOND_FACTOR');
            }}
          >
            <button type="submit" className="button button-secondary" disabled={pending}>
              {t('resetSecondFactor')}
            </button>
          </form>
        </>
      ) : null}
    </div>
  );
}
