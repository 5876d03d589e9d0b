'use client';
// Create a staff account: username, name, role and scope. On success the temporary password is shown once.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { createStaffAccountAction } from '@/app/admin/staff/actions';
import { ErrorSummary } from '@/components/ui/error-summary';
import { TextField } from '@/components/ui/text-field';
import { createStaffSchema } from '@/lib/admin/schemas';
import { OneTimeSecret } from './one-time-secret';
import { payloadResolver } from './payload-resolver';
import { scopePayload, StaffScopeFields, type Option, type ScopeValues } from './staff-scope-fields';

interface Values extends ScopeValues {
  username: string;
  displayName: string;
}

const FIELD_IDS: Record<string, string> = {
  username: 'staff-username',
  displayName: 'staff-display-name',
  role: 'staff-role',
  provinceCode: 'staff-province',
  unitCode: 'staff-unit',
};

const toPayload = (values: Values) => ({
  username: values.username,
  displayName: values.displayName,
  ...scopePayload(values),
});

export function StaffCreateForm({ provinces }: { provinces: Option[] }) {
  const t = useTranslations('admin.staffNew');
  const tAll = useTranslations();
  const [created, setCreated] = useState<{ userId: string; username: string; temporaryPassword: string } | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: payloadResolver(createStaffSchema, toPayload),
    defaultValues: { username: '', displayName: '', role: 'REVIEWER', provinceCode: '', unitCode: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const errorFor = (field: string): string | null => {
    const key = serverErrors[field] ?? errors[field as keyof Values]?.message;
    return key ? tAll(key) : null;
  };

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

  const onSubmit = form.handleSubmit(async (values) => {
    setServerErrors({});
    setFormError(null);
    const result = await createStaffAccountAction(toPayload(values));
    if (result.ok) {
      setCreated(result.data);
      return;
    }
    setServerErrors(result.fieldErrors ?? {});
    if (!result.fieldErrors) setFormError(tAll(result.messageKey));
  });

  const summary = Object.keys(FIELD_IDS)
    .map((field) => ({ fieldId: FIELD_IDS[field] ?? field, message: errorFor(field) }))
    .filter((entry): entry is { fieldId: string; message: string } => entry.message !== null);

  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('title')}>
      <ErrorSummary
        title={t('problem')}
        errors={formError ? [{ fieldId: 'staff-username', message: formError }, ...summary] : summary}
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
      <StaffScopeFields form={form} provinces={provinces} errorFor={errorFor} />
      <button type="submit" className="button" disabled={isSubmitting}>
        {t('submit')}
      </button>
    </form>
  );
}
