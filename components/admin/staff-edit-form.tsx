'use client';
// Change a staff member's name, role or scope. A role or scope change signs that person out everywhere at once.
import { useTranslations } from 'next-intl';
import { ActionMessage } from '@/components/forms/action-message';
import { payloadSchema, useActionForm, type SchemaAction } from '@/components/forms/use-action-form';
import { TextField } from '@/components/ui/text-field';
import { updateStaffSchema, type StaffRole } from '@/lib/admin/schemas';
import type { AccountVersion } from './account-version';
import { scopePayload, StaffScopeFields } from './staff-scope-fields';
import type { ListUnitsAction, Option, ScopeValues } from './staff-scope-fields';

interface Values extends ScopeValues {
  displayName: string;
}

export interface EditableAccount extends AccountVersion {
  displayName: string;
  role: StaffRole;
  provinceCode: string;
  unitCode: string;
}

export type UpdateStaffAction = SchemaAction<typeof updateStaffSchema, { changed: boolean; sessionsEnded: number }>;

export function StaffEditForm({
  account,
  provinces,
  units,
  action,
  listUnits,
}: {
  account: EditableAccount;
  provinces: Option[];
  units: { province: string; options: Option[] } | null;
  action: UpdateStaffAction;
  listUnits: ListUnitsAction;
}) {
  const t = useTranslations('admin.staffDetail');
  const { form, onSubmit, pending, message, errorFor } = useActionForm({
    schema: payloadSchema(
      (values: Values) => ({
        userId: account.userId,
        expectedUpdatedAt: account.expectedUpdatedAt,
        displayName: values.displayName,
        ...scopePayload(values),
      }),
      updateStaffSchema,
    ),
    defaultValues: {
      displayName: account.displayName,
      role: account.role,
      provinceCode: account.provinceCode,
      unitCode: account.unitCode,
    },
    action,
    announce: 'always',
    refresh: true,
    onSuccess: (data) =>
      !data.changed
        ? t('noChanges')
        : data.sessionsEnded > 0
          ? t('savedSignedOut', { count: data.sessionsEnded })
          : t('saved'),
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
      <StaffScopeFields
        form={form}
        provinces={provinces}
        errorFor={errorFor}
        initialUnits={units}
        listUnits={listUnits}
      />
      <button type="submit" className="button" disabled={pending}>
        {t('save')}
      </button>
    </form>
  );
}
