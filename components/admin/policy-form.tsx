'use client';
// Publish the next version of a province's deadline policy. Each field shows the national maximum; a longer value (or
// a shorter reply time for citizens) is refused beside its field.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { publishDeadlinePolicyAction } from '@/app/admin/policies/actions';
import { ErrorSummary } from '@/components/ui/error-summary';
import { TextField } from '@/components/ui/text-field';
import { publishDeadlinePolicySchema } from '@/lib/admin/schemas';
import type { DeadlinePolicyValues } from '@/lib/cases/rules/deadlines';
import { ActionMessage } from './action-message';
import { payloadResolver } from './payload-resolver';

const RULES = ['redHours', 'yellowHours', 'recognitionHours', 'secondReviewWorkingDays', 'citizenReplyHours'] as const;
type Values = Record<(typeof RULES)[number], string>;

export function PolicyForm({
  provinceCode,
  basedOnVersion,
  initial,
  national,
}: {
  provinceCode: string;
  basedOnVersion: number | null;
  initial: DeadlinePolicyValues;
  national: DeadlinePolicyValues;
}) {
  const t = useTranslations('admin.policy');
  const tRules = useTranslations('admin.policies');
  const tAll = useTranslations();
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const toPayload = (values: Values) => ({
    provinceCode,
    basedOnVersion,
    ...Object.fromEntries(RULES.map((rule) => [rule, values[rule].trim() === '' ? Number.NaN : Number(values[rule])])),
  });
  const form = useForm<Values>({
    resolver: payloadResolver(publishDeadlinePolicySchema, toPayload),
    defaultValues: Object.fromEntries(RULES.map((rule) => [rule, String(initial[rule])])) as Values,
  });
  const { errors, isSubmitting } = form.formState;
  const errorFor = (field: (typeof RULES)[number]): string | null => {
    const key = serverErrors[field] ?? errors[field]?.message;
    return key ? tAll(key) : null;
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    setServerErrors({});
    const result = await publishDeadlinePolicyAction(
      toPayload(values) as Parameters<typeof publishDeadlinePolicyAction>[0],
    );
    if (!result.ok) {
      setServerErrors(result.fieldErrors ?? {});
      if (!result.fieldErrors) setMessage({ kind: 'error', text: tAll(result.messageKey) });
      return;
    }
    setMessage({ kind: 'ok', text: t('published', { version: result.data.version }) });
    router.refresh();
  });

  const summary = RULES.map((rule) => ({ fieldId: `policy-${rule}`, message: errorFor(rule) })).filter(
    (entry): entry is { fieldId: string; message: string } => entry.message !== null,
  );
  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="publish-heading">
      <ActionMessage message={message} />
      <ErrorSummary title={t('problem')} errors={summary} />
      {RULES.map((rule) => (
        <TextField
          key={rule}
          id={`policy-${rule}`}
          label={tRules(`rules.${rule}`)}
          hint={
            rule === 'citizenReplyHours'
              ? t('hintReply', { value: national[rule] })
              : rule === 'secondReviewWorkingDays'
                ? t('hintDays', { value: national[rule] })
                : t('hintHours', { value: national[rule] })
          }
          inputMode="numeric"
          className="max-w-40"
          error={errorFor(rule)}
          {...form.register(rule)}
        />
      ))}
      <button type="submit" className="button" disabled={isSubmitting}>
        {t('submit')}
      </button>
    </form>
  );
}
