'use client';
// Current password, new password twice; refusals (wrong current password, too short, lockout) show beside their field.
import { useState } from 'react';
import type { Path } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { REFUSAL, useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { TextField } from '@/components/ui/text-field';
import { changePasswordSchema, MIN_PASSWORD_LENGTH, type ChangePasswordInput } from '@/lib/admin/account-schemas';

// The three password fields: the current one, then the new one twice.
const PASSWORD_FIELDS = [
  { name: 'currentPassword', id: 'current-password', label: 'password.currentLabel', autoComplete: 'current-password' },
  { name: 'newPassword', id: 'new-password', label: 'password.newLabel', autoComplete: 'new-password' },
  { name: 'confirmPassword', id: 'confirm-password', label: 'password.confirmLabel', autoComplete: 'new-password' },
] as const;

export function ChangePasswordForm({
  callbackUrl,
  action,
}: {
  callbackUrl: string;
  action: FormAction<ChangePasswordInput, unknown>;
}) {
  const t = useTranslations('totp');
  const tAll = useTranslations();
  const [done, setDone] = useState(false);
  const { form, onSubmit, pending, errorFor } = useActionForm({
    schema: changePasswordSchema,
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    action,
    onSuccess: () => {
      setDone(true);
      window.location.assign(callbackUrl);
    },
    // The refusal's own message goes beside the field it names (the current password when it names none).
    onRefusal: (refusal, { setError, setValue, setFocus }) => {
      const field = (Object.keys(refusal.fieldErrors ?? {})[0] ?? 'currentPassword') as Path<ChangePasswordInput>;
      setValue('currentPassword', '');
      setError(field, { type: REFUSAL, message: tAll(refusal.messageKey, refusal.values) });
      setFocus(field);
      return true;
    },
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('password.formLabel')}>
      {done ? (
        <p role="status" className="mb-4 border-l-4 border-action bg-panel px-4 py-3">
          {t('password.changed')}
        </p>
      ) : null}
      {PASSWORD_FIELDS.map(({ name, id, label, autoComplete }) => (
        <TextField
          key={name}
          id={id}
          label={t(label)}
          hint={name === 'newPassword' ? t('password.newHint', { min: MIN_PASSWORD_LENGTH }) : undefined}
          type="password"
          autoComplete={autoComplete}
          error={errorFor(name)}
          {...form.register(name)}
        />
      ))}
      <button type="submit" className="button" disabled={pending || done}>
        {t('password.submit')}
      </button>
    </form>
  );
}
