'use client';
// The status check without an account (SPEC §11): the reference number, then the code sent to the phone on the case,
// then a minimal status (no personal data). The answers are the same whether or not the reference exists.
import { useEffect, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import type { FormAction } from '@/components/forms/use-action-form';
import { SmsCodeForm } from '@/components/forms/sms-code-form';
import { TextField } from '@/components/ui/text-field';
import type { PublicCaseStatus } from '@/lib/cases/views/status-lookup';
import { statusCodeCheckSchema, statusCodeRequestSchema } from '@/lib/cases/forms/status-lookup-schemas';
import { formatDateTime } from '@/lib/i18n/format-date';

interface ReferenceValues {
  reference: string;
}

interface CodeValues {
  reference: string;
  code: string;
}

export function StatusCheck({
  requestCode,
  checkCode,
}: {
  /** Sends a code to the phone on the case (server actions handed down by the page). */
  requestCode: FormAction<{ reference: string }, unknown>;
  checkCode: FormAction<CodeValues, PublicCaseStatus>;
}) {
  const t = useTranslations('citizenStatus');
  const tAll = useTranslations();
  const tStates = useTranslations('citizenStates');
  const tTypes = useTranslations('caseTypes');
  const tTerms = useTranslations('citizenTerms');
  const locale = useLocale();
  const [reference, setReference] = useState<string | null>(null);
  const [status, setStatus] = useState<PublicCaseStatus | null>(null);
  const [referenceError, setReferenceError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const referenceForm = useForm<ReferenceValues>({
    resolver: zodResolver(statusCodeRequestSchema) as unknown as Resolver<ReferenceValues>,
    defaultValues: { reference: '' },
  });
  const codeForm = useForm<CodeValues>({
    resolver: zodResolver(statusCodeCheckSchema) as unknown as Resolver<CodeValues>,
    defaultValues: { reference: '', code: '' },
  });
  const { setFocus } = codeForm;

  useEffect(() => {
    if (reference && !status) setFocus('code');
  }, [reference, status, setFocus]);

  const send = async (value: string): Promise<boolean> => {
    try {
      const result = await requestCode({ reference: value });
      if (result.ok) return true;
      const fieldKey = result.fieldErrors?.reference;
      setReferenceError(tAll(fieldKey ?? result.messageKey, result.values));
    } catch {
      setReferenceError(tAll('errors.generic'));
    }
    return false;
  };

  const onRequest = referenceForm.handleSubmit(async (values) => {
    setReferenceError(null);
    const normalised = values.reference.trim().toUpperCase();
    if (await send(normalised)) {
      setReference(normalised);
      setNotice(t('sent'));
      codeForm.reset({ reference: normalised, code: '' });
    }
  });

  const onResend = async () => {
    if (!reference) return;
    setCodeError(null);
    if (await send(reference)) setNotice(t('sent'));
    else setNotice(referenceError);
  };

  const onCheck = codeForm.handleSubmit(async (values) => {
    setCodeError(null);
    try {
      const result = await checkCode(values);
      if (result.ok) {
        setStatus(result.data);
        return;
      }
      setCodeError(tAll(result.fieldErrors?.code ?? result.messageKey, result.values));
    } catch {
      setCodeError(tAll('errors.generic'));
    }
  });

  const startOver = () => {
    setReference(null);
    setStatus(null);
    setNotice(null);
    setCodeError(null);
    referenceForm.reset({ reference: '' });
  };

  if (status) {
    return (
      <section aria-labelledby="status-result-heading" data-testid="status-result">
        <h2 id="status-result-heading" className="mb-4 text-2xl font-bold">
          {t('resultHeading', { reference: status.reference })}
        </h2>
        <dl className="m-0 mb-6 border-t border-rule">
          {[
            [t('type'), tTypes(status.type)],
            [t('state'), tStates(status.state)],
            [t('filedAt'), formatDateTime(status.filedAt, locale)],
            ...(status.paused ? [[t('dueAt'), t('paused')]] : []),
            ...(status.dueAt
              ? [
                  [
                    t('dueAt'),
                    `${formatDateTime(status.dueAt, locale)}${tTerms('beijingTime')}${status.provisional ? ` (${tAll('calendarCoverage.provisional')})` : ''}`,
                  ],
                ]
              : []),
            [
              t('decision'),
              status.decision
                ? t('decisionLine', {
                    level: tTerms(`decisionLevels.${status.decision.level}`),
                    outcome: tTerms(`decisionOutcomes.${status.decision.outcome}`),
                    time: formatDateTime(status.decision.decidedAt, locale),
                  })
                : t('noDecision'),
            ],
            ...(status.correction
              ? [
                  [
                    t('correction'),
                    [
                      status.correction.sentAt
                        ? tAll('citizenCase.correctionSent', { time: formatDateTime(status.correction.sentAt, locale) })
                        : null,
                      status.correction.confirmedAt
                        ? tAll('citizenCase.correctionConfirmed', {
                            time: formatDateTime(status.correction.confirmedAt, locale),
                          })
                        : tAll('citizenCase.correctionPending'),
                    ]
                      .filter(Boolean)
                      .join(' '),
                  ],
                ]
              : []),
          ].map(([label, value]) => (
            <div key={label} className="grid gap-1 border-b border-rule py-2 sm:grid-cols-[10rem_1fr] sm:gap-4">
              <dt className="font-semibold">{label}</dt>
              <dd className="m-0" data-testid={`status-${label}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
        <p className="mb-6">
          {t('signIn')} <Link href="/sign-in">{t('signInLink')}</Link>
        </p>
        <button type="button" className="button button-secondary" onClick={startOver}>
          {t('otherReference')}
        </button>
      </section>
    );
  }

  if (!reference) {
    const key = referenceForm.formState.errors.reference?.message;
    return (
      <form noValidate onSubmit={onRequest} aria-label={t('title')} data-testid="status-reference-form">
        <TextField
          id="status-reference"
          label={t('referenceLabel')}
          hint={t('referenceHint')}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          className="max-w-md font-mono"
          error={referenceError ?? (key ? tAll(key) : null)}
          {...referenceForm.register('reference', { onChange: () => setReferenceError(null) })}
        />
        <button type="submit" className="button" disabled={referenceForm.formState.isSubmitting}>
          {t('sendCode')}
        </button>
      </form>
    );
  }

  const codeKey = codeForm.formState.errors.code?.message;
  return (
    <SmsCodeForm
      onSubmit={onCheck}
      formName={{ label: t('title') }}
      testId="status-code-form"
      field={{
        id: 'status-code',
        label: t('codeLabel'),
        hint: t('codeHint'),
        className: 'max-w-xs',
        error: codeError ?? (codeKey ? tAll(codeKey) : null),
        ...codeForm.register('code', { onChange: () => setCodeError(null) }),
      }}
      isSubmitting={codeForm.formState.isSubmitting}
      submitLabel={t('show')}
      resend={{ label: t('resend'), onClick: () => void onResend() }}
      back={{ label: t('otherReference'), onClick: startOver }}
    >
      {notice ? (
        <p role="status" className="mb-4 border-l-4 border-action bg-panel px-4 py-3" data-testid="status-notice">
          {notice}
        </p>
      ) : null}
      <p className="mb-4">
        {t('referenceLabel')}: <span className="font-mono font-bold">{reference}</span>
      </p>
    </SmsCodeForm>
  );
}
