'use client';
// Publish the next version of a province's deadline policy. Each field shows the national maximum; a longer value (or
// a shorter reply time for citizens) is refused beside its field.
import { useTranslations } from 'next-intl';
import { ActionMessage } from '@/components/forms/action-message';
import { payloadSchema, useActionForm, type SchemaAction } from '@/components/forms/use-action-form';
import { ErrorSummary } from '@/components/ui/error-summary';
import { TextField } from '@/components/ui/text-field';
import { publishDeadlinePolicySchema } from '@/lib/admin/schemas';
import type { DeadlinePolicyValues } from '@/lib/cases/rules/deadlines';

const RULES = ['redHours', 'yellowHours', 'recognitionHours', 'secondReviewWorkingDays', 'citizenReplyHours'] as const;
type Values = Record<(typeof RULES)[number], string>;

export type PublishPolicyAction = SchemaAction<typeof publishDeadlinePolicySchema, { version: number }>;

export function PolicyForm({
  provinceCode,
  basedOnVersion,
  initial,
  national,
  action,
}: {
  provinceCode: string;
  basedOnVersion: number | null;
  initial: DeadlinePolicyValues;
  national: DeadlinePolicyValues;
  action: PublishPolicyAction;
}) {
  const t = useTranslations('admin.policy');
  const tRules = useTranslations('admin.policies');
  const { form, onSubmit, pending, message, errorFor, summary } = useActionForm({
    schema: payloadSchema(
      (values: Values) => ({
        provinceCode,
        basedOnVersion,
        ...Object.fromEntries(
          RULES.map((rule) => [rule, values[rule].trim() === '' ? Number.NaN : Number(values[rule])]),
        ),
      }),
      publishDeadlinePolicySchema,
    ),
    defaultValues: Object.fromEntries(RULES.map((rule) => [rule, String(initial[rule])])) as Values,
    action,
    refresh: true,
    onSuccess: ({ version }) => t('published', { version }),
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="publish-heading">
      <ActionMessage message={message} />
      <ErrorSummary title={t('problem')} errors={summary(RULES.map((rule) => [`policy-${rule}`, rule] as const))} />
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
      <button type="submit" className="button" disabled={pending}>
        {t('submit')}
      </button>
    </form>
  );
}
