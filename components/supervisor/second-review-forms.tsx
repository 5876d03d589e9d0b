'use client';
// The second-level review actions: take up a requested review, then decide it (outcome, catalogue rule, reasons),
// checked in the browser with the same decideSchema the server action applies.
import { useActionState, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import type { z } from 'zod';
import type { FormStateAction, SchemaAction } from '@/components/forms/use-action-form';
import type { ActionResult } from '@/lib/core/action-result';
import { decideSchema } from '@/lib/cases/forms/schemas';
import type { DecisionOutcome } from '@/lib/db/generated/enums';
import { RadioGroup } from '@/components/ui/radio-group';
import { SelectField } from '@/components/ui/select-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { ActionStatus } from './action-status';

export function StartReviewForm({
  caseId,
  version,
  start,
}: {
  caseId: string;
  version: number;
  /** Takes up the review (a server action handed down by the page). */
  start: FormStateAction<unknown>;
}) {
  const t = useTranslations('supervise.secondReview');
  const [result, action, pending] = useActionState(start, null);
  return (
    <form action={action}>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <p className="mb-2">{t('startHint')}</p>
      <button type="submit" className="button" disabled={pending}>
        {t('start')}
      </button>
      <ActionStatus result={result} success={() => t('started')} />
    </form>
  );
}

type DecideValues = z.input<typeof decideSchema>;

export function DecideReviewForm({
  caseId,
  version,
  rules,
  choices,
  decide,
}: {
  caseId: string;
  version: number;
  rules: { code: string; name: string }[];
  /** The outcomes this review may choose (never worse than the first decision), each with its label. */
  choices: { outcome: DecisionOutcome; label: string }[];
  /** Records the decision (a server action handed down by the page). */
  decide: SchemaAction<typeof decideSchema, { reference: string }>;
}) {
  const t = useTranslations('supervise.secondReview');
  const tAll = useTranslations();
  const [result, setResult] = useState<ActionResult<{ reference: string }> | null>(null);
  const form = useForm<DecideValues>({
    resolver: zodResolver(decideSchema),
    defaultValues: { caseId, expectedVersion: version, outcome: undefined, ruleCode: '', reasons: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const message = (key: string | undefined) => (key ? (tAll.has(key) ? tAll(key) : tAll('errors.validation')) : null);
  const onSubmit = form.handleSubmit(async (values) => {
    setResult(await decide(values));
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="decide-heading" className="max-w-2xl">
      <RadioGroup
        id="decide-outcome"
        legend={t('outcomeLegend')}
        hint={t('noWorseHint')}
        error={message(errors.outcome?.message)}
        options={choices.map(({ outcome, label }) => ({ value: outcome, label }))}
        input={form.register('outcome')}
      />
      <SelectField
        id="decide-rule"
        label={t('ruleLabel')}
        error={message(errors.ruleCode?.message)}
        {...form.register('ruleCode')}
      >
        <option value="">{t('rulePlaceholder')}</option>
        {rules.map((rule) => (
          <option key={rule.code} value={rule.code}>
            {rule.name}
          </option>
        ))}
      </SelectField>
      <TextareaField
        id="decide-reasons"
        label={t('reasonsLabel')}
        hint={t('reasonsHint')}
        error={message(errors.reasons?.message)}
        {...form.register('reasons')}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        {t('submit')}
      </button>
      <ActionStatus result={result} success={() => t('recorded')} />
    </form>
  );
}
