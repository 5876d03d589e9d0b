'use client';
// Disable a staff account (every session ends at once; open cases stay for supervisors to reassign) or enable it again.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { setStaffActiveAction } from '@/app/admin/staff/actions';
import { ActionMessage } from './action-message';

export function StaffStatusForm({
  userId,
  expectedUpdatedAt,
  active,
  openCases,
}: {
  userId: string;
  expectedUpdatedAt: string;
  active: boolean;
  openCases: number;
}) {
  const t = useTranslations('admin.staffDetail');
  const tAll = useTranslations();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        setMessage(null);
        const result = await setStaffActiveAction({ userId, expectedUpdatedAt, active: !active });
        setPending(false);
        if (!result.ok) {
          setMessage({ kind: 'error', text: tAll(result.messageKey) });
          return;
        }
        setMessage({
          kind: 'ok',
          text: result.data.active
            ? t('enabled')
            : `${t('disabled', { count: result.data.sessionsEnded })}${result.data.openCases > 0 ? ` ${t('openCasesNote', { count: result.data.openCases })}` : ''}`,
        });
        router.refresh();
      }}
    >
      <ActionMessage message={message} />
      <p className="mb-4">{active ? t('disableBody') : t('enableBody')}</p>
      {active && openCases > 0 ? <p className="mb-4">{t('openCasesNote', { count: openCases })}</p> : null}
      <button type="submit" className={active ? 'button bg-danger' : 'button'} disabled={pending}>
        {active ? t('disable') : t('enable')}
      </button>
    </form>
  );
}
