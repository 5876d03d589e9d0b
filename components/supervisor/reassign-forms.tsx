'use client';
// Reassigning work: one case to a named reviewer (case page), or every open case of a reviewer (workload table).
import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { FormStateAction } from '@/components/forms/use-action-form';
import { ActionStatus } from './action-status';

export interface ReviewerChoice {
  id: string;
  name: string;
  open: number;
  capacity: number;
}

export function ReassignCaseForm({
  caseId,
  version,
  reviewers,
  currentId,
  reassign,
}: {
  caseId: string;
  version: number;
  reviewers: ReviewerChoice[];
  currentId: string | null;
  /** Reassigns the case (a server action handed down by the page). */
  reassign: FormStateAction<unknown>;
}) {
  const t = useTranslations('supervise.reassign');
  const [result, action, pending] = useActionState(reassign, null);
  const choices = reviewers.filter((reviewer) => reviewer.id !== currentId);
  const [selected, setSelected] = useState(choices[0]?.id ?? '');
  if (choices.length === 0) return <p>{t('noReviewers')}</p>;
  return (
    <form action={action} className="max-w-xl" aria-labelledby="reassign-heading">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <label htmlFor="reassign-reviewer" className="mb-1 block font-semibold">
        {t('reviewerLabel')}
      </label>
      <select
        id="reassign-reviewer"
        name="reviewerId"
        className="input mb-4"
        required
        value={selected}
        onChange={(event) => setSelected(event.target.value)}
      >
        {choices.map((reviewer) => (
          <option key={reviewer.id} value={reviewer.id}>
            {t('reviewerOption', { name: reviewer.name, open: reviewer.open, capacity: reviewer.capacity })}
          </option>
        ))}
      </select>
      <label htmlFor="reassign-reason" className="mb-1 block font-semibold">
        {t('reasonLabel')}
      </label>
      <input id="reassign-reason" name="reason" className="input mb-4" maxLength={500} autoComplete="off" />
      <button type="submit" className="button" disabled={pending}>
        {t('submit')}
      </button>
      <ActionStatus
        result={result}
        success={() => t('done', { name: reviewers.find((reviewer) => reviewer.id === selected)?.name ?? '' })}
      />
    </form>
  );
}

/** Reassigns every open case of a reviewer; the action answers how many went where. */
export type ReassignAllAction = FormStateAction<{ reassigned: number; pooled: number; unchanged: number }>;

export function ReassignAllForm({
  reviewerId,
  reviewerName,
  reassignAll,
}: {
  reviewerId: string;
  reviewerName: string;
  reassignAll: ReassignAllAction;
}) {
  const t = useTranslations('supervise.reassign');
  const [result, action, pending] = useActionState(reassignAll, null);
  // The form is built when its summary is first opened: the board lists up to 25 reviewers, and 25 closed forms
  // were a fifth of the page's HTML. Once opened it stays, so a result stays in view after the details close.
  const [opened, setOpened] = useState(false);
  const reasonId = `reassign-all-reason-${reviewerId}`;
  return (
    <details className="mt-1" onToggle={(event) => setOpened((was) => was || event.currentTarget.open)}>
      <summary className="cursor-pointer text-link underline">{t('allSummary', { name: reviewerName })}</summary>
      {opened ? (
        <form action={action} className="mt-2 max-w-md">
          <input type="hidden" name="fromReviewerId" value={reviewerId} />
          <label htmlFor={reasonId} className="mb-1 block font-semibold">
            {t('allReasonLabel')}
          </label>
          <p id={`${reasonId}-hint`} className="mb-1 text-sm text-muted">
            {t('allReasonHint')}
          </p>
          <input
            id={reasonId}
            name="reason"
            className="input mb-3"
            required
            minLength={5}
            maxLength={500}
            aria-describedby={`${reasonId}-hint`}
          />
          <button type="submit" className="button" disabled={pending}>
            {t('allSubmit')}
          </button>
          <ActionStatus result={result} success={(data) => t('allDone', data)} />
        </form>
      ) : null}
    </details>
  );
}
