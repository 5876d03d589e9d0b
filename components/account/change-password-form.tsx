'use client';
// Current password, new password twice; refusals (wrong current password, too short, lockout) show beside their field.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { changePasswordAction } from '@/app/account/actions';
import { TextField } from '@/components/ui/text-field';
import { changePasswordSchema, MIN_PASSWORD_LENGTH, type ChangePasswordInput } from '@/lib/admin/account-schemas';

export function ChangePasswordForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('totp');
  const tAll = useTranslations();
  const [done, setDone] = useState(false);
  const [refusal, setRefusal] = useState<{ field: string; message: string } | null>(null);
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const messageFor = (field: keyof ChangePasswordInput): string | null => {
    if (refusal?.field === field) return refusal.message;
    const key = errors[field]?.message;
    return key ? tAll(key) : null;
  };

  const onSubmit = form.handleSubmit(async (input) => {
    setRefusal(null);
    const result = await changePasswordAction(input);
    if (result.ok) {
      setDone(true);
      window.location.assign(callbackUrl);
      return;
    }
    const field = Object.keys(result.fieldErrors ?? {})[0] ?? 'currentPassword';
    setRefusal({ field, message: tAll(result.messageKey, result.values) });
    form.setValue('currentPassword', '');
    form.setFocus(field as keyof ChangePasswordInput);
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('password.formLabel')}>
      {done ? (
        <p role="status" className="mb-4 border-l-4 border-action bg-panel px-4 py-3">
          {t('password.changed')}
        </p>
      ) : null}
      <TextField
        id="current-password"
        label={t('password.currentLabel')}
        type="password"
        autoComplete="current-password"
        error={messageFor('currentPassword')}
        {...form.register('currentPassword')}
      />
      <TextField
        id="new-password"
        label={t('password.newLabel')}
        hint={t('password.newHint', { min: MIN_PASSWORD_LENGTH })}
        type="password"
        autoComplete="new-password"
        error={messageFor('newPassword')}
        {...form.register('newPassword')}
      />
      <TextField
        id="confirm-password"
        label={t('password.confirmLabel')}
        type="password"
        autoComplete="new-password"
        error={messageFor('confirmPassword')}
        {...form.register('confirmPassword')}
      />
      <button type="submit" className="button" disabled={isSubmitting || done}>
        {t('password.submit')}
      </button>
    </form>
  );
}
