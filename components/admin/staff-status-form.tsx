'use client';
// Disable a staff account (every session ends at once; open cases stay for supervisors to reassign) or enable it again.
import { useTranslations } from 'next-intl';
import { z } from 'zod';
import { ActionMessage } from '@/components/forms/action-message';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import type { SetStaffActiveInput } from '@/lib/admin/schemas';
import type { AccountVersion } from './account-version';

export type SetStaffActiveAction = FormAction<
  SetStaffActiveInput,
  { active: boolean; sessionsEnded: number; openCases: number }
>;

export function StaffStatusForm({
  account,
  active,
  openCases,
  action,
}: {
  account: AccountVersion;
  active: boolean;
  openCases: number;
  action: SetStaffActiveAction;
}) {
  const t = useTranslations('admin.staffDetail');
  const { onSubmit, pending, message } = useActionForm({
    schema: z.object({}).transform(() => ({ ...account, active: !active })),
    defaultValues: {},
    action,
    refresh: true,
    onSuccess: (data) =>
      data.active
        ? t('enabled')
        : `${t('disabled', { count: data.sessionsEnded })}${data.openCases > 0 ? ` ${t('openCasesNote', { count: data.openCases })}` : ''}`,
  });
  return (
    <form onSubmit={onSubmit}>
      <ActionMessage message={message} />
      <p className="mb-4">{active ? t('disableBody') : t('enableBody')}</p>
      {active && openCases > 0 ? <p className="mb-4">{t('openCasesNote', { count: openCases })}</p> : null}
      <button type="submit" className={active ? 'button bg-danger' : 'button'} disabled={pending}>
        {active ? t('disable') : t('enable')}
      </button>
    </form>
  );
}
