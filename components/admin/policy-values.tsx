// The five deadline rules of a policy, labelled with their units (hours or working days), as a definition list.
import { getTranslations } from 'next-intl/server';
import type { DeadlinePolicyValues } from '@/lib/cases/rules/deadlines';

export const POLICY_RULES = [
  'redHours',
  'yellowHours',
  'recognitionHours',
  'secondReviewWorkingDays',
  'citizenReplyHours',
] as const;

export async function PolicyValues({ values, testId }: { values: DeadlinePolicyValues; testId?: string }) {
  const t = await getTranslations('admin.policies');
  return (
    <dl className="m-0 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1" data-testid={testId}>
      {POLICY_RULES.map((rule) => (
        <div key={rule} className="contents">
          <dt>{t(`rules.${rule}`)}</dt>
          <dd className="m-0 text-right" data-rule={rule}>
            {t(rule === 'secondReviewWorkingDays' ? 'workingDays' : 'hours', { count: values[rule] })}
          </dd>
        </div>
      ))}
    </dl>
  );
}
