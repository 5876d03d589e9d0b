'use client';
// The second-factor step: one field for the 6-digit code from the app or a recovery code; refusals show beside it.
import { useTranslations } from 'next-intl';
import { TextField } from '@/components/ui/text-field';
import { secondFactorSchema } from '@/lib/admin/account-schemas';
import { useCodeForm } from '@/components/forms/use-code-form';
import type { FormAction } from '@/components/forms/use-action-form';

export function TwoFactorForm({
  callbackUrl,
  action,
}: {
  callbackUrl: string;
  action: FormAction<{ code: string }, unknown>;
}) {
  const t = useTranslations('totp');
  const { onSubmit, isSubmitting, error, codeField } = useCodeForm(secondFactorSchema, action, () =>
    window.location.assign(callbackUrl),
  );

  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('verify.formLabel')}>
      <TextField
        id="second-factor-code"
        label={t('verify.codeLabel')}
        hint={t('verify.codeHint')}
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        error={error}
        {...codeField}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        {t('verify.submit')}
      </button>
    </form>
  );
}
