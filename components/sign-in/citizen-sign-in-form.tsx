'use client';
// Citizen sign-in in two steps: the mobile number (we send a code by SMS), then the 6-digit code.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import type { FormAction } from '@/components/forms/use-action-form';
import { SmsCodeForm } from '@/components/forms/sms-code-form';
import { TextField } from '@/components/ui/text-field';
import { citizenSignInSchema, requestCodeSchema, type RequestCodeInput } from '@/lib/auth/schemas';
import { parseSignInError } from '@/lib/auth/sign-in-errors';
import { describeSignInError } from './describe-sign-in-error';

const codeSchema = citizenSignInSchema.pick({ code: true });
type CodeInput = { code: string };

export function CitizenSignInForm({
  callbackUrl,
  requestCode,
}: {
  callbackUrl: string;
  /** Sends the SMS code (a server action handed down by the page). */
  requestCode: FormAction<RequestCodeInput, { maskedMobile: string }>;
}) {
  const t = useTranslations('signIn');
  const tAll = useTranslations();
  const [mobile, setMobile] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [mobileError, setMobileError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [resendStatus, setResendStatus] = useState<string | null>(null);

  const mobileForm = useForm<RequestCodeInput>({
    resolver: zodResolver(requestCodeSchema),
    defaultValues: { mobile: '' },
  });
  const codeForm = useForm<CodeInput>({ resolver: zodResolver(codeSchema), defaultValues: { code: '' } });
  const { setFocus } = codeForm;

  useEffect(() => {
    if (sentTo) setFocus('code');
  }, [sentTo, setFocus]);

  async function sendCode(number: string): Promise<string | null> {
    const result = await requestCode({ mobile: number });
    if (result.ok) {
      setMobile(number);
      setSentTo(result.data.maskedMobile);
      return null;
    }
    const fieldKey = result.fieldErrors?.mobile;
    return fieldKey ? t(`errors.${fieldKey}`) : tAll(result.messageKey, result.values);
  }

  const onRequestCode = mobileForm.handleSubmit(async ({ mobile: number }) => {
    setMobileError(await sendCode(number));
  });

  const onResend = async () => {
    if (!mobile) return;
    setCodeError(null);
    const error = await sendCode(mobile);
    setResendStatus(error ?? t('citizen.resent', { mobile: sentTo ?? '' }));
  };

  const onSignIn = codeForm.handleSubmit(async ({ code }) => {
    if (!mobile) return;
    setResendStatus(null);
    const result = await signIn('citizen-otp', { mobile, code, redirect: false, callbackUrl });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setCodeError(describeSignInError(t, parseSignInError(result?.error) ?? { code: 'generic' }));
  });

  if (!sentTo) {
    const zodKey = mobileForm.formState.errors.mobile?.message;
    return (
      <form noValidate onSubmit={onRequestCode} aria-labelledby="citizen-heading">
        <TextField
          id="citizen-mobile"
          label={t('citizen.mobileLabel')}
          hint={t('citizen.mobileHint')}
          type="tel"
          inputMode="numeric"
          autoComplete="tel-national"
          maxLength={11}
          error={mobileError ?? (zodKey ? t(`errors.${zodKey}`) : null)}
          {...mobileForm.register('mobile', { onChange: () => setMobileError(null) })}
        />
        <button type="submit" className="button" disabled={mobileForm.formState.isSubmitting}>
          {t('citizen.requestCode')}
        </button>
      </form>
    );
  }

  const zodCodeKey = codeForm.formState.errors.code?.message;
  return (
    <SmsCodeForm
      onSubmit={onSignIn}
      formName={{ labelledBy: 'citizen-heading' }}
      field={{
        id: 'citizen-code',
        label: t('citizen.codeLabel'),
        hint: t('citizen.codeHint'),
        type: 'text',
        error: codeError ?? (zodCodeKey ? t(`errors.${zodCodeKey}`) : null),
        ...codeForm.register('code', { onChange: () => setCodeError(null) }),
      }}
      isSubmitting={codeForm.formState.isSubmitting}
      submitLabel={t('citizen.submit')}
      resend={{ label: t('citizen.resend'), onClick: () => void onResend() }}
      back={{
        label: t('citizen.changeMobile'),
        onClick: () => {
          setSentTo(null);
          setCodeError(null);
          setResendStatus(null);
          codeForm.reset({ code: '' });
        },
      }}
    >
      <p role="status" className="mb-4 border-l-4 border-action bg-panel px-4 py-3">
        {resendStatus ?? t('citizen.codeSent', { mobile: sentTo })}
      </p>
    </SmsCodeForm>
  );
}
