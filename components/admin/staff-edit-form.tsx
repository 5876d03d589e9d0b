'use client';
// Change a staff member's name, role or scope. A role or scope change signs that person out everywhere at once.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { updateStaffAccountAction } from '@/app/admin/staff/actions';
import { TextField } from '@/components/ui/text-field';
import { updateStaffSchema, type StaffRole } from '@/lib/admin/schemas';
import { ActionMessage } from './action-message';
import { payloadResolver } from './payload-resolver';
import { scopePayload, StaffScopeFields, type Option, type ScopeValues } from './staff-scope-fields';

interface Values extends ScopeValues {
  displayName: string;
}

export interface EditableAccount {
  userId: string;
  expectedUpdatedAt: string;
  displayName: string;
  role: StaffRole;
  provinceCode: string;
  unitCode: string;
}

export function StaffEditForm({
  account,
  provinces,
  units,
}: {
  account: EditableAccount;
  provinces: Option[];
  units: { province: string; options: Option[] } | null;
}) {
  const t = useTranslations('admin.staffDetail');
  const tAll = useTranslations();
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const toPayload = (values: Values) => ({
    userId: account.userId,
    expectedUpdatedAt: account.expectedUpdatedAt,
    displayName: values.displayName,
    ...scopePayload(values),
  });
  const form = useForm<Values>({
    resolver: payloadResolver(updateStaffSchema, toPayload),
    defaultValues: {
      displayName: account.displayName,
      role: account.role,
      provinceCode: account.provinceCode,
      unitCode: account.unitCode,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const errorFor = (field: string): string | null => {
    const key = serverErrors[field] ?? errors[field as keyof Values]?.message;
    return key ? tAll(key) : null;
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    setServerErrors({});
    const result = await updateStaffAccountAction(toPayload(values));
    if (!result.ok) {
      setServerErrors(result.fieldErrors ?? {});
      setMessage({ kind: 'error', text: tAll(result.messageKey) });
      return;
    }
    setMessage({
      kind: 'ok',
      text: !result.data.changed
        ? t('noChanges')
        : result.data.sessionsEnded > 0
          ? t('savedSignedOut', { count: result.data.sessionsEnded })
          : t('saved'),
    });
    router.refresh();
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="edit-heading">
      <ActionMessage message={message} />
      <TextField
        id="staff-display-name"
        label={t('displayNameLabel')}
        autoComplete="off"
        error={errorFor('displayName')}
        {...form.register('displayName')}
      />
      <StaffScopeFields form={form} provinces={provinces} errorFor={errorFor} initialUnits={units} />
      <button type="submit" className="button" disabled={isSubmitting}>
        {t('save')}
      </button>
    </form>
  );
}
