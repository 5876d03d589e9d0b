'use client';
// Staff sign-in with username and password; refusals (wrong password, lockout, disabled account) show beside the password.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { TextField } from '@/components/ui/text-field';
import { staffSignInSchema, type StaffSignInInput } from '@/lib/auth/schemas';
import { parseSignInError } from '@/lib/auth/sign-in-errors';
import { describeSignInError } from './describe-sign-in-error';

export function StaffSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('signIn');
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<StaffSignInInput>({
    resolver: zodResolver(staffSignInSchema),
    defaultValues: { username: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ username, password }) => {
    setRefusal(null);
    const result = await signIn('staff-password', { username, password, redirect: false, callbackUrl });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setRefusal(describeSignInError(t, parseSignInError(result?.error) ?? { code: 'generic' }));
    form.setValue('password', '');
    form.setFocus('password');
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="staff-heading">
      <TextField
        id="staff-username"
        label={t('staff.usernameLabel')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        error={errors.username?.message ? t(`errors.${errors.username.message}`) : null}
        {...form.register('username')}
      />
      <TextField
        id="staff-password"
        label={t('staff.passwordLabel')}
        type="password"
        autoComplete="current-password"
        error={refusal ?? (errors.password?.message ? t(`errors.${errors.password.message}`) : null)}
        {...form.register('password', { onChange: () => setRefusal(null) })}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        {t('staff.submit')}
      </button>
    </form>
  );
}
