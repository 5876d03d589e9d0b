'use client';
// Create a staff account: username, name, role and scope. On success the temporary password is shown once.
import { useState } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { payloadSchema, useActionForm, type SchemaAction } from '@/components/forms/use-action-form';
import { ErrorSummary } from '@/components/ui/error-summary';
import { TextField } from '@/components/ui/text-field';
import { createStaffSchema } from '@/lib/admin/schemas';
import { OneTimeSecret } from './one-time-secret';
import { scopePayload, StaffScopeFields } from './staff-scope-fields';
import type { ListUnitsAction, Option, ScopeValues } from './staff-scope-fields';

interface Values extends ScopeValues {
  username: string;
  displayName: string;
}

interface Created {
  userId: string;
  username: string;
  temporaryPassword: string;
}

export type CreateStaffAction = SchemaAction<typeof createStaffSchema, Created>;

const FIELDS = [
  ['staff-username', 'username'],
  ['staff-display-name', 'displayName'],
  ['staff-role', 'role'],
  ['staff-province', 'provinceCode'],
  ['staff-unit', 'unitCode'],
] as const;

const schema = payloadSchema(
  (values: Values) => ({ username: values.username, displayName: values.displayName, ...scopePayload(values) }),
  createStaffSchema,
);

export function StaffCreateForm({
  provinces,
  action,
  listUnits,
}: {
  provinces: Option[];
  action: CreateStaffAction;
  listUnits: ListUnitsAction;
}) {
  const t = useTranslations('admin.staffNew');
  const [created, setCreated] = useState<Created | null>(null);
  const { form, onSubmit, pending, refusal, errorFor, summary } = useActionForm({
    schema,
    defaultValues: { username: '', displayName: '', role: 'REVIEWER', provinceCode: '', unitCode: '' },
    action,
    onSuccess: (data) => setCreated(data),
  });

  if (created) {
    return (
      <div>
        <OneTimeSecret heading={t('created')} username={created.username} password={created.temporaryPassword} />
        <p className="flex flex-wrap gap-6">
          <Link href={`/admin/staff/${created.userId}`}>{t('viewAccount')}</Link>
          <Link href="/admin/staff">{t('back')}</Link>
        </p>
      </div>
    );
  }

  const errors = summary(FIELDS);
  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('title')}>
      <ErrorSummary
        title={t('problem')}
        errors={refusal ? [{ fieldId: 'staff-username', message: refusal }, ...errors] : errors}
      />
      <TextField
        id="staff-username"
        label={t('usernameLabel')}
        hint={t('usernameHint')}
        autoCapitalize="none"
        spellCheck={false}
        autoComplete="off"
        error={errorFor('username')}
        {...form.register('username')}
      />
      <TextField
        id="staff-display-name"
        label={t('displayNameLabel')}
        autoComplete="off"
        error={errorFor('displayName')}
        {...form.register('displayName')}
      />
      <StaffScopeFields form={form} provinces={provinces} errorFor={errorFor} listUnits={listUnits} />
      <button type="submit" className="button" disabled={pending}>
        {t('submit')}
      </button>
    </form>
  );
}
