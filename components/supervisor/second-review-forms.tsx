'use client';
// The second-level review actions: take up a requested review, then decide it (outcome, catalogue rule, reasons),
// checked in the browser with the same decideSchema the server action applies.
import { useActionState, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import type { z } from 'zod';
import type { FormAction, FormStateAction } from '@/components/forms/use-action-form';
import type { ActionResult } from '@/lib/core/action-result';
import { decideSchema } from '@/lib/cases/forms/schemas';
import type { DecisionOutcome } from '@/lib/db/generated/enums';
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
  decide: FormAction<z.output<typeof decideSchema>, { reference: string }>;
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
      <fieldset
        className={`mb-5 border-0 p-0 ${errors.outcome ? 'border-l-4 border-danger pl-3' : ''}`}
        aria-describedby={errors.outcome ? 'decide-outcome-error' : undefined}
      >
        <legend className="mb-1 font-semibold">{t('outcomeLegend')}</legend>
        {errors.outcome ? (
          <p id="decide-outcome-error" role="alert" className="mb-1 font-semibold text-danger">
            {message(errors.outcome.message)}
          </p>
        ) : null}
        <p className="mb-2 text-muted">{t('noWorseHint')}</p>
        {choices.map(({ outcome, label }) => (
          <label key={outcome} className="mb-2 flex items-center gap-2">
            <input type="radio" value={outcome} className="h-6 w-6" {...form.register('outcome')} />
            {label}
          </label>
        ))}
      </fieldset>
      <div className={`mb-5 ${errors.ruleCode ? 'border-l-4 border-danger pl-3' : ''}`}>
        <label htmlFor="decide-rule" className="mb-1 block font-semibold">
          {t('ruleLabel')}
        </label>
        {errors.ruleCode ? (
          <p id="decide-rule-error" role="alert" className="mb-1 font-semibold text-danger">
            {message(errors.ruleCode.message)}
          </p>
        ) : null}
        <select
          id="decide-rule"
          className="input"
          aria-invalid={errors.ruleCode ? true : undefined}
          aria-describedby={errors.ruleCode ? 'decide-rule-error' : undefined}
          {...form.register('ruleCode')}
        >
          <option value="">{t('rulePlaceholder')}</option>
          {rules.map((rule) => (
            <option key={rule.code} value={rule.code}>
              {rule.name}
            </option>
          ))}
        </select>
      </div>
      <div className={`mb-5 ${errors.reasons ? 'border-l-4 border-danger pl-3' : ''}`}>
        <label htmlFor="decide-reasons" className="mb-1 block font-semibold">
          {t('reasonsLabel')}
        </label>
        <p id="decide-reasons-hint" className="mb-1 text-muted">
          {t('reasonsHint')}
        </p>
        {errors.reasons ? (
          <p id="decide-reasons-error" role="alert" className="mb-1 font-semibold text-danger">
            {message(errors.reasons.message)}
          </p>
        ) : null}
        <textarea
          id="decide-reasons"
          rows={6}
          className="input"
          aria-invalid={errors.reasons ? true : undefined}
          aria-describedby={['decide-reasons-hint', errors.reasons ? 'decide-reasons-error' : '']
            .filter(Boolean)
            .join(' ')}
          {...form.register('reasons')}
        />
      </div>
      <button type="submit" className="button" disabled={isSubmitting}>
        {t('submit')}
      </button>
      <ActionStatus result={result} success={() => t('recorded')} />
    </form>
  );
}
