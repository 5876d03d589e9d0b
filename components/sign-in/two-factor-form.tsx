'use client';
// The second-factor step: one field for the 6-digit code from the app or a recovery code; refusals show beside it.
import { useTranslations } from 'next-intl';
import { CodeForm } from '@/components/forms/code-form';
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
  const code = useCodeForm(secondFactorSchema, action, () => window.location.assign(callbackUrl));

  return (
    <CodeForm
      code={code}
      formLabel={t('verify.formLabel')}
      id="second-factor-code"
      label={t('verify.codeLabel')}
      hint={t('verify.codeHint')}
      submitLabel={t('verify.submit')}
      recoveryCodeToo
    />
  );
}
