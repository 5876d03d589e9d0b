'use client';
// The second-factor step: one field for the 6-digit code from the app or a recovery code; refusals show beside it.
import { useTranslations } from 'next-intl';
import { verifySecondFactorAction } from '@/app/sign-in/two-factor/actions';
import { TextField } from '@/components/ui/text-field';
import { secondFactorSchema } from '@/lib/admin/account-schemas';
import { useCodeForm } from '@/components/ui/use-code-form';

export function TwoFactorForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('totp');
  const { onSubmit, isSubmitting, error, codeField } = useCodeForm(secondFactorSchema, verifySecondFactorAction, () =>
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
